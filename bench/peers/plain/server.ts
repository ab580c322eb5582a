/**
 * The benchmark's hand-written peer (issue 17): `node:http` and `pg`, no framework, serving the three
 * operations the bench compares on Roster's own tables, with Roster's bearer tokens. It answers small
 * JSON bodies of its own shape, not Sentry's. Started by the bench run with DATABASE_URL and PORT;
 * never part of the product.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { addToTeam, changeRole, countOwners, findMembership, findRequester, findTeamAddition, listMembers, lockRoleChangeTarget, type Requester } from './queries.js';

/** Organization roles by priority, and the team roles each makes redundant (those at or below its minimum team role). */
const ROLE_PRIORITY: Record<string, number> = { billing: 0, member: 1, admin: 2, manager: 3, owner: 4 };
const REDUNDANT_TEAM_ROLES: Record<string, string[]> = {
  billing: ['contributor'],
  member: ['contributor'],
  admin: ['contributor', 'admin'],
  manager: ['contributor', 'admin'],
  owner: ['contributor', 'admin'],
};
/** Roles that may add any member to any team. */
const TEAM_WRITERS = new Set(['admin', 'manager', 'owner']);

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

function send(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

async function authenticate(request: http.IncomingMessage, scope: string): Promise<Requester> {
  const match = /^Bearer ([0-9a-f]{64})$/.exec(request.headers.authorization ?? '');
  if (!match) throw new HttpError(401, 'bearer token required');
  const requester = await findRequester(pool, crypto.createHash('sha256').update(match[1]!).digest('hex'));
  if (!requester) throw new HttpError(401, 'invalid token');
  if (!requester.scopes.includes(scope)) throw new HttpError(403, `token lacks ${scope}`);
  return requester;
}

async function readJson(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) {
    text += chunk;
    if (text.length > 10_000) throw new HttpError(413, 'body too large');
  }
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new HttpError(400, 'body must be a JSON object');
}

async function changeMemberRole(request: http.IncomingMessage, slug: string, memberId: string): Promise<{ status: number; body: unknown }> {
  const actor = await authenticate(request, 'member:admin');
  const role = (await readJson(request)).orgRole;
  if (typeof role !== 'string' || !(role in ROLE_PRIORITY)) throw new HttpError(400, 'orgRole: unknown role');
  const tx = await pool.connect();
  try {
    await tx.query('begin');
    const target = await lockRoleChangeTarget(tx, slug, actor.userId, memberId);
    if (!target) throw new HttpError(404, 'member not found');
    const mine = ROLE_PRIORITY[target.requesterRole]!;
    if (mine < ROLE_PRIORITY.manager! || ROLE_PRIORITY[role]! > mine || ROLE_PRIORITY[target.targetRole]! > mine) throw new HttpError(403, 'you may not give this role');
    if (target.targetRole === 'owner' && role !== 'owner' && (await countOwners(tx, target.orgId)) === 1) throw new HttpError(403, 'the last owner stays');
    await changeRole(tx, { orgId: target.orgId, memberId, role, redundantTeamRoles: REDUNDANT_TEAM_ROLES[role]!, actor, target });
    await tx.query('commit');
    return { status: 200, body: { id: memberId, orgRole: role } };
  } catch (error) {
    await tx.query('rollback').catch(() => {});
    throw error;
  } finally {
    tx.release();
  }
}

async function listPage(request: http.IncomingMessage, slug: string, query: URLSearchParams): Promise<{ status: number; body: unknown; headers: Record<string, string> }> {
  const actor = await authenticate(request, 'member:read');
  const limit = Number(query.get('per_page') ?? '100');
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new HttpError(400, 'per_page: 1 to 100');
  const cursor = /^(\d+):0:0$/.exec(query.get('cursor') ?? '0:0:0');
  if (!cursor) throw new HttpError(400, 'cursor: <id>:0:0');
  const search = query.get('query');
  const access = await findMembership(pool, slug, actor.userId);
  if (!access) throw new HttpError(404, 'organization not found');
  const rows = await listMembers(pool, { orgId: access.orgId, afterId: cursor[1]!, limit, pattern: search ? `%${search.replace(/[\\%_]/g, '\\$&')}%` : null });
  const page = rows.slice(0, limit);
  const members = page.map((row) => ({
    id: row.id,
    email: row.user_email ?? row.email,
    name: row.user_name ?? row.email,
    orgRole: row.role,
    dateCreated: row.date_added,
    user: row.user_id === null ? null : { id: row.user_id, name: row.user_name, email: row.user_email },
    teams: row.teams,
  }));
  const next = rows.length > limit ? `${page.at(-1)!.id}:0:0` : null;
  return { status: 200, body: members, headers: next ? { link: `<?per_page=${limit}&cursor=${next}>; rel="next"` } : {} };
}

async function addMemberToTeam(request: http.IncomingMessage, slug: string, memberId: string, teamSlug: string): Promise<{ status: number; body: unknown }> {
  const actor = await authenticate(request, 'member:admin');
  const addition = await findTeamAddition(pool, slug, actor.userId, memberId, teamSlug);
  if (!addition?.memberId) throw new HttpError(404, 'member not found');
  if (!addition.teamId) throw new HttpError(404, 'team not found');
  if (!TEAM_WRITERS.has(addition.requesterRole)) throw new HttpError(403, 'you may not add members to teams');
  const added = await addToTeam(pool, { ...addition, memberId, teamId: addition.teamId, teamSlug, actor });
  return added ? { status: 201, body: { memberId, teamSlug } } : { status: 204, body: undefined };
}

const ROUTES: Array<{ method: string; path: RegExp; handle(request: http.IncomingMessage, match: string[], query: URLSearchParams): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> }> = [
  { method: 'PUT', path: /^\/api\/0\/organizations\/([a-z0-9-]+)\/members\/(\d+)\/$/, handle: (request, [, slug, id]) => changeMemberRole(request, slug!, id!) },
  { method: 'GET', path: /^\/api\/0\/organizations\/([a-z0-9-]+)\/members\/$/, handle: (request, [, slug], query) => listPage(request, slug!, query) },
  {
    method: 'POST',
    path: /^\/api\/0\/organizations\/([a-z0-9-]+)\/members\/(\d+)\/teams\/([a-z0-9-]+)\/$/,
    handle: (request, [, slug, id, team]) => addMemberToTeam(request, slug!, id!, team!),
  },
];

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://peer');
  if (url.pathname === '/_health/') return send(response, 200, { ok: true });
  const route = ROUTES.find((candidate) => candidate.method === request.method && candidate.path.test(url.pathname));
  if (!route) return send(response, 404, { detail: 'not found' });
  route.handle(request, route.path.exec(url.pathname)!, url.searchParams).then(
    ({ status, body, headers }) => send(response, status, body, headers),
    (error: unknown) => {
      if (error instanceof HttpError) return send(response, error.status, { detail: error.message });
      console.error(error);
      send(response, 500, { detail: 'internal error' });
    },
  );
});

server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.once('SIGTERM', () => server.close(() => void pool.end()));
