import type { Config } from '../config.js';
import { pgliteDir } from '../platform/db/paths.js';
import type { DbCommand } from './commands.js';
import { lockDataDir, sendToHolder, type DataDirLock } from './data-dir-lock.js';
import { CliError } from './errors.js';

/**
 * Runs a database command where its writes are seen by the server. On PostgreSQL every process simply
 * connects. On the embedded database the process holding the data directory (a running `roster serve`)
 * runs it; when none does, this process takes the directory's lock and opens it itself.
 * Returns what the command prints; fails with a CliError.
 */
export async function runDbCommandFromCli(config: Config, command: DbCommand): Promise<string> {
  let lock: DataDirLock | null = null;
  if (!config.databaseUrl) {
    const reply = await sendToHolder(config.dataDir, pgliteDir(config.dataDir), command);
    if (reply) {
      if (!reply.ok) throw new CliError(reply.message, reply.exitCode);
      return reply.output;
    }
    lock = await lockDataDir(config.dataDir, pgliteDir(config.dataDir), { takesCommands: false });
  }
  try {
    // Loaded only here: a command the server runs needs none of the database code in this process.
    const { createLogger, openRuntime } = await import('../runtime.js');
    const { runDbCommand } = await import('./run-command.js');
    const runtime = await openRuntime(config, createLogger(config, 2));
    try {
      return await runDbCommand(runtime, command);
    } finally {
      await runtime.close();
    }
  } finally {
    await lock?.release();
  }
}
