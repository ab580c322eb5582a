import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface TestSmtpServer {
  url: string;
  port: number;
  /** Every message received, parsed, in arrival order. */
  messages: ParsedMail[];
  /** Messages whose data has started to arrive (accepted or still held by `holdMs`). */
  readonly started: number;
  /**
   * Waits until `predicate` holds for the received messages (or throws after `timeoutMs`). Throws at
   * once if a message received so far speaks of another product: Roster's emails name Roster.
   */
  waitFor(predicate: (messages: ParsedMail[]) => boolean, timeoutMs?: number): Promise<ParsedMail[]>;
  /** Stops accepting connections (an outage); `start()` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** Another product's name in an email Roster sent (its subject, text or HTML), or null. */
export function foreignProductIn(mail: ParsedMail): string | null {
  for (const part of [mail.subject, mail.text, typeof mail.html === 'string' ? mail.html : '']) {
    const found = /\bsentry\b/i.exec(part ?? '');
    if (found) return `"${found[0]}" in the email ${JSON.stringify(mail.subject)}`;
  }
  return null;
}

/**
 * A real SMTP server in-process: what the mail worker delivers to, read back by the tests. `holdMs`
 * makes it a slow server that takes that long to accept each message once its data has arrived (a
 * send caught in the middle).
 */
export async function startSmtpServer(port = 0, { holdMs = 0 }: { holdMs?: number } = {}): Promise<TestSmtpServer> {
  const messages: ParsedMail[] = [];
  let started = 0;
  let server: SMTPServer | null = null;
  let boundPort = port;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream, _session, callback) {
          started++;
          simpleParser(stream)
            .then(async (mail) => {
              if (holdMs > 0) await new Promise((resolve) => setTimeout(resolve, holdMs));
              messages.push(mail);
              callback();
            })
            .catch(callback);
        },
      });
      server.once('error', reject);
      server.listen(boundPort, '127.0.0.1', () => {
        boundPort = ((server as unknown as { server: { address(): AddressInfo } }).server.address()).port;
        resolve();
      });
    });

  await listen();
  return {
    get url() {
      return `smtp://127.0.0.1:${boundPort}`;
    },
    get port() {
      return boundPort;
    },
    messages,
    get started() {
      return started;
    },
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const foreign = messages.map(foreignProductIn).find((found) => found !== null);
        if (foreign) throw new Error(`an email speaks of another product: ${foreign}`);
        if (predicate(messages)) break;
        if (Date.now() > deadline) throw new Error(`timed out waiting for emails; ${messages.length} received`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return messages;
    },
    stop: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
    start: listen,
  };
}

/** The addresses a message was sent to. */
export function recipients(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((address) => address.value.map((entry) => entry.address ?? ''));
}

/** The messages sent to `address`, in arrival order. */
export function mailsTo(messages: ParsedMail[], address: string): ParsedMail[] {
  return messages.filter((mail) => recipients(mail).includes(address));
}
