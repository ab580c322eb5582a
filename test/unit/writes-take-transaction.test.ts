import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import type { Db, Tx } from '../../src/platform/db/database.js';
import type { DB } from '../../src/platform/db/schema.js';
import { preparedWrite } from '../../src/platform/db/prepared.js';
import { underSavepoint } from '../../src/platform/db/savepoint.js';
import { insertUser, findUserByEmail } from '../../src/identity/users.queries.js';
import { insertMember } from '../../src/members/members.queries.js';
import { recordAudit } from '../../src/audit/record-audit.js';
import { enqueueEmail } from '../../src/platform/mail/outbox.js';
import { hitRateLimits } from '../../src/platform/lib/rate-limit.queries.js';

const renameOrg = preparedWrite((db, { id, name }: { id: string; name: string }) => db.updateTable('organizations').set({ name }).where('id', '=', id));
const email = { organizationId: null, type: 'test', to: 'a@example.com', subject: 's', text: 't', html: 'h' };

/**
 * Never called: `npm run lint` (tsc) compiles it, and each `@ts-expect-error` fails the lint if its line
 * stops being an error. This is what makes a write on the database handle a type error (issue 14):
 * writers take `Tx` (Kysely's Transaction), which the database handle (`Kysely`) is not.
 */
export async function writersRefuseTheDatabaseHandle(db: Db) {
  // @ts-expect-error a query that writes takes the transaction handle
  await insertUser(db, { email: 'a@example.com' });
  // @ts-expect-error the only writer of members too
  await insertMember(db, { organization_id: '1', user_id: '1', role: 'member' });
  // @ts-expect-error a prepared write-behind statement
  await renameOrg.run(db, { id: '1', name: 'x' });
  // @ts-expect-error the helpers that write: audit entries, the outbox, rate-limit counters
  await recordAudit(db, { organizationId: '1', actor: null, event: 'ORG_EDIT', data: {} });
  // @ts-expect-error the outbox
  await enqueueEmail(db, email);
  // @ts-expect-error rate-limit counters
  await hitRateLimits(db, [], new Date());
  // @ts-expect-error a savepoint exists only inside a transaction
  await underSavepoint(db, async () => undefined);

  // Reads take either handle: a transaction is also a Kysely.
  await findUserByEmail(db, 'a@example.com');
  await db.transaction().execute(async (tx) => {
    await findUserByEmail(tx, 'a@example.com');
    await insertUser(tx, { email: 'a@example.com' });
    await renameOrg.run(tx, { id: '1', name: 'x' });
    await underSavepoint(tx, () => enqueueEmail(tx, email));
  });
}

describe('writes take the transaction handle', () => {
  it('at run time too, the two handles differ: only the one a transaction hands out is a transaction', async () => {
    // Kysely's DummyDriver: no database, every statement answers no rows.
    const db: Db = new Kysely<DB>({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (kysely) => new PostgresIntrospector(kysely),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      },
    });
    const seen = await db.transaction().execute(async (tx: Tx) => tx.isTransaction);
    assert.equal(db.isTransaction, false);
    assert.equal(seen, true);
    await db.destroy();
  });
});
