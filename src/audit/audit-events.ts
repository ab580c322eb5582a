/** Sentry's audit events (sentry-behavior.md §10): numeric id, API name, and how an entry reads. */
export interface AuditEventSpec {
  id: number;
  name: string;
  render(entry: RenderableEntry): string;
}

export interface RenderableEntry {
  data: Record<string, unknown>;
  /** The actor is the target (joined / left by themselves). */
  actorIsTarget: boolean;
  /** Display name of the target user, when the data carries no email. */
  targetName: string | null;
}

const str = (value: unknown) => (value === undefined || value === null ? '' : String(value));
const memberLabel = (entry: RenderableEntry) => str(entry.data.email) || entry.targetName || '(unknown member)';
const teamSlugs = (data: Record<string, unknown>) => {
  const slugs = data.teams_slugs ?? data.team_slugs ?? (data.team_slug ? [data.team_slug] : null);
  return Array.isArray(slugs) && slugs.length > 0 ? slugs.join(', ') : 'N/A';
};

export const AUDIT_EVENTS = {
  MEMBER_INVITE: { id: 1, name: 'member.invite', render: (e) => `invited member ${memberLabel(e)}` },
  MEMBER_ADD: {
    id: 2,
    name: 'member.add',
    render: (e) => (e.actorIsTarget ? 'joined the organization' : `add member ${memberLabel(e)}`),
  },
  MEMBER_ACCEPT: { id: 3, name: 'member.accept-invite', render: () => 'accepted the membership invite' },
  MEMBER_EDIT: {
    id: 4,
    name: 'member.edit',
    render: (e) => `edited member ${memberLabel(e)} (role: ${str(e.data.role)}, teams: ${teamSlugs(e.data)})`,
  },
  MEMBER_REMOVE: {
    id: 5,
    name: 'member.remove',
    render: (e) => (e.actorIsTarget ? 'left the organization' : `removed member ${memberLabel(e)}`),
  },
  MEMBER_JOIN_TEAM: {
    id: 6,
    name: 'member.join-team',
    render: (e) =>
      e.actorIsTarget ? `joined team ${str(e.data.team_slug)}` : `added ${memberLabel(e)} to team ${str(e.data.team_slug)}`,
  },
  MEMBER_LEAVE_TEAM: {
    id: 7,
    name: 'member.leave-team',
    render: (e) =>
      e.actorIsTarget ? `left team ${str(e.data.team_slug)}` : `removed ${memberLabel(e)} from team ${str(e.data.team_slug)}`,
  },
  MEMBER_PENDING: { id: 8, name: 'member.pending', render: (e) => `required member ${memberLabel(e)} to setup 2FA` },
  ORG_ADD: { id: 10, name: 'org.create', render: () => 'created the organization' },
  ORG_EDIT: {
    id: 11,
    name: 'org.edit',
    render: (e) =>
      'edited the organization setting: ' +
      Object.entries(e.data)
        .map(([key, value]) => `${key} ${str(value)}`)
        .join(', '),
  },
  ORG_REMOVE: { id: 12, name: 'org.remove', render: () => 'removed the organization' },
  ORG_RESTORE: { id: 13, name: 'org.restore', render: () => 'restored the organization' },
  TEAM_ADD: { id: 20, name: 'team.create', render: (e) => `created team ${str(e.data.slug)}` },
  TEAM_EDIT: { id: 21, name: 'team.edit', render: (e) => `edited team ${str(e.data.slug)}` },
  TEAM_REMOVE: { id: 22, name: 'team.remove', render: (e) => `removed team ${str(e.data.slug)}` },
  // Issue 15. The audit-types branch adds these too; the names and ids are Sentry's.
  SSO_ENABLE: { id: 30, name: 'sso.enable', render: (e) => `enabled sso (${str(e.data.provider)})` },
  SSO_DISABLE: { id: 31, name: 'sso.disable', render: (e) => `disabled sso (${str(e.data.provider)})` },
  SSO_EDIT: {
    id: 32,
    name: 'sso.edit',
    render: (e) =>
      'edited sso settings: ' +
      Object.entries(e.data)
        .filter(([key]) => key !== 'provider')
        .map(([key, value]) => `${key} ${str(value)}`)
        .join(', '),
  },
  SSO_IDENTITY_LINK: { id: 33, name: 'sso.identity-link', render: (e) => `linked their account to a new identity (${str(e.data.provider)})` },
  MEMBER_REINVITE: { id: 204, name: 'member.reinvite', render: (e) => `reinvited member ${memberLabel(e)}` },
} satisfies Record<string, AuditEventSpec>;

export type AuditEventKey = keyof typeof AUDIT_EVENTS;

const BY_ID = new Map<number, AuditEventSpec>(Object.values(AUDIT_EVENTS).map((spec) => [spec.id, spec]));
const BY_NAME = new Map<string, AuditEventSpec>(Object.values(AUDIT_EVENTS).map((spec) => [spec.name, spec]));

export function auditEventById(id: number): AuditEventSpec | undefined {
  return BY_ID.get(id);
}

export function auditEventByName(name: string): AuditEventSpec | undefined {
  return BY_NAME.get(name);
}
