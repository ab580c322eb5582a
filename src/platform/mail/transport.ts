import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';

export interface MailEnvelope {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Where emails go: an SMTP server, or .eml files for a machine without one. */
export interface MailTransport {
  send(mail: MailEnvelope): Promise<void>;
  close(): void;
}

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url, { connectionTimeout: 5000, greetingTimeout: 5000, socketTimeout: 10000 });
  return {
    async send(mail) {
      await transporter.sendMail(mail);
    },
    close: () => transporter.close(),
  };
}

export function fileTransport(directory: string, onWrite?: (file: string, mail: MailEnvelope) => void): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transporter.sendMail(mail);
      await fs.mkdir(directory, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.messageId.replace(/[^A-Za-z0-9-]/g, '')}.eml`;
      const file = path.join(directory, name);
      await fs.writeFile(file, info.message as Buffer);
      onWrite?.(file, mail);
    },
    close: () => transporter.close(),
  };
}

/** The transport the configuration selects: SMTP at `SMTP_URL`, else `.eml` files in `<data dir>/mail`. */
export function configuredTransport(config: Pick<Config, 'smtpUrl' | 'dataDir'>, onWrite?: (file: string, mail: MailEnvelope) => void): MailTransport {
  return config.smtpUrl ? smtpTransport(config.smtpUrl) : fileTransport(mailDirectory(config), onWrite);
}

export function mailDirectory(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'mail');
}
