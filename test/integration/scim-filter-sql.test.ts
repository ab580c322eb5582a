import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import { ApiError } from '../../src/platform/http/errors.js';
import { parseScimFilter } from '../../src/scim/scim-filter.js';
import { scimColumnCondition, scimFilterToSql, type ScimAttributeMap } from '../../src/scim/scim-filter-sql.queries.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { generatedFilter } from '../helpers/scim-filter-reference.js';

// Maps like the ones the Users and Groups routes give, over two small tables of this test's own.
const USERS: ScimAttributeMap = {
  username: { column: 'u.user_name', type: 'caseInsensitiveString' },
  'emails.value': { column: 'u.user_name', type: 'caseInsensitiveString' },
  // Each user has one email, of type "work".
  'emails.type': {
    build: ({ op, value }) => (op === 'pr' || (op === 'eq' && typeof value === 'string' && value.toLowerCase() === 'work') ? sql<boolean>`true` : sql<boolean>`false`),
  },
  externalid: { column: 'u.external_id', type: 'caseExactString' },
  id: { column: 'u.id', type: 'integerId' },
  active: { column: 'u.active', type: 'boolean' },
};
const GROUPS: ScimAttributeMap = {
  displayname: { column: 'g.display_name', type: 'caseInsensitiveString' },
  id: { column: 'g.id', type: 'integerId' },
  'members.value': {
    build: (condition) => sql<boolean>`exists (select 1 from probe_members m where m.group_id = g.id and ${scimColumnCondition('m.member_id', 'integerId', condition)})`,
  },
};

describe('SCIM filters as SQL (scim-filter-sql.queries.ts)', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
    const db = t.database.db;
    await sql`create table probe_users (id bigint primary key, user_name text not null, external_id text, active boolean not null)`.execute(db);
    await sql`create table probe_groups (id bigint primary key, display_name text not null)`.execute(db);
    await sql`create table probe_members (group_id bigint not null, member_id bigint not null)`.execute(db);
    await sql`insert into probe_users values
      (1, 'Alice@Example.com', 'A-1', true), (2, 'bob@example.com', 'b_2', false),
      (3, 'carol%x@example.org', null, true), (4, 'dave_y@example.org', 'a-1', true)`.execute(db);
    await sql`insert into probe_groups values (10, 'Team A'), (11, 'Team B'), (12, 'Ops')`.execute(db);
    await sql`insert into probe_members values (10, 1), (10, 2), (11, 2)`.execute(db);
  });
  after(() => t.close());

  async function users(filter: string): Promise<number[]> {
    const where = scimFilterToSql(parseScimFilter(filter), USERS);
    const { rows } = await sql<{ id: string }>`select u.id from probe_users u where ${where} order by u.id`.execute(t.database.db);
    return rows.map((row) => Number(row.id));
  }
  async function groups(filter: string): Promise<number[]> {
    const where = scimFilterToSql(parseScimFilter(filter), GROUPS);
    const { rows } = await sql<{ id: string }>`select g.id from probe_groups g where ${where} order by g.id`.execute(t.database.db);
    return rows.map((row) => Number(row.id));
  }

  it('compares case-insensitive strings with every operator, and case-exact ones exactly', async () => {
    assert.deepEqual(await users('userName eq "ALICE@example.COM"'), [1]);
    assert.deepEqual(await users('userName ne "alice@example.com"'), [2, 3, 4]);
    assert.deepEqual(await users('userName co "EXAMPLE.ORG"'), [3, 4]);
    assert.deepEqual(await users('userName sw "B"'), [2]);
    assert.deepEqual(await users('userName ew ".Org"'), [3, 4]);
    assert.deepEqual(await users('userName gt "c"'), [3, 4]);
    assert.deepEqual(await users('userName ge "carol%x@example.org"'), [3, 4]);
    assert.deepEqual(await users('userName lt "Bob@example.com"'), [1]);
    assert.deepEqual(await users('userName le "BOB@example.com"'), [1, 2]);
    assert.deepEqual(await users('externalId eq "A-1"'), [1]);
    assert.deepEqual(await users('externalId eq "a-1"'), [4]);
    assert.deepEqual(await users('externalId sw "a"'), [4]);
  });

  it('escapes LIKE wildcards: % and _ are literal characters', async () => {
    assert.deepEqual(await users('userName co "%"'), [3]);
    assert.deepEqual(await users('userName co "_"'), [4]);
    assert.deepEqual(await users('externalId co "_"'), [2]);
    assert.deepEqual(await users('userName sw "carol%"'), [3]);
    assert.deepEqual(await users(String.raw`userName co "\\"`), []);
  });

  it('absent attributes: pr, eq null, and ne / not matching the rows without the attribute', async () => {
    assert.deepEqual(await users('externalId pr'), [1, 2, 4]);
    assert.deepEqual(await users('not (externalId pr)'), [3]);
    assert.deepEqual(await users('externalId eq null'), [3]);
    assert.deepEqual(await users('externalId ne null'), [1, 2, 4]);
    assert.deepEqual(await users('externalId ne "A-1"'), [2, 3, 4]);
    assert.deepEqual(await users('not (externalId eq "A-1")'), [2, 3, 4]);
  });

  it('booleans (string booleans too) and ids, with an id that is no id matching nothing', async () => {
    assert.deepEqual(await users('active eq false'), [2]);
    assert.deepEqual(await users('active eq "False"'), [2]);
    assert.deepEqual(await users('active ne true'), [2]);
    assert.deepEqual(await users('id eq "2"'), [2]);
    assert.deepEqual(await users('id eq 2'), [2]);
    assert.deepEqual(await users('id gt "2"'), [3, 4]);
    assert.deepEqual(await users('id le "2"'), [1, 2]);
    assert.deepEqual(await users('id eq "abc"'), []);
    assert.deepEqual(await users('id eq "99999999999999999999"'), []);
    assert.deepEqual(await users('id ne "abc"'), [1, 2, 3, 4]);
    assert.deepEqual(await users('id sw "1"'), [1]);
  });

  it('and, or (and binds tighter), not, URN prefixes and the work-email valuePath Entra sends', async () => {
    assert.deepEqual(await users('userName sw "a" or userName sw "b" and active eq true'), [1]);
    assert.deepEqual(await users('(userName sw "a" or userName sw "b") and active eq true'), [1]);
    assert.deepEqual(await users('not (active eq true) or id eq "4"'), [2, 4]);
    assert.deepEqual(await users('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "bob@example.com"'), [2]);
    assert.deepEqual(await users('emails[type eq "work"].value eq "BOB@example.com"'), [2]);
    assert.deepEqual(await users('emails[type eq "home"].value eq "bob@example.com"'), []);
    assert.deepEqual(await users('emails.value eq "bob@example.com"'), [2]);
    assert.deepEqual(await users('emails[value ew ".org"]'), [3, 4]);
  });

  it('groups: displayName, and members.value through an EXISTS', async () => {
    assert.deepEqual(await groups('displayName eq "team a"'), [10]);
    assert.deepEqual(await groups('members[value eq "2"]'), [10, 11]);
    assert.deepEqual(await groups('members.value eq "1"'), [10]);
    assert.deepEqual(await groups('members[value eq "abc"]'), []);
    assert.deepEqual(await groups('not (members.value pr)'), [12]);
    assert.deepEqual(await groups('members[value eq "2"] and not (members[value eq "1"])'), [11]);
  });

  it('refuses an attribute not in the map, or a value of the wrong type, with 400 invalidFilter naming it', () => {
    const refused = (map: ScimAttributeMap, filter: string, detail: RegExp) =>
      assert.throws(
        () => scimFilterToSql(parseScimFilter(filter), map),
        (error: ApiError) => error.status === 400 && (error.body as { scimType: string }).scimType === 'invalidFilter' && detail.test((error.body as { detail: string }).detail),
        filter,
      );
    refused(USERS, 'title eq "x"', /"title" is not supported/);
    refused(USERS, 'emails[display eq "x"]', /"emails.display" is not supported/);
    refused(USERS, 'toString eq "x"', /"tostring" is not supported/);
    refused(GROUPS, 'userName eq "x"', /"username" is not supported/);
    refused(USERS, 'active eq "yes"', /"active" expects true or false/);
    refused(USERS, 'active gt true', /"active" is a boolean/);
    refused(USERS, 'active co "t"', /expects true or false|is a boolean/);
    refused(USERS, 'userName eq 5', /"username" expects a string/);
    refused(USERS, 'userName eq true', /"username" expects a string/);
    refused(USERS, 'userName gt null', /null can only be compared/);
    refused(USERS, 'id eq true', /"id" expects an id/);
    refused(USERS, 'id gt "abc"', /"id" is compared in order only with an id/);
  });

  it('generated filters either run or are refused with a 400: never a database error', async () => {
    await fc.assert(
      fc.asyncProperty(generatedFilter, async ({ text }) => {
        let where;
        try {
          where = scimFilterToSql(parseScimFilter(text), USERS);
        } catch (error) {
          assert.ok(error instanceof ApiError && error.status === 400, `${text}: ${String(error)}`);
          return;
        }
        await sql`select u.id from probe_users u where ${where}`.execute(t.database.db);
      }),
      { numRuns: 150 },
    );
  });
});
