import { sql } from 'kysely';
import type { Runtime } from '../runtime.js';
import { seed } from './seed.js';

export const DEMO_OWNER = 'owner@example.com';
export const DEMO_ORG = 'acme';

/**
 * On the first start of an empty embedded database: a small demo organization, so that a newcomer
 * has something to call. Returns the owner's token and a one-time link into the web console, or null
 * when the database already had users.
 */
export async function seedDemo(runtime: Runtime): Promise<{ orgSlug: string; ownerEmail: string; token: string; signinUrl: string } | null> {
  const { rows } = await sql<{ exists: boolean }>`select exists (select 1 from users) as exists`.execute(runtime.database.db);
  if (rows[0]?.exists) return null;
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
