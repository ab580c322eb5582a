import pino, { type Logger } from 'pino';
import type { Config } from './config.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { pgliteDir } from './platform/db/paths.js';
import { connectFailure } from './platform/db/connect-error.js';
import { migrate } from './platform/db/migrate.js';
import { StartupError } from './platform/lib/startup-error.js';
import { systemClock, type Clock } from './platform/lib/clock.js';
import { createServices, type Services } from './services.js';

export interface Runtime {
  config: Config;
  database: Database;
  services: Services;
  clock: Clock;
  logger: Logger;
  close(): Promise<void>;
}

/** Structured logs; the CLI writes them to stderr so that stdout stays for what a command prints. */
export function createLogger(config: Config, destination: 1 | 2 = 1): Logger {
  return pino({ level: config.logLevel }, pino.destination(destination));
}

/** Opens the configured database, applies pending migrations and wires the services. */
export async function openRuntime(config: Config, logger: Logger, clock: Clock = systemClock): Promise<Runtime> {
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? null : pgliteDir(config.dataDir),
    onPoolError: (error) => logger.warn({ error: error.message }, 'database connection lost'),
  });
  let applied: string[];
  try {
    applied = await migrate(database.db);
  } catch (error) {
    await database.close().catch(() => {});
    const failure = config.databaseUrl ? connectFailure(config.databaseUrl, error) : null;
    throw failure ? new StartupError(failure) : error;
  }
  if (applied.length > 0) logger.info({ applied }, 'applied migrations');
  const services = createServices({ database, config, clock });
  return { config, database, services, clock, logger, close: () => database.close() };
}
