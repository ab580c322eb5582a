import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { createMailWorker, type MailWorker } from './mail/mail-worker.js';
import { configuredTransport } from './mail/transport.js';
import type { Runtime } from './runtime.js';
import { seedDemo } from './seed/demo.js';

export interface RunningServer {
  app: FastifyInstance;
  mailWorker: MailWorker;
  url: string;
  stop(): Promise<void>;
}

/** Serves HTTP and runs the mail worker; on an empty embedded database, seeds the demo first. */
export async function startServer(runtime: Runtime): Promise<RunningServer> {
  const { config, database, services, logger } = runtime;
  const demo = database.engine === 'pglite' ? await seedDemo(runtime) : null;

  const transport = configuredTransport(config, (file, mail) => logger.info({ file, to: mail.to, subject: mail.subject }, 'email written'));
  const mailWorker = createMailWorker({
    db: database.db,
    transport,
    from: mailFrom(config.publicUrl),
    logger,
    retryMaxSeconds: config.mailRetryMaxSeconds,
  });

  const app = await buildApp({ database, config, services, logger });
  await app.listen({ port: config.port, host: config.host });
  mailWorker.start();
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;

  const where = database.engine === 'pglite' ? `embedded PostgreSQL (PGlite) in ${path.join(config.dataDir, 'pglite')}` : 'PostgreSQL at DATABASE_URL';
  const lines = [`Roster is listening on ${url} — ${where}`, `The web console is at ${config.publicUrl}/`];
  if (demo) {
    lines.push(
      `Demo organization "${demo.orgSlug}" is ready; its owner is ${demo.ownerEmail}.`,
      `Sign in to the console as the owner (this link works once, within 15 minutes): ${demo.signinUrl}`,
      `Owner API token (shown once): ${demo.token}`,
      'Try:',
      `  curl -H 'Authorization: Bearer ${demo.token}' ${url}/api/0/organizations/${demo.orgSlug}/members/`,
    );
  } else {
    const delivery = config.smtpUrl ? 'by email' : `as an .eml file in ${path.join(config.dataDir, 'mail')}`;
    lines.push(
      `Make an API token with: npx roster token create --email <you@example.com>`,
      `Sign in to the console at ${config.publicUrl}/signin/: the link comes ${delivery} (or print one with npx roster signin-link --email <you@example.com>).`,
    );
  }
  lines.push(`Emails go to ${config.smtpUrl ? 'the SMTP server at SMTP_URL' : path.join(config.dataDir, 'mail') + ' as .eml files'}.`);
  console.log(lines.join('\n'));

  return {
    app,
    mailWorker,
    url,
    async stop() {
      await app.close();
      await mailWorker.stop();
    },
  };
}

export function mailFrom(publicUrl: string): string {
  return `Roster <no-reply@${new URL(publicUrl).hostname}>`;
}
