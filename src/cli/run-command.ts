import { findUserByEmail, insertUser } from '../identity/users.queries.js';
import { EVERY_SCOPE } from '../identity/tokens.service.js';
import { normalizeEmail } from '../platform/lib/email.js';
import { createScheduledJobs } from '../jobs.js';
import { createJobRunner } from '../platform/jobs/job-runner.js';
import type { Runtime } from '../runtime.js';
import { seed, SeedError } from '../seed/seed.js';
import type { DbCommand } from './commands.js';
import { CliError } from './errors.js';
import { listOrganizationsCommand, listTokensCommand, listUsersCommand, revokeTokenCommand } from './list-commands.js';

/**
 * Runs one database command on an open runtime and returns what it prints. The same function serves
 * the CLI on a database it opened itself and the server answering a CLI over its control socket, so a
 * command does the same thing whichever process runs it. Fails with a CliError a person can act on.
 */
export async function runDbCommand(runtime: Runtime, command: DbCommand): Promise<string> {
  const { database, services } = runtime;
  switch (command.name) {
    case 'migrate':
      // The runtime applied pending migrations when it opened.
      return 'Database is up to date.';
    case 'user create': {
      const email = normalizeEmail(command.email);
      if (await findUserByEmail(database.db, email)) throw new CliError(`a user with email ${email} already exists`, 2);
      const user = await database.db
        .transaction()
        .execute((tx) => insertUser(tx, { email, name: command.displayName, isSuperuser: command.superuser, emailVerified: true }));
      return JSON.stringify({ id: user.id, email: user.email, isSuperuser: user.is_superuser });
    }
    case 'user list':
      return listUsersCommand(runtime);
    case 'org list':
      return listOrganizationsCommand(runtime);
    case 'token list':
      return listTokensCommand(runtime, command.email);
    case 'token revoke':
      return revokeTokenCommand(runtime, command.tokenId);
    case 'token create': {
      const user = await findUserByEmail(database.db, normalizeEmail(command.email));
      if (!user) throw new CliError(`no user with email ${command.email}`, 2);
      const created = await services.tokens.create(user.id, command.scopes ?? [...EVERY_SCOPE], 'cli');
      return created.token;
    }
    case 'signin-link': {
      const link = await services.sessions.signinLinkFor(command.email);
      if (!link) throw new CliError(`no active user with email ${command.email}`, 2);
      return link;
    }
    case 'jobs run':
      return runJobs(runtime, command.job);
    case 'seed':
      try {
        const result = await seed({ db: database.db, tokens: services.tokens, clock: runtime.clock, config: runtime.config }, command.fixture);
        return JSON.stringify(result, null, 2);
      } catch (error) {
        if (error instanceof SeedError) throw new CliError(error.message);
        throw error;
      }
  }
}

/**
 * `jobs run [NAME]`: the jobs (or the one named) once, due or not; a job another process is running is
 * reported as skipped, never run beside it. An unknown name is a mistake (2), a failed job an error (1).
 */
async function runJobs(runtime: Runtime, name: string | null): Promise<string> {
  const db = runtime.database.db;
  const jobs = createScheduledJobs({ db, clock: runtime.clock });
  if (name !== null && !jobs.some((job) => job.name === name)) {
    throw new CliError(`unknown job "${name}" (jobs: ${jobs.map((job) => job.name).join(', ')})`, 2);
  }
  const runner = createJobRunner({ db, clock: runtime.clock, jobs, logger: runtime.logger });
  const outcomes = await runner.runNow(name === null ? undefined : [name]);
  for (const [job, outcome] of Object.entries(outcomes)) {
    if (outcome.status === 'failed') throw new CliError(`jobs run: ${job} failed: ${outcome.error}`);
  }
  return JSON.stringify(outcomes, null, 2);
}
