import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './database.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));
// Any constant works; it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK_KEY = 7_352_001;

export interface Migration {
  version: string;
  sql: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name))
    .sort()
    .map((name) => ({ version: name.replace(/\.sql$/, ''), sql: fs.readFileSync(new URL(name, `file://${dir}`), 'utf8') }));
}

/**
 * Applies every pending migration in one transaction, under an advisory lock so that several
 * processes starting at once migrate exactly once. Returns the versions it applied.
 */
export async function migrate(db: Db, migrations = readMigrations()): Promise<string[]> {
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(tx);
    await sql`create table if not exists schema_migrations (
      version text primary key,
      applied_at timestamptz not null default now()
    )`.execute(tx);
    const { rows } = await sql<{ version: string }>`select version from schema_migrations`.execute(tx);
    const applied = new Set(rows.map((row) => row.version));
    const pending = migrations.filter((migration) => !applied.has(migration.version));
    for (const migration of pending) {
      await sql.raw(migration.sql).execute(tx);
      await sql`insert into schema_migrations (version) values (${migration.version})`.execute(tx);
    }
    return pending.map((migration) => migration.version);
  });
}

/**
 * The versions of `migrations` this database has not applied (all of them before the first migration).
 * Readiness asks it: a database another process rolled back, or restored from an older backup, is one
 * this process's queries do not fit.
 */
export async function pendingMigrations(db: Db, migrations: readonly Migration[]): Promise<string[]> {
  const { rows: table } = await sql<{ found: string | null }>`select to_regclass('schema_migrations')::text as found`.execute(db);
  if (!table[0]?.found) return migrations.map((migration) => migration.version);
  const { rows } = await sql<{ version: string }>`select version from schema_migrations`.execute(db);
  const applied = new Set(rows.map((row) => row.version));
  return migrations.filter((migration) => !applied.has(migration.version)).map((migration) => migration.version);
}
