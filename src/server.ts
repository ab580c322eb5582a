import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { maskedUrl } from './platform/db/connect-error.js';
import { createJobRunner, type JobRunner } from './platform/jobs/job-runner.js';
import { createMailWorker, type MailWorker } from './platform/mail/mail-worker.js';
import { createWebhookWorker, type WebhookWorker } from './webhooks/webhook-worker.js';
import { configuredTransport } from './platform/mail/transport.js';
import { StartupError } from './platform/lib/startup-error.js';
import { createServingState } from './platform/http/health.js';
import { unsentEmailBacklog } from './platform/mail/outbox.queries.js';
import { countDelivery, reportToClusterPrimary, watchConnections, watchOutbox } from './platform/metrics/metrics.js';
import { pendingWebhookBacklog } from './webhooks/webhook-delivery.queries.js';
import { startMetricsServer, type MetricsServer } from './platform/metrics/metrics-server.js';
import { createScheduledJobs } from './jobs.js';
import type { Runtime } from './runtime.js';
import { seedDemo } from './seed/demo.js';

export interface RunningServer {
  app: FastifyInstance;
  mailWorker: MailWorker;
  webhookWorker: WebhookWorker;
  /** The scheduled clean-up jobs; stop() ends a running one between two batches and waits for it. */
  jobRunner: JobRunner;
  url: string;
  /** The metrics listener's `/metrics` URL, when ROSTER_METRICS_PORT is set. */
  metricsUrl: string | null;
  /**
   * Stops gracefully (README, "Stopping"): readiness turns 503, the listener stops taking connections,
   * requests in flight finish (those still running after ROSTER_SHUTDOWN_SECONDS have their
   * connections cut), the mail and webhook workers finish what they are sending. The database stays open for
   * the caller to close.
   */
  stop(): Promise<void>;
}

/**
 * This process's part in `roster serve --workers N` (src/cli/cluster.ts): every worker serves HTTP; the
 * lead (worker 1, and whichever replaces it) also runs the background work, seeds the demo and prints
 * the banner. No worker serves metrics: the primary does, summing theirs.
 */
export interface ClusterPart {
  lead: boolean;
}

/**
 * Serves HTTP and runs the mail worker and the scheduled jobs; on an empty database, seeds the demo once
 * it listens (a port in use fails before anything is written). Fails with a StartupError when the port
 * cannot be had. In a cluster worker (`part`) that is not the lead, it serves HTTP only.
 */
export async function startServer(runtime: Runtime, part: ClusterPart | null = null): Promise<RunningServer> {
  const { config, database, services, logger, clock } = runtime;

  const transport = configuredTransport(config, (file, mail) => logger.info({ file, to: mail.to, subject: mail.subject }, 'email written'));
  const mailWorker = createMailWorker({
    db: database.db,
    transport,
    from: mailFrom(config.publicUrl),
    logger,
    retryMaxSeconds: config.mailRetryMaxSeconds,
  });
  const webhookWorker = createWebhookWorker({
    db: database.db,
    clock: runtime.clock,
    secretKey: config.secretKey,
    allowPrivate: config.webhookAllowPrivate,
    leaseSeconds: config.webhookLeaseSeconds,
    retryBaseMs: config.webhookRetryBaseSeconds * 1000,
    publicUrl: config.publicUrl,
    logger,
    onOutcome: (outcome) => countDelivery('webhook', outcome),
  });
  const jobRunner = createJobRunner({ db: database.db, clock, jobs: createScheduledJobs({ db: database.db, clock }), logger });

  const serving = createServingState();
  const app = await buildApp({ database, config, services, logger, serving });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    throw listenFailure(config, error);
  }
  let metrics: MetricsServer | null = null;
  let demo: Awaited<ReturnType<typeof seedDemo>> = null;
  // Alone or the lead: the background work. They coordinate through PostgreSQL (SKIP LOCKED, advisory
  // locks), so every worker could run them; one saves each other worker their connections and polls.
  const background = part === null || part.lead;
  try {
    if (config.metrics) {
      watchConnections(() => database.connections());
      if (background) {
        watchOutbox('email', () => unsentEmailBacklog(database.db));
        watchOutbox('webhook', () => pendingWebhookBacklog(database.db));
      }
      if (part) reportToClusterPrimary();
      else metrics = await startMetricsServer(config.metrics, logger);
    }
    if (background) {
      mailWorker.start();
      webhookWorker.start();
      jobRunner.start();
      demo = await seedDemo(runtime);
    }
  } catch (error) {
    await app.close();
    await Promise.all([mailWorker.stop(), webhookWorker.stop(), jobRunner.stop()]);
    await metrics?.close();
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

  if (metrics) lines.push(`Metrics are at ${metrics.url}.`);
  if (background) console.log(lines.join('\n'));

  return {
    app,
    mailWorker,
    webhookWorker,
    jobRunner,
    url,
    metricsUrl: metrics?.url ?? null,
    async stop() {
      serving.stopping = true;
      // The workers stop claiming at once; the emails and webhooks they are sending, and a running
      // job's batch, finish while the requests do.
      const workersStopped = Promise.all([mailWorker.stop(), webhookWorker.stop(), jobRunner.stop()]);
      await closeWithin(app, config.shutdownSeconds, logger);
      await workersStopped;
      await metrics?.close();
    },
  };
}

/**
 * Closes the HTTP listener and waits for the requests in flight (Fastify closes idle keep-alive
 * connections and answers 503 to a request that arrives on a busy one meanwhile); after `seconds`
 * the connections still open are cut.
 */
async function closeWithin(app: FastifyInstance, seconds: number, logger: Runtime['logger']): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), seconds * 1000)));
  const closed = app.close().then(() => 'closed' as const);
  if ((await Promise.race([closed, deadline])) === 'late') {
    logger.warn({ shutdownSeconds: seconds }, 'requests still in flight at the shutdown deadline: cutting their connections');
    app.server.closeAllConnections();
    await closed;
  }
  clearTimeout(timer);
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
