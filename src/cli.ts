#!/usr/bin/env node
import fs from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger, openRuntime, type Runtime } from './runtime.js';
import { startServer } from './server.js';
import { findUserByEmail, insertUser } from './accounts/users.queries.js';
import { EVERY_SCOPE } from './accounts/tokens.service.js';
import { normalizeEmail } from './lib/email.js';
import { isCleanName, NAME_CHARACTERS_MESSAGE } from './http/schemas.js';
import { seed, SeedError } from './seed/seed.js';

const USAGE = `Usage: roster <command>

  serve                                        migrate, then serve HTTP and deliver emails (PORT, HOST)
  migrate                                      apply pending database migrations
  user create --email E [--name N] [--superuser]
  token create --email E [--scopes a,b]        print a new API token (once)
  signin-link --email E                        print a one-time sign-in link for the web console
  seed FILE                                    load a fixture (JSON) and print what it created

Configuration comes from the environment: DATABASE_URL, ROSTER_DATA_DIR, ROSTER_PUBLIC_URL, SMTP_URL,
PORT, HOST, LOG_LEVEL (see README.md).`;

class UsageError extends Error {}

async function withRuntime<T>(config: Config, run: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(config, createLogger(config, 2));
  try {
    return await run(runtime);
  } finally {
    await runtime.close();
  }
}

function option(args: string[], spec: NonNullable<ParseArgsConfig['options']>) {
  return parseArgs({ args, options: spec, allowPositionals: true }).values as Record<string, string | boolean | undefined>;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const runtime = await openRuntime(config, createLogger(config));
      const server = await startServer(runtime);
      const shutdown = async () => {
        await server.stop();
        await runtime.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      return;
    }
    case 'migrate':
      await withRuntime(config, async () => console.log('Database is up to date.'));
      return;
    case 'user': {
      const [sub, ...args] = rest;
      if (sub !== 'create') throw new UsageError(`unknown command "user ${sub ?? ''}"`);
      const values = option(args, { email: { type: 'string' }, name: { type: 'string' }, superuser: { type: 'boolean' } });
      if (typeof values.email !== 'string') throw new UsageError('user create needs --email');
      const email = normalizeEmail(values.email);
      if (typeof values.name === 'string' && !isCleanName(values.name)) throw new UsageError(`--name: ${NAME_CHARACTERS_MESSAGE}`);
      await withRuntime(config, async ({ database }) => {
        if (await findUserByEmail(database.db, email)) throw new UsageError(`a user with email ${email} already exists`);
        const user = await insertUser(database.db, {
          email,
          name: typeof values.name === 'string' ? values.name : '',
          isSuperuser: values.superuser === true,
          emailVerified: true,
        });
        console.log(JSON.stringify({ id: user.id, email: user.email, isSuperuser: user.is_superuser }));
      });
      return;
    }
    case 'token': {
      const [sub, ...args] = rest;
      if (sub !== 'create') throw new UsageError(`unknown command "token ${sub ?? ''}"`);
      const values = option(args, { email: { type: 'string' }, scopes: { type: 'string' } });
      if (typeof values.email !== 'string') throw new UsageError('token create needs --email');
      const scopes = typeof values.scopes === 'string' ? values.scopes.split(',').map((s) => s.trim()).filter(Boolean) : [...EVERY_SCOPE];
      await withRuntime(config, async ({ database, services }) => {
        const user = await findUserByEmail(database.db, normalizeEmail(String(values.email)));
        if (!user) throw new UsageError(`no user with email ${String(values.email)}`);
        const created = await services.tokens.create(user.id, scopes, 'cli');
        console.log(created.token);
      });
      return;
    }
    case 'signin-link': {
      const values = option(rest, { email: { type: 'string' } });
      if (typeof values.email !== 'string') throw new UsageError('signin-link needs --email');
      const email = values.email;
      await withRuntime(config, async ({ services }) => {
        const link = await services.sessions.signinLinkFor(email);
        if (!link) throw new UsageError(`no active user with email ${email}`);
        console.log(link);
      });
      return;
    }
    case 'seed': {
      const file = rest[0];
      if (!file) throw new UsageError('seed needs a FILE');
      let fixture: unknown;
      try {
        fixture = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (error) {
        throw new SeedError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
      await withRuntime(config, async (runtime) => {
        const result = await seed({ db: runtime.database.db, tokens: runtime.services.tokens, clock: runtime.clock, config }, fixture);
        console.log(JSON.stringify(result, null, 2));
      });
      return;
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`roster: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof ConfigError || error instanceof SeedError) {
    console.error(`roster: ${error.message}`);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
