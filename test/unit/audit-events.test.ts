import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIT_EVENTS, auditEventById, auditEventByName } from '../../src/audit/audit-events.js';
import type { AuditPayloads, MemberPayload } from '../../src/audit/audit-payloads.js';
import { recordAudit, type AuditRecord } from '../../src/audit/record-audit.js';
import type { Tx } from '../../src/platform/db/database.js';

const someone = { actorIsTarget: false, targetName: null };
const member: MemberPayload = {
  email: 'mo@example.com', user: '5', teams: ['1', '2'], teams_slugs: ['api', 'web'], has_global_access: true, role: 'admin', invite_status: 'approved',
};

/**
 * Never called: `npm run lint` (tsc) compiles it, and each `@ts-expect-error` fails the lint if its line
 * stops being an error. This is what makes recordAudit refuse another event's payload.
 */
export function recordAuditRefusesWrongShapes(tx: Tx) {
  const base = { organizationId: '1', actor: null };
  // @ts-expect-error a member is not a team
  void recordAudit(tx, { ...base, event: 'TEAM_ADD', data: member });
  // @ts-expect-error a team change needs its team
  void recordAudit(tx, { ...base, event: 'MEMBER_JOIN_TEAM', data: { email: 'mo@example.com' } });
  // @ts-expect-error member.edit has Sentry's two shapes only, not its renderer's spelling `team_slugs`
  void recordAudit(tx, { ...base, event: 'MEMBER_EDIT', data: { email: 'mo@example.com', role: 'member', team_slugs: ['api'] } });
  // @ts-expect-error a team-role edit names the role asked for
  void recordAudit(tx, { ...base, event: 'MEMBER_EDIT', data: { email: 'mo@example.com', role: 'member', team_slug: 'api' } });
  // @ts-expect-error configuration values (secrets) have no place in sso.edit: only the fields' names
  void recordAudit(tx, { ...base, event: 'SSO_EDIT', data: { provider: 'oidc', config: 'client_secret', client_secret: 's3cret' } });
  // @ts-expect-error an entry of one event cannot pass for another's
  const entry: AuditRecord<'TEAM_ADD'> = { ...base, event: 'TEAM_REMOVE', data: { id: '1', slug: 'api', name: 'API', status: 0 } };
  void entry;
  // Both of Sentry's shapes of member.edit and of member.join-team are one type each.
  void recordAudit(tx, { ...base, event: 'MEMBER_EDIT', data: member });
  void recordAudit(tx, { ...base, event: 'MEMBER_EDIT', data: { email: 'mo@example.com', role: 'member', team_slug: 'api', team_role: 'admin' } });
  void recordAudit(tx, { ...base, event: 'MEMBER_JOIN_TEAM', data: { email: 'mo@example.com', team_slug: 'api' } });
  void recordAudit(tx, { ...base, event: 'MEMBER_JOIN_TEAM', data: { email: 'mo@example.com', team_slug: 'api', member_id: '3', is_active: true } });
}

describe('audit events (sentry-behavior.md §10, issue 14)', () => {
  it('every event has a payload type, and ids and API names are unique', () => {
    const keys = Object.keys(AUDIT_EVENTS).sort();
    const typed: Record<keyof AuditPayloads, true> = {
      MEMBER_INVITE: true, MEMBER_ADD: true, MEMBER_ACCEPT: true, MEMBER_EDIT: true, MEMBER_REMOVE: true, MEMBER_JOIN_TEAM: true,
      MEMBER_LEAVE_TEAM: true, MEMBER_PENDING: true, ORG_ADD: true, ORG_EDIT: true, ORG_REMOVE: true, ORG_RESTORE: true, TEAM_ADD: true,
      TEAM_EDIT: true, TEAM_REMOVE: true, SSO_ENABLE: true, SSO_DISABLE: true, SSO_EDIT: true, SSO_IDENTITY_LINK: true, MEMBER_REINVITE: true,
      WEBHOOK_ADD: true, WEBHOOK_EDIT: true, WEBHOOK_REMOVE: true, WEBHOOK_ROTATE_SECRET: true,
    };
    assert.deepEqual(keys, Object.keys(typed).sort());
    const specs = Object.values(AUDIT_EVENTS);
    assert.equal(new Set(specs.map((spec) => spec.id)).size, specs.length);
    assert.equal(new Set(specs.map((spec) => spec.name)).size, specs.length);
    for (const spec of specs) {
      assert.equal(auditEventById(spec.id)?.name, spec.name);
      assert.equal(auditEventByName(spec.name)?.id, spec.id);
    }
  });

  it('the SSO events take Sentry\'s ids 30–33', () => {
    assert.deepEqual(
      ['sso.enable', 'sso.disable', 'sso.edit', 'sso.identity-link'].map((name) => auditEventByName(name)?.id),
      [30, 31, 32, 33],
    );
  });

  it('member.edit names the member\'s teams after an edit of the member, the one team after a team-role change; no teams read N/A', () => {
    const render = (data: Record<string, unknown>) => auditEventById(AUDIT_EVENTS.MEMBER_EDIT.id)!.render({ data, ...someone });
    assert.equal(render(member), 'edited member mo@example.com (role: admin, teams: api, web)');
    assert.equal(
      render({ email: 'mo@example.com', role: 'member', team_slug: 'api', team_role: 'admin' }),
      'edited member mo@example.com (role: member, teams: api)',
    );
    assert.equal(render({ ...member, teams: [], teams_slugs: [] }), 'edited member mo@example.com (role: admin, teams: N/A)');
  });

  it('a member with no recorded address is named by the target user, else "(unknown member)" (§10)', () => {
    const render = (targetName: string | null) =>
      auditEventById(AUDIT_EVENTS.MEMBER_REMOVE.id)!.render({ data: { ...member, email: '' }, actorIsTarget: false, targetName });
    assert.equal(render('Mo'), 'removed member Mo');
    assert.equal(render(null), 'removed member (unknown member)');
  });

  it('sso.edit names each changed setting, and configuration fields by name only', () => {
    const render = (data: AuditPayloads['SSO_EDIT']) => auditEventById(AUDIT_EVENTS.SSO_EDIT.id)!.render({ data, ...someone });
    assert.equal(
      render({ provider: 'oidc', default_role: 'from member to manager', config: 'client_id, client_secret' }),
      'changed single sign-on (oidc): default role from member to manager; new client_id, client_secret',
    );
    assert.equal(render({ provider: 'oidc', require_link: 'to true' }), 'changed single sign-on (oidc): require SSO to true');
  });
});
