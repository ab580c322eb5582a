import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { createTokenService, EVERY_SCOPE } from '../src/identity/tokens.service.js';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { pgliteDir } from '../src/platform/db/paths.js';
import { migrate } from '../src/platform/db/migrate.js';
import { systemClock } from '../src/platform/lib/clock.js';
import { hashSecret } from '../src/platform/lib/secrets.js';
import { memberEmail, seedStatements, type OrgShape } from './seed-sql.js';
import type { Actor, OrgWorld, World } from './world.js';

export interface Sizes {
  members: number;
  largeMembers: number;
  teams: number;
}

export const ORG_SLUG = 'bench';
/**
 * How far down the list the deep page starts: deep, yet with enough members after it that the searched
 * page is still full (1 in 20 matches), so that deep and page 1 do the same work.
 */
export const DEEP_POSITION = 0.75;
export const LARGE_SLUG = 'bench-large';

/** Seeds both organizations into a migrated database and returns what the scenarios need. */
export async function seedWorld(database: Database, sizes: Sizes, note: (text: string) => void): Promise<World> {
  const shapes: OrgShape[] = [
    { slug: ORG_SLUG, members: sizes.members, teams: sizes.teams, teamsPerMember: 2 },
    { slug: LARGE_SLUG, members: sizes.largeMembers, teams: sizes.teams, teamsPerMember: 0 },
  ];
  for (const shape of shapes) {
    const started = Date.now();
    for (const statement of seedStatements(shape)) await sql.raw(statement).execute(database.db);
    note(`seeded ${shape.slug}: ${shape.members} members in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const tokens = createTokenService({ db: database.db, clock: systemClock });
  const orgWorld = async (shape: OrgShape): Promise<OrgWorld> => {
    const actor = async (index: number): Promise<Actor> => {
      const { rows } = await sql<{ user_id: string; member_id: string; name: string }>`
        select u.id as user_id, m.id as member_id, u.name from users u
          join members m on m.user_id = u.id where u.email = ${memberEmail(shape.slug, index)}`.execute(database.db);
      const row = rows[0]!;
      const { token } = await tokens.create(row.user_id, EVERY_SCOPE, 'bench');
      return { userId: row.user_id, memberId: row.member_id, label: row.name, token, tokenHash: hashSecret(token) };
    };
    const { rows } = await sql<{ id: string; deep: string }>`
      select o.id, (select m.id from members m where m.organization_id = o.id order by m.id
                     offset ${Math.floor(shape.members * DEEP_POSITION)} limit 1) as deep
        from organizations o where o.slug = ${shape.slug}`.execute(database.db);
    return { slug: shape.slug, id: rows[0]!.id, members: shape.members, teams: shape.teams, owner: await actor(0), manager: await actor(1), deepAfterId: rows[0]!.deep };
  };
  const org = await orgWorld(shapes[0]!);
  const large = await orgWorld(shapes[1]!);
  const ids = await sql<{ id: string }>`select id from members where organization_id = ${org.id} order by id`.execute(database.db);
  const maxTeam = await sql<{ max: string }>`select max(id) as max from member_teams where organization_id = ${org.id}`.execute(database.db);
  const memberIds = ids.rows.map((row) => row.id);
  // The floors pick members by id between two bounds: the seed's ids must be consecutive.
  if (Number(memberIds.at(-1)) - Number(memberIds[0]) !== memberIds.length - 1) throw new Error('seeded member ids are not consecutive');
  return {
    runId: crypto.randomBytes(4).toString('hex'),
    org: { ...org, memberIds, maxSeedMemberTeamId: maxTeam.rows[0]!.max },
    large,
  };
}

export interface PostgresSetup {
  schema: string;
  /** DATABASE_URL for Roster: the same server, with this run's schema as search_path. */
  serverUrl: string;
  database: Database;
  world: World;
  drop(): Promise<void>;
}

/** A schema of its own on the server at `url` (dropped by `drop`), migrated and seeded. */
export async function setupPostgres(url: string, sizes: Sizes, note: (text: string) => void): Promise<PostgresSetup> {
  const schema = `bench_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const drop = async () => {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  };
  try {
    const database = await openDatabase({ url, schema, poolSize: 2 });
    await migrate(database.db);
    const world = await seedWorld(database, sizes, note);
    const serverUrl = new URL(url);
    serverUrl.searchParams.set('options', `-c search_path=${schema}`);
    return {
      schema,
      serverUrl: serverUrl.toString(),
      database,
      world,
      async drop() {
        await database.close().catch(() => {});
        await drop();
      },
    };
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
}

export interface PgliteSetup {
  dataDir: string;
  database: Database;
  world: World;
  remove(): void;
}

/** A PGlite data directory in a temp folder, migrated and seeded in this process (Roster opens it later). */
export async function setupPglite(sizes: Sizes, note: (text: string) => void): Promise<PgliteSetup> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-bench-'));
  const remove = () => fs.rmSync(dataDir, { recursive: true, force: true });
  try {
    const database = await openDatabase({ url: null, dataDir: pgliteDir(dataDir) });
    await migrate(database.db);
    const world = await seedWorld(database, sizes, note);
    return { dataDir, database, world, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
