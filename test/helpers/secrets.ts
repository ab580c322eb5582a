import { sql } from 'kysely';
import type { Harness } from './harness.js';

/**
 * Every secret the database holds: the hashes of API tokens, invite tokens, one-time tokens and
 * sessions, and the TOTP secrets. A response that carries one of them leaks it.
 */
export async function storedSecrets(h: Harness): Promise<{ hashes: Set<string>; totp: Set<string> }> {
  const db = h.database.db;
  const [tokens, invites, oneTime, sessions, authenticators] = await Promise.all([
    db.selectFrom('api_tokens').select('token_hash as hash').execute(),
    db.selectFrom('members').select('token_hash as hash').where('token_hash', 'is not', null).execute(),
    db.selectFrom('user_one_time_tokens').select('token_hash as hash').execute(),
    db.selectFrom('user_sessions').select('token_hash as hash').execute(),
    db.selectFrom('user_authenticators').select('secret').execute(),
  ]);
  const hashes = new Set([...tokens, ...invites, ...oneTime, ...sessions].map((row) => row.hash!));
  return { hashes, totp: new Set(authenticators.map((row) => row.secret)) };
}

/**
 * Every text value of every row of every table in the current schema, as one string per table: what
 * a test searches for a plaintext secret. Read through `row_to_json`, so each column is as stored.
 */
export async function everyStoredText(h: Harness): Promise<Map<string, string>> {
  const db = h.database.db;
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const result = new Map<string, string>();
  for (const { name } of tables.rows) {
    const rows = await sql<{ row: unknown }>`select row_to_json(t) as row from ${sql.table(name)} as t`.execute(db);
    result.set(name, rows.rows.map((row) => JSON.stringify(row.row)).join('\n'));
  }
  return result;
}
