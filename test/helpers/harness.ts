import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { ManualClock } from '../../src/platform/lib/clock.js';
import { createMailWorker, type MailWorker } from '../../src/platform/mail/mail-worker.js';
import { smtpTransport, type MailTransport } from '../../src/platform/mail/transport.js';
import { createServices, type Services } from '../../src/services.js';
import { seed, type SeedResult } from '../../src/seed/seed.js';
import type { Database } from '../../src/platform/db/database.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { startSmtpServer, type TestSmtpServer } from './smtp.js';
import type { Answer } from './api-types.js';

/** A response as tests read it; the body's type is the route's (see `request`) or `unknown`. */
export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

export interface Harness {
  app: FastifyInstance;
  database: Database;
  testDatabase: TestDatabase;
  services: Services;
  config: Config;
  clock: ManualClock;
  /** Loads a `roster seed` fixture. */
  seed(fixture: unknown): Promise<SeedResult>;
  /**
   * Sends a request through the app as the holder of `token` (null: no credentials). The body is typed
   * as the route answers on success (`unknown` for a URL built out of sight); name `T` to read another.
   */
  request<T = never, const M extends string = string, Url extends string = string>(
    token: string | null,
    method: M,
    url: Url,
    body?: unknown,
  ): Promise<Response<Answer<T, M, Url>>>;
  /**
   * Another app on the same database with a connection pool of its own (what another `roster serve`
   * process would be), for races across processes; closed by close(). Its clock is the harness's
   * unless one is given.
   */
  anotherApp(options?: { poolSize?: number; clock?: ManualClock }): Promise<FastifyInstance>;
  close(): Promise<void>;
}

/** A harness with an in-process SMTP server (`createHarness({ mail: true })`), stopped by close(). */
export interface MailHarness extends Harness {
  smtp: TestSmtpServer;
  /** A mail worker delivering the outbox to `smtp`, stopped by close() (for `start()` or an outage). */
  mailWorker(): MailWorker;
  /** Delivers what the outbox holds now to `smtp` (one pass of a worker); resolves to the number of emails tried. */
  deliverMail(): Promise<number>;
}

export interface HarnessOptions {
  config?: Partial<Config>;
  start?: Date;
  /** Also start an SMTP server and give the harness a mail worker delivering to it. */
  mail?: boolean;
}

/** One app on a fresh database, driven through `inject()`: what every integration test starts from. */
export async function createHarness(options: HarnessOptions & { mail: true }): Promise<MailHarness>;
export async function createHarness(options?: HarnessOptions): Promise<Harness>;
export async function createHarness(options: HarnessOptions = {}): Promise<Harness | MailHarness> {
  const testDatabase = await createTestDatabase();
  const { database } = testDatabase;
  const config: Config = Object.freeze({
    ...loadConfig({ ROSTER_PUBLIC_URL: 'http://roster.test', LOG_LEVEL: 'silent' }),
    ...options.config,
  });
  const clock = new ManualClock(options.start ?? new Date());
  const services = createServices({ database, config, clock });
  const app = await buildApp({ database, config, services, logger: false });
  const workers: MailWorker[] = [];
  const otherApps: FastifyInstance[] = [];
  const smtp = options.mail ? await startSmtpServer() : null;

  const harness: Harness = {
    app,
    database,
    testDatabase,
    services,
    config,
    clock,
    seed: (fixture) => seed({ db: database.db, tokens: services.tokens, clock, config }, fixture),
    async request(token, method, url, body) {
      const response = await app.inject({
        method: method as InjectOptions['method'],
        url,
        headers: token ? { authorization: `Bearer ${token}` } : {},
        ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
      });
      const text = response.body;
      let parsed: unknown = text;
      if (text && String(response.headers['content-type'] ?? '').includes('json')) parsed = JSON.parse(text);
      return { status: response.statusCode, body: parsed as never, headers: response.headers };
    },
    async anotherApp({ poolSize, clock: ownClock } = {}) {
      const other = await testDatabase.openAnother(poolSize);
      const otherServices = createServices({ database: other, config, clock: ownClock ?? clock });
      const otherApp = await buildApp({ database: other, config, services: otherServices, logger: false });
      otherApps.push(otherApp);
      return otherApp;
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.stop()));
      await Promise.all(otherApps.map((other) => other.close()));
      await app.close();
      await testDatabase.close();
      await smtp?.stop();
    },
  };
  if (!smtp) return harness;
  const mailWorker = () => {
    const transport: MailTransport = smtpTransport(smtp.url);
    const worker = createMailWorker({ db: database.db, transport, from: 'Roster <no-reply@roster.test>', pollMs: 20 });
    workers.push(worker);
    return worker;
  };
  return { ...harness, smtp, mailWorker, deliverMail: () => mailWorker().runOnce() };
}
