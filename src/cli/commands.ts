import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { MAX_WORKERS } from '../config.js';
import { NAME_CHARACTERS_MESSAGE, isCleanName } from '../platform/lib/names.js';
import { CliError, UnknownCommandError } from './errors.js';

export const USAGE = `Usage: roster <command>

  serve [--workers N]                          migrate, then serve HTTP and deliver emails (PORT, HOST);
                                               N processes share the port (PostgreSQL only)
  migrate                                      apply pending database migrations
  user create --email E [--name N] [--superuser]
  user list                                    every user, one JSON object a line
  token create --email E [--scopes a,b]        print a new API token (once)
  token list --email E                         that user's tokens (never the tokens themselves)
  token revoke ID                              delete a token, whoever holds it
  org list                                     every organization with its member count
  signin-link --email E                        print a one-time sign-in link for the web console
  seed FILE                                    load a fixture (JSON) and print what it created
  jobs run [NAME]                              run the scheduled clean-up jobs (or one) now; print what they did

Configuration comes from the environment: DATABASE_URL, ROSTER_DATA_DIR, ROSTER_PUBLIC_URL, SMTP_URL,
PORT, HOST, LOG_LEVEL, ROSTER_METRICS_PORT, ROSTER_SHUTDOWN_SECONDS, ROSTER_WORKERS (see README.md).`;

/**
 * A database command, parsed and with its input read, so that it can run in this process or be handed
 * as JSON to the server that holds the embedded database (a seed file is read here, where its path means
 * something).
 */
export type DbCommand =
  | { name: 'migrate' }
  | { name: 'user create'; email: string; displayName: string; superuser: boolean }
  | { name: 'user list' }
  | { name: 'token create'; email: string; scopes: string[] | null }
  | { name: 'token list'; email: string }
  | { name: 'token revoke'; tokenId: string }
  | { name: 'org list' }
  | { name: 'signin-link'; email: string }
  | { name: 'seed'; file: string; fixture: unknown }
  /** `job` null: every job. */
  | { name: 'jobs run'; job: string | null };

/** `workers` null: as ROSTER_WORKERS says (default 1). */
export type Command = { name: 'help' } | { name: 'serve'; workers: number | null } | DbCommand;

function options<T extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], spec: T, usage: string) {
  try {
    return parseArgs({ args, options: spec, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)} (usage: roster ${usage})`, 2);
  }
}

function requiredEmail(values: { email?: string | boolean }, usage: string): string {
  if (typeof values.email !== 'string' || values.email === '') throw new CliError(`${usage.split(' -')[0]} needs --email (usage: roster ${usage})`, 2);
  return values.email;
}

/** A command that takes no options nor arguments: anything after it is a mistake worth naming. */
function noArguments(args: string[], usage: string): void {
  const { positionals } = options(args, {}, usage);
  if (positionals.length > 0) throw new CliError(`${usage} takes no arguments, got "${positionals.join(' ')}" (usage: roster ${usage})`, 2);
}

function parseServe(args: string[]): Command {
  const usage = 'serve [--workers N]';
  const { values, positionals } = options(args, { workers: { type: 'string' } }, usage);
  if (positionals.length > 0) throw new CliError(`serve takes no arguments, got "${positionals.join(' ')}" (usage: roster ${usage})`, 2);
  if (values.workers === undefined) return { name: 'serve', workers: null };
  const workers = Number(values.workers);
  if (!/^\d{1,3}$/.test(values.workers) || workers < 1 || workers > MAX_WORKERS) {
    throw new CliError(`--workers must be a whole number from 1 to ${MAX_WORKERS}, got "${values.workers}" (usage: roster ${usage})`, 2);
  }
  return { name: 'serve', workers };
}

/** Reads argv into a command; an unknown command is an UnknownCommandError, a bad option a CliError. */
export function parseCommand(argv: string[]): Command {
  const [command, ...rest] = argv;
  switch (command) {
    case 'help':
    case '--help':
    case '-h':
      return { name: 'help' };
    case 'serve':
      return parseServe(rest);
    case 'migrate':
      return { name: 'migrate' };
    case 'user': {
      if (rest[0] === 'list') {
        noArguments(rest.slice(1), 'user list');
        return { name: 'user list' };
      }
      if (rest[0] !== 'create') throw new UnknownCommandError(`unknown command "user${rest[0] ? ` ${rest[0]}` : ''}"`);
      const usage = 'user create --email E [--name N] [--superuser]';
      const { values } = options(rest.slice(1), { email: { type: 'string' }, name: { type: 'string' }, superuser: { type: 'boolean' } }, usage);
      if (values.name !== undefined && !isCleanName(values.name)) throw new CliError(`--name: ${NAME_CHARACTERS_MESSAGE}`, 2);
      return { name: 'user create', email: requiredEmail(values, usage), displayName: values.name ?? '', superuser: values.superuser === true };
    }
    case 'token': {
      if (rest[0] === 'list') {
        const usage = 'token list --email E';
        return { name: 'token list', email: requiredEmail(options(rest.slice(1), { email: { type: 'string' } }, usage).values, usage) };
      }
      if (rest[0] === 'revoke') {
        const usage = 'token revoke ID';
        const { positionals } = options(rest.slice(1), {}, usage);
        const [tokenId, ...extra] = positionals;
        if (tokenId === undefined) throw new CliError(`token revoke needs a token ID (usage: roster ${usage}; roster token list --email E shows them)`, 2);
        if (extra.length > 0) throw new CliError(`token revoke takes one token ID, got ${positionals.length} (usage: roster ${usage})`, 2);
        if (!/^[1-9]\d{0,17}$/.test(tokenId)) throw new CliError(`a token ID is a whole number, got "${tokenId}" (usage: roster ${usage})`, 2);
        return { name: 'token revoke', tokenId };
      }
      if (rest[0] !== 'create') throw new UnknownCommandError(`unknown command "token${rest[0] ? ` ${rest[0]}` : ''}"`);
      const usage = 'token create --email E [--scopes a,b]';
      const { values } = options(rest.slice(1), { email: { type: 'string' }, scopes: { type: 'string' } }, usage);
      const scopes = values.scopes === undefined ? null : values.scopes.split(',').map((s) => s.trim()).filter(Boolean);
      return { name: 'token create', email: requiredEmail(values, usage), scopes };
    }
    case 'org': {
      if (rest[0] !== 'list') throw new UnknownCommandError(`unknown command "org${rest[0] ? ` ${rest[0]}` : ''}"`);
      noArguments(rest.slice(1), 'org list');
      return { name: 'org list' };
    }
    case 'signin-link': {
      const usage = 'signin-link --email E';
      const { values } = options(rest, { email: { type: 'string' } }, usage);
      return { name: 'signin-link', email: requiredEmail(values, usage) };
    }
    case 'seed': {
      const file = rest[0];
      if (!file) throw new CliError('seed needs a FILE (usage: roster seed FILE)', 2);
      try {
        return { name: 'seed', file, fixture: JSON.parse(fs.readFileSync(file, 'utf8')) };
      } catch (error) {
        throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    case 'jobs': {
      if (rest[0] !== 'run') throw new UnknownCommandError(`unknown command "jobs${rest[0] ? ` ${rest[0]}` : ''}"`);
      const { positionals } = options(rest.slice(1), {}, 'jobs run [NAME]');
      if (positionals.length > 1) throw new CliError('jobs run takes at most one job name (usage: roster jobs run [NAME])', 2);
      return { name: 'jobs run', job: positionals[0] ?? null };
    }
    case undefined:
      throw new UnknownCommandError(null);
    default:
      throw new UnknownCommandError(`unknown command "${command}"`);
  }
}
