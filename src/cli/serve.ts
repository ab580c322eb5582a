import cluster from 'node:cluster';
import type { Config } from '../config.js';
import { pgliteDir } from '../platform/db/paths.js';
import { createLogger, openRuntime, type Runtime } from '../runtime.js';
import { startServer, type ClusterPart, type RunningServer } from '../server.js';
import { LEAD_WORKER_ENV, serveCluster } from './cluster.js';
import type { DbCommand } from './commands.js';
import { lockDataDir, type CommandReply, type DataDirLock } from './data-dir-lock.js';
import { CliError } from './errors.js';
import { runDbCommand } from './run-command.js';

/** A command sent by `roster` in another process, run here; a bug is logged, and reported in one line. */
async function replyTo(runtime: Runtime, command: DbCommand): Promise<CommandReply> {
  try {
    return { ok: true, output: await runDbCommand(runtime, command) };
  } catch (error) {
    if (error instanceof CliError) return { ok: false, message: error.message, exitCode: error.exitCode };
    runtime.logger.error({ err: error, command: command.name }, 'CLI command failed');
    return { ok: false, message: `${command.name} failed in the server: ${error instanceof Error ? error.message : String(error)} (see its log)`, exitCode: 1 };
  }
}

/** How long closing the database may take once the server has stopped. */
const DATABASE_CLOSE_MS = 5000;

/**
 * Closes the database, or gives up after DATABASE_CLOSE_MS: the pool waits for the connections still
 * checked out, and a request whose connection the shutdown deadline cut may hold one, waiting on a lock,
 * for as long as that lock is held. The process exits anyway; PostgreSQL rolls back what it had begun.
 */
async function closeDatabase(runtime: Runtime): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), DATABASE_CLOSE_MS)));
  const closed = runtime.close().then(
    () => 'closed' as const,
    (error: unknown) => runtime.logger.error({ err: error }, 'closing the database failed'),
  );
  if ((await Promise.race([closed, late])) === 'late') runtime.logger.warn('the database did not close in time: exiting with its transactions left to roll back');
  clearTimeout(timer);
}

/**
 * `roster serve`: takes the embedded database's lock (or connects to PostgreSQL), migrates, serves, and
 * runs CLI commands sent by other processes. SIGINT, SIGTERM and SIGHUP stop it gracefully (the server
 * drains its requests and its mail worker's sends), then close the database, release the lock and exit 0.
 * With `workers` > 1 (PostgreSQL only: the CLI checked) this process becomes the primary of a cluster
 * (./cluster.ts) and each worker it forks runs this function again, as a worker.
 */
export async function serve(config: Config, workers: number): Promise<void> {
  if (cluster.isWorker) return serveProcess(config, { lead: process.env[LEAD_WORKER_ENV] === '1' });
  if (workers === 1) return serveProcess(config, null);
  return serveCluster(config, workers);
}

async function serveProcess(config: Config, part: ClusterPart | null): Promise<void> {
  const lock: DataDirLock | null = config.databaseUrl ? null : await lockDataDir(config.dataDir, pgliteDir(config.dataDir), { takesCommands: true });
  let runtime: Runtime | null = null;
  let server: RunningServer;
  try {
    runtime = await openRuntime(config, createLogger(config));
    server = await startServer(runtime, part);
  } catch (error) {
    await runtime?.close();
    await lock?.release();
    throw error;
  }
  const opened = runtime;
  lock?.serveCommands((command) => replyTo(opened, command));
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    opened.logger.info('stopping: draining requests in flight');
    try {
      await server.stop();
    } catch (error) {
      opened.logger.error({ err: error }, 'stopping the server failed');
    }
    await closeDatabase(opened);
    await lock?.release();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown());
}
