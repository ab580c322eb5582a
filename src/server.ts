import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { maskedUrl } from './platform/db/connect-error.js';
import { createJobRunner, type JobRunner } from './platform/jobs/job-runner.js';
import { createMailWorker, type MailWorker } from './platform/mail/mail-worker.js';
import { configuredTransport } from './platform/mail/transport.js';
import { StartupError } from './platform/lib/startup-error.js';
import { createScheduledJobs } from './jobs.js';
import type { Runtime } from './runtime.js';
import { seedDemo } from './seed/demo.js';

export interface RunningServer {
  app: FastifyInstance;
  mailWorker: MailWorker;
  /** The scheduled clean-up jobs; stop() ends a running one between two batches and waits for it. */
  jobRunner: JobRunner;
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves HTTP and runs the mail worker and the scheduled jobs; on an empty database, seeds the demo once
 * it listens (a port in use fails before anything is written). Fails with a StartupError when the port
 * cannot be had.
 */
export async function startServer(runtime: Runtime): Promise<RunningServer> {
  const { config, database, services, logger, clock } = runtime;

  const transport = configuredTransport(config, (file, mail) => logger.info({ file, to: mail.to, subject: mail.subject }, 'email written'));
  const mailWorker = createMailWorker({
    db: database.db,
    transport,
    from: mailFrom(config.publicUrl),
    logger,
    retryMaxSeconds: config.mailRetryMaxSeconds,
  });
  const jobRunner = createJobRunner({ db: database.db, clock, jobs: createScheduledJobs({ db: database.db, clock }), logger });

  const app = await buildApp({ database, config, services, logger });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    throw listenFailure(config, error);
  }
  mailWorker.start();
  jobRunner.start();
  let demo: Awaited<ReturnType<typeof seedDemo>>;
  try {
    demo = await seedDemo(runtime);
  } catch (error) {
    await app.close();
    await Promise.all([mailWorker.stop(), jobRunner.stop()]);
    throw error;
  }
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;

  const where = database.engine === 'pglite' ? `embedded PostgreSQL (PGlite) in ${path.join(config.dataDir, 'pglite')}` : `PostgreSQL at DATABASE_URL=${maskedUrl(config.databaseUrl ?? '')}`;
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
    jobRunner,
    url,
    async stop() {
      await app.close();
      await Promise.all([mailWorker.stop(), jobRunner.stop()]);
    },
  };
}

function listenFailure(config: Runtime['config'], error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new StartupError(`port ${config.port} is in use`);
  if (code === 'EACCES') return new StartupError(`port ${config.port} needs privileges this process does not have: choose PORT above 1023`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new StartupError(`HOST ${config.host} is not an address of this machine`);
  return error;
}

export function mailFrom(publicUrl: string): string {
  const host = new URL(publicUrl).hostname;
  // An address literal is no mail domain (`no-reply@127.0.0.1` is refused by strict servers).
  return `Roster <no-reply@${/^[\d.]+$|^\[/.test(host) ? 'localhost' : host}>`;
}
