import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIT_EVENTS } from '../../src/audit/audit-events.js';
import { recordAudit } from '../../src/audit/record-audit.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildOrg, type BuiltOrg } from '../helpers/org-factory.js';
import { inTransaction } from '../helpers/database.js';

interface LogRow {
  event: string;
  note: string;
  data: Record<string, unknown>;
}

describe('audit payloads: one shape per event (issue 14)', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(() => h.close());

  /** The organization's log through the API, oldest first. */
  const log = async (org: BuiltOrg, query = ''): Promise<LogRow[]> => {
    const response = await h.request(org.tokens.owner!, 'GET', `/api/0/organizations/${org.slug}/audit-logs/${query}`);
    assert.equal(response.status, 200);
    return [...(response.body as { rows: LogRow[] }).rows].reverse();
  };

  it('rows of each shape Sentry writes for member.edit and member.join-team read as they did before the payloads were typed', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    const alice = org.emailOf('alice');
    const member = { email: alice, user: org.userIds.alice!, teams: ['7'], teams_slugs: ['api'], has_global_access: true, role: 'member', invite_status: 'approved' };
    // Stored as they are on the wire, without recordAudit: what a database written before this change holds.
    const stored = [
      { event: AUDIT_EVENTS.MEMBER_EDIT.id, data: member },
      { event: AUDIT_EVENTS.MEMBER_EDIT.id, data: { ...member, teams: [], teams_slugs: [] } },
      { event: AUDIT_EVENTS.MEMBER_EDIT.id, data: { email: alice, role: 'member', team_slug: 'backend', team_role: 'admin' } },
      { event: AUDIT_EVENTS.MEMBER_JOIN_TEAM.id, data: { email: alice, team_slug: 'backend' } },
      { event: AUDIT_EVENTS.MEMBER_JOIN_TEAM.id, data: { team_slug: 'web', member_id: org.ids.alice!, email: alice, is_active: true } },
      { event: AUDIT_EVENTS.MEMBER_LEAVE_TEAM.id, data: { email: alice, team_slug: 'ops' } },
    ];
    await h.database.db
      .insertInto('audit_log_entries')
      .values(stored.map(({ event, data }) => ({ organization_id: org.id, event, actor_label: 'Olive', data: JSON.stringify(data) })))
      .execute();

    const rows = await log(org);
    assert.deepEqual(rows.map((row) => [row.event, row.note]), [
      ['member.edit', `edited member ${alice} (role: member, teams: api)`],
      ['member.edit', `edited member ${alice} (role: member, teams: N/A)`],
      ['member.edit', `edited member ${alice} (role: member, teams: backend)`],
      ['member.join-team', `added ${alice} to team backend`],
      ['member.join-team', `added ${alice} to team web`],
      ['member.leave-team', `removed ${alice} from team ops`],
    ]);
    assert.deepEqual(rows.map((row) => row.data), stored.map(({ data }) => data), 'data goes out as stored');
  });

  it('a team-role change records Sentry\'s {email, role, team_slug, team_role}, and its note names that team', async () => {
    const org = await buildOrg(h, { teams: ['backend', 'web'], members: { owner: { role: 'owner' }, alice: { role: 'member', teams: ['backend', 'web'] } } });
    const response = await h.request(org.tokens.owner!, 'PUT', `${org.memberUrl('alice')}teams/backend/`, { teamRole: 'admin' });
    assert.equal(response.status, 200);
    const [edit, ...others] = await log(org, '?event=member.edit');
    assert.deepEqual(others, []);
    assert.deepEqual(edit!.data, { email: org.emailOf('alice'), role: 'member', team_slug: 'backend', team_role: 'admin' });
    assert.equal(edit!.note, `edited member ${org.emailOf('alice')} (role: member, teams: backend)`);
  });

  it('the SSO events (issue 15) are listed, filtered and read in Roster\'s words, their payloads returned as written', async () => {
    const org = await buildOrg(h, { members: { owner: { role: 'owner' }, alice: { role: 'member' } } });
    const owner = { userId: org.userIds.owner!, email: org.emailOf('owner'), name: 'owner', ip: '198.51.100.4' };
    const alice = { userId: org.userIds.alice!, email: org.emailOf('alice'), name: 'alice', ip: '198.51.100.5' };
    const base = { organizationId: org.id, targetObject: '9' };
    const edit = { provider: 'saml2', require_link: 'to false', default_role: 'from member to admin', config: 'idp_x509cert' };
    await inTransaction(h, (tx) => recordAudit(tx, { ...base, event: 'SSO_ENABLE', actor: owner, data: { provider: 'saml2', require_link: true, default_role: 'member', members_emailed: 1 } }));
    await inTransaction(h, (tx) => recordAudit(tx, { ...base, event: 'SSO_EDIT', actor: owner, data: edit }));
    await inTransaction(h, (tx) => recordAudit(tx, { ...base, event: 'SSO_EDIT', actor: owner, data: { provider: 'saml2' } }));
    await inTransaction(h, (tx) => recordAudit(tx, { ...base, event: 'SSO_IDENTITY_LINK', actor: alice, targetUserId: alice.userId, data: { provider: 'saml2', email: alice.email, moved_from_user: null } }));
    await inTransaction(h, (tx) => recordAudit(tx, { ...base, event: 'SSO_IDENTITY_LINK', actor: owner, targetUserId: alice.userId, data: { provider: 'saml2', email: alice.email, moved_from_user: null } }));
    await inTransaction(h, (tx) => recordAudit(tx, { ...base, event: 'SSO_DISABLE', actor: owner, data: { provider: 'saml2', identities_deleted: 1, members_emailed: 2 } }));

    const rows = (await log(org)).filter((row) => row.event.startsWith('sso.'));
    assert.deepEqual(rows.map((row) => [row.event, row.note]), [
      ['sso.enable', 'turned on single sign-on (saml2)'],
      ['sso.edit', 'changed single sign-on (saml2): require SSO to false; default role from member to admin; new idp_x509cert'],
      ['sso.edit', 'changed single sign-on (saml2)'],
      ['sso.identity-link', 'linked their account to a single sign-on identity (saml2)'],
      ['sso.identity-link', `linked the account of ${alice.email} to a single sign-on identity (saml2)`],
      ['sso.disable', 'turned off single sign-on (saml2)'],
    ]);
    assert.deepEqual(rows[1]!.data, edit);
    assert.deepEqual((await log(org, '?event=sso.identity-link')).map((row) => row.data), [
      { provider: 'saml2', email: alice.email, moved_from_user: null },
      { provider: 'saml2', email: alice.email, moved_from_user: null },
    ]);
    const response = await h.request(org.tokens.owner!, 'GET', `/api/0/organizations/${org.slug}/audit-logs/`);
    const options = (response.body as { options: string[] }).options;
    for (const name of ['sso.enable', 'sso.disable', 'sso.edit', 'sso.identity-link']) assert.ok(options.includes(name), name);
  });
});
