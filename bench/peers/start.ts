/**
 * Starts the peers a run compares Roster with, on the same PostgreSQL server, each as its own process
 * with `npm start`'s V8 flags (as Roster runs): the hand-written server on Roster's seeded schema, and
 * better-auth on a schema of its own, seeded to the same sizes.
 */
import path from 'node:path';
import { ROOT, startFlags, startServer, type ServerProcess } from '../server.js';
import type { World } from '../world.js';
import { setupBetterAuth, type BetterAuthWorld } from './better-auth/setup.js';
import type { PeerName } from './peers.js';

export interface RunningPeer {
  name: PeerName;
  server: ServerProcess;
  /** Who asks, for a scenario whose Roster requests carry this bearer token. */
  headers(rosterToken: string): Record<string, string>;
  betterAuth: BetterAuthWorld | null;
  /** The schema of its own tables (better-auth), or null when it works on Roster's. */
  schema: string | null;
  stop(): Promise<void>;
}

function peerArgs(peer: PeerName): string[] {
  return [...startFlags(), '--import', 'tsx', path.join(ROOT, 'bench', 'peers', peer, 'server.ts')];
}

/** The hand-written server, on the schema Roster uses (`serverUrl` sets its search_path). */
export async function startPlainPeer(serverUrl: string): Promise<RunningPeer> {
  const server = await startServer('the plain peer', peerArgs('plain'), { DATABASE_URL: serverUrl });
  return { name: 'plain', server, headers: (token) => ({ authorization: `Bearer ${token}` }), betterAuth: null, schema: null, stop: () => server.stop() };
}

/** better-auth: its schema migrated and seeded here, then its server; `stop` also drops the schema. */
export async function startBetterAuthPeer(url: string, sizes: { members: number; teams: number }, world: World, note: (text: string) => void): Promise<RunningPeer> {
  const started = Date.now();
  const setup = await setupBetterAuth(url, sizes, world.org.slug);
  note(`seeded better-auth (${setup.schema}): ${sizes.members} members in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  let server: ServerProcess;
  try {
    server = await startServer('the better-auth peer', peerArgs('better-auth'), { DATABASE_URL: url, BETTER_AUTH_SCHEMA: setup.schema });
  } catch (error) {
    await setup.drop();
    throw error;
  }
  return {
    name: 'better-auth',
    server,
    // As a browser sends them: its session cookie, and the origin better-auth checks on every POST.
    headers: () => ({ cookie: setup.world.cookie, origin: server.baseUrl }),
    betterAuth: setup.world,
    schema: setup.schema,
    async stop() {
      await server.stop();
      await setup.drop();
    },
  };
}
