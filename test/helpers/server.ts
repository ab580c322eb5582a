import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { systemClock } from '../../src/platform/lib/clock.js';
import { createMailWorker, type MailWorker } from '../../src/platform/mail/mail-worker.js';
import { smtpTransport } from '../../src/platform/mail/transport.js';
import { createServices, type Services } from '../../src/services.js';
import { seed, type SeedResult } from '../../src/seed/seed.js';
import { createWebhookWorker } from '../../src/webhooks/webhook-worker.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { freePort } from './ports.js';
import { startSmtpServer, type TestSmtpServer } from './smtp.js';

/** A real Roster on a random loopback port, with its mail worker delivering to an in-process SMTP server. */
export interface TestServer {
  url: string;
  app: FastifyInstance;
  services: Services;
  config: Config;
  testDatabase: TestDatabase;
  smtp: TestSmtpServer;
  mailWorker: MailWorker;
  seed(fixture: unknown): Promise<SeedResult>;
  close(): Promise<void>;
}

/**
 * `env` is read as `roster serve` reads its environment (ROSTER_WEBHOOK_ALLOW_PRIVATE=1, say); `config`
 * overrides the result (ROSTER_SECRET_KEY for the SSO tests). `webhooks` also runs the webhook worker
 * `roster serve` runs, polling as often as the mail worker here; the other tests leave it off.
 */
export async function startTestServer(options: { config?: Partial<Config>; env?: Record<string, string>; webhooks?: boolean } = {}): Promise<TestServer> {
  const testDatabase = await createTestDatabase();
  const smtp = await startSmtpServer();
  // The links in emails must point at this server, so the port is chosen before the config is made.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config: Config = Object.freeze({ ...loadConfig({ ...options.env, ROSTER_PUBLIC_URL: url, LOG_LEVEL: 'silent' }), port, host: '127.0.0.1', smtpUrl: smtp.url, ...options.config });
  const services = createServices({ database: testDatabase.database, config, clock: systemClock });
  const app = await buildApp({ database: testDatabase.database, config, services, logger: false });
  await app.listen({ port, host: '127.0.0.1' });
  const mailWorker = createMailWorker({ db: testDatabase.database.db, transport: smtpTransport(smtp.url), from: 'Roster <no-reply@roster.test>', pollMs: 50 });
  mailWorker.start();
  const webhookWorker = options.webhooks
    ? createWebhookWorker({ db: testDatabase.database.db, clock: systemClock, secretKey: config.secretKey, allowPrivate: config.webhookAllowPrivate, publicUrl: url, pollMs: 50 })
    : null;
  webhookWorker?.start();
  return {
    url,
    app,
    services,
    config,
    testDatabase,
    smtp,
    mailWorker,
    seed: (fixture) => seed({ db: testDatabase.database.db, tokens: services.tokens, clock: systemClock, config }, fixture),
    async close() {
      await app.close();
      await mailWorker.stop();
      await webhookWorker?.stop();
      await smtp.stop();
      await testDatabase.close();
    },
  };
}
