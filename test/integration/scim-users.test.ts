import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIT_EVENTS } from '../../src/audit/audit-events.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { auditEntries, type BuiltOrg } from '../helpers/org-factory.js';
import { scimClient, scimOrg, type ScimUser } from '../helpers/scim-users.js';

/**
 * Issue 16: SCIM Users. The request sequences Okta and Entra ID send (spec scim.md §2.2, §2.3), each
 * checked for its status, its body (against the RFC schemas) and the member it leaves in Roster's own
 * member API; the refusals with their scimType; and what a deprovision takes away.
 */

const ACTOR = 'Identity provider (SCIM)';

describe('SCIM Users (issue 16)', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(() => h.close());

  async function memberInApi(org: BuiltOrg, id: string) {
    return h.request<{ email: string; role: string; pending: boolean; flags: Record<string, boolean> }>(org.tokens.owner!, 'GET', org.memberUrl(id));
  }

  it("replays Okta's sequence: filter, POST, GET, PUT profile, PATCH deactivate", async () => {
    const { org, token } = await scimOrg(h);
    const scim = scimClient(h, org, token);
    const email = `Jane.Doe.${org.slug}@Example.com`;
    const lookup = await scim.list(`${scim.filter(`userName eq "${email}"`)}&startIndex=1&count=100`);
    assert.equal(lookup.status, 200);
    assert.equal(lookup.body.totalResults, 0);

    const created = await scim.user('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: email,
      name: { givenName: 'Jane', familyName: 'Doe' },
      emails: [{ primary: true, value: email, type: 'work' }],
      displayName: 'Jane Doe',
      locale: 'en-US',
      externalId: '00u1abcd',
      groups: [],
      password: 'secret-1!',
      active: true,
      sentryOrgRole: 'Manager',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const user = created.body;
    assert.equal(user.userName, email.toLowerCase());
    assert.deepEqual(user.name, { givenName: 'Jane', familyName: 'Doe' }, 'the given names are echoed back');
    assert.equal(user.active, true);
    assert.equal(user.externalId, '00u1abcd');
    assert.equal(user.displayName, 'Jane Doe');
    assert.equal(user.sentryOrgRole, 'manager');
    assert.equal(created.headers.location, user.meta.location);
    assert.equal(user.meta.location, `${h.config.publicUrl}${scim.base}/Users/${user.id}`);

    const inApi = await memberInApi(org, user.id);
    assert.equal(inApi.status, 200);
    assert.equal(inApi.body.pending, true);
    assert.equal(inApi.body.role, 'manager');
    assert.equal(inApi.body.flags['idp:provisioned'], true);
    assert.equal(inApi.body.flags['idp:role-restricted'], true);
    const invites = await auditEntries(h, org.id, AUDIT_EVENTS.MEMBER_INVITE.id);
    assert.equal(invites.at(-1)?.actor_label, ACTOR);
    const outbox = await h.database.db.selectFrom('email_outbox').select('id').where('recipient', '=', email.toLowerCase()).execute();
    assert.equal(outbox.length, 0, 'no invite email (choice 11)');

    const read = await scim.user('GET', `/Users/${user.id}`);
    assert.deepEqual(read.body, user);

    const put = await scim.user('PUT', `/Users/${user.id}`, { ...user, name: { givenName: 'Janet', familyName: 'Doe' }, sentryOrgRole: 'member' });
    assert.equal(put.status, 200);
    assert.deepEqual(put.body.name, { givenName: 'Janet', familyName: 'Doe' });
    assert.equal(put.body.sentryOrgRole, 'member');
    assert.equal((await memberInApi(org, user.id)).body.role, 'member');

    const deactivated = await scim.user('PATCH', `/Users/${user.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    assert.equal(deactivated.status, 204);
    assert.equal((await scim.user('GET', `/Users/${user.id}`)).status, 404);
    assert.equal((await memberInApi(org, user.id)).status, 404);
    const tombstone = await h.database.db.selectFrom('scim_deprovisioned').selectAll().where('organization_id', '=', org.id).execute();
    assert.deepEqual(tombstone.map((row) => row.email), [email.toLowerCase()]);

    const again = await scim.user('POST', '/Users', { userName: email });
    assert.equal(again.status, 201, 'provisioning again is allowed and clears the tombstone');
    assert.equal((await h.database.db.selectFrom('scim_deprovisioned').selectAll().where('organization_id', '=', org.id).execute()).length, 0);
  });

  it("passes Okta's spec-test checks, and its custom apps' PUT active:false deprovisions", async () => {
    const { org, token } = await scimOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    const scim = scimClient(h, org, token);
    const first = await scim.list('?count=1&startIndex=1');
    assert.equal(first.body.itemsPerPage, 1);
    const one = first.body.Resources[0]!;
    assert.ok(one.id && one.userName && one.name?.givenName && one.name.familyName && one.emails?.[0]?.value && one.active === true);
    assert.deepEqual((await scim.user('GET', `/Users/${one.id}`)).body, one);
    const random = await scim.list(scim.filter(`userName eq "${crypto.randomUUID()}@example.com"`));
    assert.equal(random.body.totalResults, 0);
    const upper = await scim.list(scim.filter(`userName eq "${org.emailOf('alice').toUpperCase()}"`));
    assert.deepEqual(upper.body.Resources.map((user) => user.id), [org.ids.alice]);
    const missing = await scim.user('GET', '/Users/999999999');
    assert.equal(missing.status, 404);
    assert.equal(scim.error(missing).detail, 'The requested resource does not exist');
    const duplicate = await scim.user('POST', '/Users', { userName: org.emailOf('alice') });
    assert.equal(duplicate.status, 409);
    assert.deepEqual([scim.error(duplicate).scimType, scim.error(duplicate).detail], ['uniqueness', 'User already exists in the database.']);

    const alice = (await scim.user('GET', `/Users/${org.ids.alice}`)).body;
    assert.equal((await scim.user('PUT', `/Users/${alice.id}`, { ...alice, active: false })).status, 204);
    assert.equal((await memberInApi(org, alice.id)).status, 404);
  });

  it("replays Entra's sequences: Test Connection, POST with nulls and a UPN, both PATCH dialects", async () => {
    const { org, token } = await scimOrg(h);
    const scim = scimClient(h, org, token);
    const test = await scim.list(scim.filter(`userName eq "${crypto.randomUUID()}"`));
    assert.equal(test.status, 200);
    assert.equal(test.body.totalResults, 0);

    const work = `bob.${org.slug}@example.com`;
    const created = await scim.user('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
      externalId: 'bob',
      userName: 'bob_contoso#EXT#',
      active: true,
      addresses: null,
      displayName: 'Bob',
      emails: [{ primary: 'True', type: 'work', value: work }],
      meta: { resourceType: 'User' },
      name: { familyName: 'Smith', givenName: 'Bob' },
      roles: [],
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: null, manager: null },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.userName, work, 'the primary work address stands in for a UPN');
    const id = created.body.id;
    const byExternal = await scim.list(scim.filter('externalId eq "bob"'));
    assert.deepEqual(byExternal.body.Resources.map((user) => user.id), [id]);
    const byEmail = await scim.list(scim.filter(`emails[type eq "work"].value eq "${work.toUpperCase()}"`));
    assert.deepEqual(byEmail.body.Resources.map((user) => user.id), [id]);

    const stillActive = await scim.user('PATCH', `/Users/${id}`, { Operations: [{ op: 'Replace', path: 'active', value: 'True' }] });
    assert.equal(stillActive.status, 200);
    const compliant = await scim.user('PATCH', `/Users/${id}?aadOptscim062020`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [
        { op: 'replace', value: { 'name.givenName': 'Robert', 'urn:ietf:params:scim:schemas:core:2.0:User:displayName': 'Robert S', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department': 'R&D' } },
        { op: 'replace', path: 'emails[type eq "work"].value', value: work },
        { op: 'add', path: 'externalId', value: 'robert' },
      ],
    });
    assert.equal(compliant.status, 200, JSON.stringify(compliant.body));
    assert.deepEqual(compliant.body.name, { givenName: 'Robert', familyName: 'Smith' });
    assert.equal(compliant.body.displayName, 'Robert S');
    assert.equal(compliant.body.externalId, 'robert');
    assert.equal((await memberInApi(org, id)).body.email, work);

    const disabled = await scim.user('PATCH', `/Users/${id}`, { Operations: [{ op: 'Replace', path: 'active', value: 'False' }] });
    assert.equal(disabled.status, 204);
    assert.equal((await memberInApi(org, id)).status, 404);
  });

  it('changes the address of a pending invite, never of a joined member', async () => {
    const { org, token } = await scimOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member' }, pat: { role: 'member', pending: true } } });
    const scim = scimClient(h, org, token);
    const moved = `moved.${org.slug}@example.com`;
    const patched = await scim.user('PATCH', `/Users/${org.ids.pat}`, { Operations: [{ op: 'replace', path: 'userName', value: moved }] });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.userName, moved);
    assert.equal((await memberInApi(org, org.ids.pat!)).body.email, moved);
    const taken = await scim.user('PATCH', `/Users/${org.ids.pat}`, { Operations: [{ op: 'replace', path: 'userName', value: org.emailOf('alice') }] });
    assert.deepEqual([taken.status, scim.error(taken).scimType], [409, 'uniqueness']);
    const joined = await scim.user('PATCH', `/Users/${org.ids.alice}`, { Operations: [{ op: 'replace', path: 'userName', value: moved }] });
    assert.deepEqual([joined.status, scim.error(joined).scimType], [400, 'mutability']);
  });

  it('provisions a person who has an account but is no member as a pending invite; PATCH syncs the role as PUT does', async () => {
    const { org, token } = await scimOrg(h, { users: { outsider: {} } });
    const scim = scimClient(h, org, token);
    const created = await scim.user('POST', '/Users', { userName: org.emailOf('outsider') });
    assert.equal(created.status, 201);
    assert.equal(created.body.sentryOrgRole, 'member');
    const before = await memberInApi(org, created.body.id);
    assert.deepEqual([before.body.pending, before.body.flags['idp:role-restricted']], [true, false]);
    const patched = await scim.user('PATCH', `/Users/${created.body.id}`, {
      Operations: [{ op: 'replace', path: 'urn:ietf:params:scim:schemas:core:2.0:User:sentryOrgRole', value: 'Manager' }],
    });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.sentryOrgRole, 'manager');
    const after = await memberInApi(org, created.body.id);
    assert.deepEqual([after.body.role, after.body.flags['idp:role-restricted']], ['manager', true]);
    const cleared = await scim.user('PATCH', `/Users/${created.body.id}`, { Operations: [{ op: 'replace', value: { sentryOrgRole: '' } }] });
    assert.equal(cleared.body.sentryOrgRole, 'member', 'no role hands it back to the default');
    const edits = await auditEntries(h, org.id, AUDIT_EVENTS.MEMBER_EDIT.id);
    assert.deepEqual(edits.map((entry) => [entry.actor_label, (entry.data as { role: string }).role]), [[ACTOR, 'manager'], [ACTOR, 'member']]);
  });

  it('refuses with SCIM errors and changes nothing', async () => {
    const { org, token } = await scimOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    const scim = scimClient(h, org, token);
    const cases: Array<[Promise<{ status: number; body: unknown }>, number, string | undefined, string?]> = [
      [scim.list(scim.filter('userName eq')), 400, 'invalidFilter'],
      [scim.list(scim.filter('title eq "boss"')), 400, 'invalidFilter'],
      [scim.user('POST', '/Users', { userName: `o.${org.slug}@example.com`, sentryOrgRole: 'owner' }), 400, 'invalidValue', 'Invalid organization role.'],
      [scim.user('POST', '/Users', { userName: `o.${org.slug}@example.com`, sentryOrgRole: 'wizard' }), 400, 'invalidValue', 'Invalid organization role.'],
      [scim.user('POST', '/Users', { userName: 'not-an-email' }), 400, 'invalidValue'],
      [scim.user('POST', '/Users', { displayName: 'nobody' }), 400, 'invalidValue'],
      [scim.user('PATCH', `/Users/${org.ids.alice}`, { Operations: [{ op: 'merge', path: 'active', value: false }] }), 400, 'invalidValue'],
      [scim.user('PATCH', `/Users/${org.ids.alice}`, { Operations: [{ op: 'replace', path: 'sentryOrgRole', value: 'owner' }] }), 400, 'invalidValue'],
      [scim.user('DELETE', `/Users/${org.ids.owner}`), 403, undefined, 'You cannot remove the only remaining owner of the organization.'],
      [scim.user('PATCH', `/Users/${org.ids.owner}`, { Operations: [{ op: 'replace', value: { active: false } }] }), 403, undefined],
      [scim.user('GET', '/Users/abc'), 404, undefined],
    ];
    for (const [answer, status, scimType, detail] of cases) {
      const { status: got, body } = await answer;
      assert.equal(got, status, JSON.stringify(body));
      assert.equal(scim.error({ status: got, body, headers: {} }).scimType, scimType, JSON.stringify(body));
      if (detail) assert.equal(scim.error({ status: got, body, headers: {} }).detail, detail);
    }
    const list = await scim.list();
    assert.deepEqual(list.body.Resources.map((user) => [user.id, user.sentryOrgRole]), [
      [org.ids.owner, 'owner'],
      [org.ids.alice, 'member'],
    ]);
  });

  it('deprovisions a joined member: teams, SSO identity and membership go, a tombstone and an audit entry stay', async () => {
    const { org, token } = await scimOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member', teams: ['red'] } }, teams: ['red'] });
    const scim = scimClient(h, org, token);
    await h.database.db.insertInto('auth_identities').values({ organization_id: org.id, user_id: org.userIds.alice!, ident: 'alice-idp', data: JSON.stringify({}) }).execute();
    const deleted = await scim.user('DELETE', `/Users/${org.ids.alice}`);
    assert.equal(deleted.status, 204);
    assert.equal((await memberInApi(org, org.ids.alice!)).status, 404);
    const db = h.database.db;
    assert.equal((await db.selectFrom('member_teams').select('id').where('organization_id', '=', org.id).where('member_id', '=', org.ids.alice!).execute()).length, 0);
    assert.equal((await db.selectFrom('auth_identities').select('id').where('organization_id', '=', org.id).execute()).length, 0);
    const tombstones = await db.selectFrom('scim_deprovisioned').selectAll().where('organization_id', '=', org.id).execute();
    assert.deepEqual(tombstones.map((row) => [row.email, row.user_id]), [[org.emailOf('alice'), org.userIds.alice]]);
    const removals = await auditEntries(h, org.id, AUDIT_EVENTS.MEMBER_REMOVE.id);
    assert.deepEqual(removals.map((entry) => [entry.actor_label, entry.actor_id, entry.target_object]), [[ACTOR, null, org.ids.alice]]);
  });

  it('pages by id: startIndex < 1 is 1, count < 0 is 0, count at most 100; pending invites listed, requests not', async () => {
    const { org, token } = await scimOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member' }, pat: { role: 'member', pending: true } } });
    const scim = scimClient(h, org, token);
    await h.database.db.insertInto('members').values({ organization_id: org.id, email: `req.${org.slug}@example.com`, role: 'member', invite_status: 1 }).execute();
    const all = await scim.list('?startIndex=0');
    assert.equal(all.body.startIndex, 1);
    assert.deepEqual(all.body.Resources.map((user) => user.id), [org.ids.owner, org.ids.alice, org.ids.pat]);
    assert.equal(all.body.totalResults, 3);
    const none = await scim.list('?count=-5');
    assert.deepEqual([none.body.totalResults, none.body.itemsPerPage], [3, 0]);
    const second = await scim.list('?startIndex=2&count=1');
    assert.deepEqual(second.body.Resources.map((user) => user.id), [org.ids.alice]);
    const many = await scim.list('?count=1000');
    assert.equal(many.body.itemsPerPage, 3);
    const idFilter = await scim.list(scim.filter(`id eq "${org.ids.alice}" or (active eq true and userName sw "pat.")`));
    assert.deepEqual(idFilter.body.Resources.map((user) => user.id), [org.ids.alice, org.ids.pat]);
  });

  it('honours attributes and excludedAttributes', async () => {
    const { org, token } = await scimOrg(h);
    const scim = scimClient(h, org, token);
    const only = await scim.user('GET', `/Users/${org.ids.owner}?attributes=name.givenName,active`);
    assert.deepEqual(Object.keys(only.body).sort(), ['active', 'id', 'meta', 'name', 'schemas', 'userName']);
    assert.deepEqual(only.body.name, { givenName: 'N/A' });
    const without = await scim.list('?excludedAttributes=emails,urn:ietf:params:scim:schemas:core:2.0:User:sentryOrgRole');
    const user: ScimUser = without.body.Resources[0]!;
    assert.equal(user.emails, undefined);
    assert.equal(user.sentryOrgRole, undefined);
    assert.equal(user.active, true);
  });
});
