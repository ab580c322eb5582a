/**
 * better-auth's side of the bench: a schema of its own, created by its own migrator, an owner who signs
 * up and creates the organization through its API (so the session cookie and the owner's rows are its
 * own), then the other members, the teams and the team memberships with set-based SQL in the shape its
 * API writes them (random 32-character ids, the team membership key, the team's member count).
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { getMigrations } from 'better-auth/db/migration';
import { FIRST_NAMES, memberEmail } from '../../seed-sql.js';
import { betterAuthPool, createAuth } from './auth.js';

export interface BetterAuthWorld {
  organizationId: string;
  /** `better-auth.session_token=…` of the owner (member 0). */
  cookie: string;
  /** By position, as Roster's org: position 0 is the owner. */
  memberIds: string[];
  userIds: string[];
  /** team-0 … team-(T-1). */
  teamIds: string[];
}

export interface BetterAuthSetup {
  schema: string;
  world: BetterAuthWorld;
  drop(): Promise<void>;
}

const ID = `substr(md5(random()::text || clock_timestamp()::text), 1, 32)`;
/** The membership key better-auth computes: base64url(sha256(JSON.stringify([teamId, userId]))). */
const MEMBERSHIP_KEY = `rtrim(translate(encode(sha256(convert_to('["' || t.id || '","' || u.id || '"]', 'UTF8')), 'base64'), '+/', '-_'), '=')`;

function seedStatements(organizationId: string, slug: string, members: number, teams: number): string[] {
  const names = `array[${FIRST_NAMES.map((name) => `'${name}'`).join(', ')}]`;
  return [
    `insert into "user" (id, name, email, "emailVerified", "createdAt", "updatedAt")
       select ${ID}, (${names})[g % ${FIRST_NAMES.length} + 1] || ' ' || g, '${slug}-' || g || '@example.com', true, now(), now()
         from generate_series(1, ${members - 1}) g order by g`,
    `insert into member (id, "organizationId", "userId", role, "createdAt")
       select ${ID}, '${organizationId}', u.id, 'member', now() + g * interval '1 microsecond'
         from generate_series(1, ${members - 1}) g join "user" u on u.email = '${slug}-' || g || '@example.com' order by g`,
    `insert into team (id, name, "memberCount", "organizationId", "createdAt", "updatedAt")
       select ${ID}, 'team-' || g, 0, '${organizationId}', now(), now() from generate_series(0, ${teams - 1}) g order by g`,
    // Member n is on teams n % T and (n + T/2) % T, as in Roster's organization.
    `insert into "teamMember" (id, "teamId", "userId", "membershipKey", "createdAt")
       select ${ID}, t.id, u.id, ${MEMBERSHIP_KEY}, now()
         from generate_series(0, ${members - 1}) g
         join "user" u on u.email = '${slug}-' || g || '@example.com'
         join team t on t."organizationId" = '${organizationId}'
          and t.name in ('team-' || (g % ${teams}), 'team-' || ((g + ${Math.floor(teams / 2)}) % ${teams}))`,
    `update team set "memberCount" = (select count(*) from "teamMember" tm where tm."teamId" = team.id) where "organizationId" = '${organizationId}'`,
    'analyze',
  ];
}

/** Creates, migrates and seeds better-auth's schema on the server at `url`; `drop` removes it. */
export async function setupBetterAuth(url: string, sizes: { members: number; teams: number }, slug: string): Promise<BetterAuthSetup> {
  const schema = `bench_ba_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const pool = betterAuthPool(url, schema, 2);
  const drop = async () => {
    await pool.end().catch(() => {});
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  };
  try {
    const auth = createAuth(pool, 'http://127.0.0.1');
    await (await getMigrations(auth.options)).runMigrations();
    const signUp = await auth.api.signUpEmail({
      body: { email: memberEmail(slug, 0), password: crypto.randomBytes(12).toString('hex'), name: `${FIRST_NAMES[0]} 0` },
      returnHeaders: true,
    });
    const cookie = signUp.headers.get('set-cookie')!.split(';')[0]!;
    const organization = await auth.api.createOrganization({ body: { name: slug, slug }, headers: new Headers({ cookie }) });
    for (const statement of seedStatements(organization.id, slug, sizes.members, sizes.teams)) await admin.query(statement);
    const members = await admin.query<{ member_id: string; user_id: string }>(
      `select m.id as member_id, u.id as user_id from member m join "user" u on u.id = m."userId"
        where m."organizationId" = $1 order by split_part(split_part(u.email, '@', 1), '-', 2)::int`,
      [organization.id],
    );
    const teams = await admin.query<{ id: string }>(`select id from team where "organizationId" = $1 order by split_part(name, '-', 2)::int`, [organization.id]);
    return {
      schema,
      world: {
        organizationId: organization.id,
        cookie,
        memberIds: members.rows.map((row) => row.member_id),
        userIds: members.rows.map((row) => row.user_id),
        teamIds: teams.rows.map((row) => row.id),
      },
      drop,
    };
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
}
