#!/usr/bin/env node
import { parseCommand, USAGE, type Command } from './cli/commands.js';
import { CliError, UnknownCommandError } from './cli/errors.js';
import { ConfigError, loadConfig } from './config.js';
import { StartupError } from './platform/lib/startup-error.js';

// Only what every command needs is imported above; the server and the database driver are loaded by
// the commands that use them, so that `roster --help` and a command the running server executes start
// in a fraction of a second.
async function main(command: Command): Promise<void> {
  if (command.name === 'help') {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  if (command.name === 'serve') {
    const workers = command.workers ?? config.workers;
    if (workers > 1 && !config.databaseUrl) {
      throw new CliError(
        `--workers ${workers} (or ROSTER_WORKERS) needs DATABASE_URL: the embedded database (PGlite) belongs to one process, so it serves with one worker; set DATABASE_URL to a PostgreSQL server to run several`,
        2,
      );
    }
    const { serve } = await import('./cli/serve.js');
    return serve(config, workers);
  }
  const { runDbCommandFromCli } = await import('./cli/db-command.js');
  console.log(await runDbCommandFromCli(config, command));
}

function fail(error: unknown): never {
  if (error instanceof UnknownCommandError) {
    console.error(`roster: ${error.message}\n\n${USAGE}`);
    process.exit(error.exitCode);
  }
  if (error instanceof CliError) {
    console.error(`roster: ${error.message}`);
    process.exit(error.exitCode);
  }
  if (error instanceof ConfigError || error instanceof StartupError) {
    console.error(`roster: ${error.message}`);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
}

try {
  await main(parseCommand(process.argv.slice(2)));
} catch (error) {
  fail(error);
}
