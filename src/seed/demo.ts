import type { Runtime } from '../runtime.js';
import { seed } from './seed.js';
import { hasAnyUser, lockDemoSeeding, unlockDemoSeeding } from './demo.queries.js';

export const DEMO_OWNER = 'owner@example.com';
export const DEMO_ORG = 'acme';

type Demo = { orgSlug: string; ownerEmail: string; token: string; signinUrl: string };

/**
 * On the first start of an empty database (embedded or PostgreSQL): a small demo organization, so that
 * a newcomer has something to call. Returns the owner's token and a one-time link into the web
 * console, or null when the database already had users.
 */
export async function seedDemo(runtime: Runtime): Promise<Demo | null> {
  const { db, engine } = runtime.database;
  if (engine === 'pglite') return seedDemoIfEmpty(runtime);
  // Several servers may start at once on one empty PostgreSQL database: one seeds, the others then
  // find users. The lock is held on a connection of its own while the seed runs on the pool.
  return db.connection().execute(async (connection) => {
    await lockDemoSeeding(connection);
    try {
      return await seedDemoIfEmpty(runtime);
    } finally {
      await unlockDemoSeeding(connection);
    }
  });
}

async function seedDemoIfEmpty(runtime: Runtime): Promise<Demo | null> {
  if (await hasAnyUser(runtime.database.db)) return null;
  const result = await seed(
    { db: runtime.database.db, tokens: runtime.services.tokens, clock: runtime.clock, config: runtime.config },
    {
      users: [
        { email: DEMO_OWNER, name: 'Olive Owner' },
        { email: 'manager@example.com', name: 'Manny Manager' },
        { email: 'member@example.com', name: 'Mel Member' },
      ],
      organizations: [
        {
          slug: DEMO_ORG,
          name: 'Acme',
          teams: [
            { slug: 'backend', name: 'Backend' },
            { slug: 'frontend', name: 'Frontend' },
          ],
          members: [
            { email: DEMO_OWNER, role: 'owner', teams: [{ slug: 'backend', role: null }] },
            { email: 'manager@example.com', role: 'manager', teams: [{ slug: 'frontend', role: null }] },
            { email: 'member@example.com', role: 'member', teams: [{ slug: 'backend', role: 'admin' }] },
            { email: 'invited@example.com', role: 'member', pending: true, invitedBy: DEMO_OWNER },
          ],
        },
      ],
    },
  );
  const signinUrl = await runtime.services.sessions.signinLinkFor(DEMO_OWNER);
  return { orgSlug: DEMO_ORG, ownerEmail: DEMO_OWNER, token: result.users[DEMO_OWNER]!.token, signinUrl: signinUrl! };
}
