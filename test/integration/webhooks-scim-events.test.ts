import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { createHarness, type Harness } from '../helpers/harness.js';
import type { BuiltOrg } from '../helpers/org-factory.js';
import { scimOrg } from '../helpers/scim-groups.js';
import type { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { listenToEveryEvent } from '../helpers/webhook-listener.js';
import type { WebhookWorker } from '../../src/webhooks/webhook-worker.js';

/**
 * Issue 18, "SCIM and SSO changes emit the same events": each SCIM write queues, in its transaction,
 * the event the member or team API's equivalent queues, delivered signed (checked with the
 * `standardwebhooks` package); a refused SCIM request queues nothing.
 */
describe('webhook events from SCIM', () => {
  let h: Harness;
  let org: BuiltOrg;
  let token: string;
  let base: string;
  let receiver: WebhookReceiver;
  let worker: WebhookWorker;
  const key = crypto.randomBytes(32);
  const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

  before(async () => {
    h = await createHarness({ config: { secretKey: key } });
    ({ org, token, base } = await scimOrg(h, {
      members: {
        owner: { role: 'owner' },
        ada: { role: 'member', teams: [{ slug: 'red', role: 'admin' }] },
        bob: { role: 'member' },
      },
      teams: ['red'],
      features: { 'team-roles': true },
    }));
    ({ receiver, worker } = await listenToEveryEvent(h, org, key));
  });
  after(async () => {
    await worker.stop();
    await receiver.close();
    await h.close();
  });

  const scim = (method: string, path: string, body?: unknown) => h.request<{ id: string }>(token, method, `${base}${path}`, body);

  /** The events queued since the last call, delivered and verified. */
  async function deliveredSince(): Promise<Array<{ type: string; data: Record<string, unknown> }>> {
    const start = receiver.received.length;
    await worker.runOnce();
    const fresh = receiver.received.slice(start);
    for (const webhook of fresh) assert.deepEqual(webhook.verifiedBy, [0], `${webhook.payload.type} verifies with the endpoint's secret`);
    return fresh.map((webhook) => ({ type: webhook.payload.type, data: { ...webhook.payload.data } }));
  }

  async function queuedMessages(): Promise<number> {
    const row = await h.database.db.selectFrom('webhook_messages').select((eb) => eb.fn.countAll<string>().as('n')).where('organization_id', '=', org.id).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('Users: provisioning is member.invited, a role sync member.updated, deprovisioning member.removed', async () => {
    const provisioned = await scim('POST', '/Users', { userName: 'Pat@Example.com', emails: [{ value: 'pat@example.com', primary: true }] });
    assert.equal(provisioned.status, 201, JSON.stringify(provisioned.body));
    const patId = provisioned.body.id;
    let events = await deliveredSince();
    assert.deepEqual(events, [
      { type: 'member.invited', data: { member: { id: patId, email: 'pat@example.com', userId: null, orgRole: 'member', pending: true, teamRoles: [] } } },
    ]);

    // The identity provider makes ada a manager: her team admin on red is what a manager has anyway (stored as null).
    const synced = await scim('PATCH', `/Users/${org.ids.ada}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'sentryOrgRole', value: 'manager' }] });
    assert.equal(synced.status, 200, JSON.stringify(synced.body));
    events = await deliveredSince();
    assert.deepEqual(events, [
      {
        type: 'member.updated',
        data: {
          member: { id: org.ids.ada, email: org.emailOf('ada'), userId: org.userIds.ada, orgRole: 'manager', pending: false, teamRoles: [{ teamSlug: 'red', role: null }] },
          before: { orgRole: 'member', teamRoles: [{ teamSlug: 'red', role: 'admin' }] },
          after: { orgRole: 'manager', teamRoles: [{ teamSlug: 'red', role: null }] },
        },
      },
    ]);

    // The same role again, a profile change, a PUT that keeps the role: no change of role, no event.
    assert.equal((await scim('PATCH', `/Users/${org.ids.ada}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'sentryOrgRole', value: 'manager' }] })).status, 200);
    assert.equal((await scim('PATCH', `/Users/${patId}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'displayName', value: 'Pat P' }] })).status, 200);
    assert.deepEqual(await deliveredSince(), []);

    // A PUT with a role syncs it as PATCH does; the invite's new address is the one the event names.
    const put = await scim('PUT', `/Users/${patId}`, { userName: 'patricia@example.com', sentryOrgRole: 'admin', active: true });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    events = await deliveredSince();
    assert.deepEqual(events.map((event) => [event.type, event.data.before, event.data.after, (event.data.member as { email: string }).email]), [
      ['member.updated', { orgRole: 'member', teamRoles: [] }, { orgRole: 'admin', teamRoles: [] }, 'patricia@example.com'],
    ]);

    // Deprovisioning three ways: PATCH active false (a pending invite), PUT active false, DELETE.
    assert.equal((await scim('PATCH', `/Users/${patId}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] })).status, 204);
    assert.equal((await scim('PUT', `/Users/${org.ids.bob}`, { userName: org.emailOf('bob'), active: false })).status, 204);
    assert.equal((await scim('DELETE', `/Users/${org.ids.ada}`)).status, 204);
    events = await deliveredSince();
    assert.deepEqual(events, [
      { type: 'member.removed', data: { member: { id: patId, email: 'patricia@example.com', userId: null, orgRole: 'admin', pending: true, teamRoles: [] } } },
      { type: 'member.removed', data: { member: { id: org.ids.bob, email: org.emailOf('bob'), userId: org.userIds.bob, orgRole: 'member', pending: false, teamRoles: [] } } },
      {
        type: 'member.removed',
        data: { member: { id: org.ids.ada, email: org.emailOf('ada'), userId: org.userIds.ada, orgRole: 'manager', pending: false, teamRoles: [{ teamSlug: 'red', role: null }] } },
      },
    ]);
  });

  it('Groups: create is team.created, rename team.updated, members team.member_added and team.member_removed, delete team.deleted', async () => {
    const dana = await scim('POST', '/Users', { userName: 'dana@example.com' });
    assert.equal(dana.status, 201);
    const danaId = dana.body.id;
    const danaRef = { id: danaId, email: 'dana@example.com', userId: null };
    const ownerRef = { id: org.ids.owner, email: org.emailOf('owner'), userId: org.userIds.owner };
    await deliveredSince();

    const group = await scim('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Platform', members: [{ value: danaId }] });
    assert.equal(group.status, 201, JSON.stringify(group.body));
    const teamId = group.body.id;
    const platform = { id: teamId, slug: 'platform', name: 'Platform' };
    // The members of a POST are ignored (as in Sentry): only the team.
    assert.deepEqual(await deliveredSince(), [{ type: 'team.created', data: { team: platform } }]);

    // One PATCH renames and adds two members: the events name the team as the PATCH left it.
    const patched = await scim('PATCH', `/Groups/${teamId}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'replace', path: 'displayName', value: 'Platform Team' },
        { op: 'add', path: 'members', value: [{ value: danaId }, { value: org.ids.owner }] },
      ],
    });
    assert.equal(patched.status, 204, JSON.stringify(patched.body));
    const renamed = { id: teamId, slug: 'platform-team', name: 'Platform Team' };
    assert.deepEqual(await deliveredSince(), [
      { type: 'team.updated', data: { team: renamed, before: { slug: 'platform', name: 'Platform' } } },
      { type: 'team.member_added', data: { team: renamed, member: danaRef, teamRole: null } },
      { type: 'team.member_added', data: { team: renamed, member: ownerRef, teamRole: null } },
    ]);

    // Adding a member already on it is no change; removing one is team.member_removed.
    assert.equal((await scim('PATCH', `/Groups/${teamId}`, { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: danaId }] }] })).status, 204);
    assert.deepEqual(await deliveredSince(), []);
    const removal = await scim('PATCH', `/Groups/${teamId}`, { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: `members[value eq "${danaId}"]` }] });
    assert.equal(removal.status, 204, JSON.stringify(removal.body));
    assert.deepEqual(await deliveredSince(), [{ type: 'team.member_removed', data: { team: renamed, member: danaRef } }]);

    assert.equal((await scim('DELETE', `/Groups/${teamId}`)).status, 204);
    assert.deepEqual(await deliveredSince(), [{ type: 'team.deleted', data: { team: renamed } }]);
  });

  it('a refused SCIM request queues nothing', async () => {
    const queued = await queuedMessages();
    const taken = await scim('POST', '/Users', { userName: org.emailOf('owner') });
    assert.equal(taken.status, 409);
    const badRole = await scim('POST', '/Users', { userName: 'eve@example.com', sentryOrgRole: 'owner' });
    assert.equal(badRole.status, 400);
    assert.equal((await scim('DELETE', `/Users/${org.ids.owner}`)).status, 403, 'the last owner');
    assert.equal(
      (await scim('PATCH', `/Users/${org.ids.owner}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] })).status,
      403,
      'the last owner, by PATCH',
    );
    const red = org.teams.red!;
    // A rename with a new member and an unknown one: 404, and neither the rename nor the join happened.
    const unknownMember = await scim('PATCH', `/Groups/${red}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'replace', path: 'displayName', value: 'Crimson' },
        { op: 'add', path: 'members', value: [{ value: org.ids.owner }, { value: '999999999' }] },
      ],
    });
    assert.equal(unknownMember.status, 404);
    const badName = await scim('PATCH', `/Groups/${red}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'displayName', value: '123' }] });
    assert.equal(badName.status, 400);
    assert.equal((await scim('POST', '/Groups', { displayName: 'Red' })).status, 409, 'a taken slug');
    assert.equal(await queuedMessages(), queued);
    assert.deepEqual(await deliveredSince(), []);
  });
});
