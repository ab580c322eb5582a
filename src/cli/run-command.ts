import { findUserByEmail, insertUser } from '../identity/users.queries.js';
import { EVERY_SCOPE } from '../identity/tokens.service.js';
import { normalizeEmail } from '../platform/lib/email.js';
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
