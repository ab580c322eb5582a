import type { AuditEventKey, AuditPayloads, SsoEditPayload, TeamRoleEditPayload } from './audit-payloads.js';

export type { AuditEventKey } from './audit-payloads.js';

/** Who an entry is about, beyond its payload. */
export interface RenderContext {
  /** The actor is the target (joined / left by themselves). */
  actorIsTarget: boolean;
  /** Display name of the target user, when the data carries no email. */
  targetName: string | null;
}

/** A stored entry to render: its `data` is the payload its event was written with (record-audit.ts). */
export interface RenderableEntry extends RenderContext {
  data: Readonly<Record<string, unknown>>;
}

/** Sentry's audit events (sentry-behavior.md §10): numeric id, API name, and how an entry reads. */
export interface AuditEventSpec {
  id: number;
  name: string;
  render(entry: RenderableEntry): string;
}

/** An event's definition: its renderer reads the event's own payload type. */
interface AuditEventDefinition<Payload> {
  id: number;
  name: string;
  render(payload: Payload, context: RenderContext): string;
}

type AuditEventDefinitions = { [Key in AuditEventKey]: AuditEventDefinition<AuditPayloads[Key]> };

// Sentry's display rule (§10): the address the entry recorded, else the target user's name. Not a
// fallback between payload shapes: a pending member without an address records ''.
const memberLabel = (payload: { email: string }, context: RenderContext) => payload.email || context.targetName || '(unknown member)';
const slugList = (slugs: readonly string[]) => (slugs.length > 0 ? slugs.join(', ') : 'N/A');

/**
 * The teams a member.edit names: the member's teams after an edit of the member, the one team after a
 * change of the member's role on it (decisions.md fix 6; Sentry's own note says "N/A" for both).
 */
function editedTeams(payload: AuditPayloads['MEMBER_EDIT']): readonly string[] {
  return isTeamRoleEdit(payload) ? [payload.team_slug] : payload.teams_slugs;
}

function isTeamRoleEdit(payload: AuditPayloads['MEMBER_EDIT']): payload is TeamRoleEditPayload {
  return 'team_role' in payload;
}

/** The sso.edit note, in our own words: each changed setting, then the configuration fields by name. */
function ssoChanges(payload: SsoEditPayload): string {
  const parts = [
    ...(payload.require_link !== undefined ? [`require SSO ${payload.require_link}`] : []),
    ...(payload.default_role !== undefined ? [`default role ${payload.default_role}`] : []),
    ...(payload.config !== undefined ? [`new ${payload.config}`] : []),
    ...(payload.scim !== undefined ? [`SCIM ${payload.scim}`] : []),
  ];
  return `changed single sign-on (${payload.provider})` + (parts.length > 0 ? `: ${parts.join('; ')}` : '');
}

export const AUDIT_EVENTS = {
  MEMBER_INVITE: { id: 1, name: 'member.invite', render: (p, c) => `invited member ${memberLabel(p, c)}` },
  MEMBER_ADD: {
    id: 2,
    name: 'member.add',
    render: (p, c) => (c.actorIsTarget ? 'joined the organization' : `add member ${memberLabel(p, c)}`),
  },
  MEMBER_ACCEPT: { id: 3, name: 'member.accept-invite', render: () => 'accepted the membership invite' },
  MEMBER_EDIT: {
    id: 4,
    name: 'member.edit',
    render: (p, c) => `edited member ${memberLabel(p, c)} (role: ${p.role}, teams: ${slugList(editedTeams(p))})`,
  },
  MEMBER_REMOVE: {
    id: 5,
    name: 'member.remove',
    render: (p, c) => (c.actorIsTarget ? 'left the organization' : `removed member ${memberLabel(p, c)}`),
  },
  MEMBER_JOIN_TEAM: {
    id: 6,
    name: 'member.join-team',
    render: (p, c) => (c.actorIsTarget ? `joined team ${p.team_slug}` : `added ${memberLabel(p, c)} to team ${p.team_slug}`),
  },
  MEMBER_LEAVE_TEAM: {
    id: 7,
    name: 'member.leave-team',
    render: (p, c) => (c.actorIsTarget ? `left team ${p.team_slug}` : `removed ${memberLabel(p, c)} from team ${p.team_slug}`),
  },
  MEMBER_PENDING: { id: 8, name: 'member.pending', render: (p, c) => `required member ${memberLabel(p, c)} to setup 2FA` },
  ORG_ADD: { id: 10, name: 'org.create', render: () => 'created the organization' },
  ORG_EDIT: {
    id: 11,
    name: 'org.edit',
    render: (p) =>
      'edited the organization setting: ' +
      Object.entries(p)
        .map(([key, value]) => `${key} ${value}`)
        .join(', '),
  },
  ORG_REMOVE: { id: 12, name: 'org.remove', render: () => 'removed the organization' },
  ORG_RESTORE: { id: 13, name: 'org.restore', render: () => 'restored the organization' },
  TEAM_ADD: { id: 20, name: 'team.create', render: (p) => `created team ${p.slug}` },
  TEAM_EDIT: { id: 21, name: 'team.edit', render: (p) => `edited team ${p.slug}` },
  TEAM_REMOVE: { id: 22, name: 'team.remove', render: (p) => `removed team ${p.slug}` },
  // Sentry's ids for the SSO events; the notes are Roster's own.
  SSO_ENABLE: { id: 30, name: 'sso.enable', render: (p) => `turned on single sign-on (${p.provider})` },
  SSO_DISABLE: { id: 31, name: 'sso.disable', render: (p) => `turned off single sign-on (${p.provider})` },
  SSO_EDIT: { id: 32, name: 'sso.edit', render: ssoChanges },
  SSO_IDENTITY_LINK: {
    id: 33,
    name: 'sso.identity-link',
    render: (p, c) =>
      c.actorIsTarget
        ? `linked their account to a single sign-on identity (${p.provider})`
        : `linked the account of ${memberLabel(p, c)} to a single sign-on identity (${p.provider})`,
  },
  MEMBER_REINVITE: { id: 204, name: 'member.reinvite', render: (p, c) => `reinvited member ${memberLabel(p, c)}` },
} satisfies AuditEventDefinitions;

/**
 * The event as the audit log reads stored rows. The one place a row's `data` is taken as its event's
 * payload type: recordAudit is the only writer, it checks each payload against its event's type, and a
 * migration rewrites the stored rows whenever a shape changes.
 */
function storedEvent<Key extends AuditEventKey>(key: Key): AuditEventSpec {
  const definitions: AuditEventDefinitions = AUDIT_EVENTS;
  const definition = definitions[key];
  return {
    id: definition.id,
    name: definition.name,
    render: ({ data, actorIsTarget, targetName }) => definition.render(data as AuditPayloads[Key], { actorIsTarget, targetName }),
  };
}

const STORED_EVENTS = (Object.keys(AUDIT_EVENTS) as AuditEventKey[]).map(storedEvent);
const BY_ID = new Map(STORED_EVENTS.map((spec) => [spec.id, spec]));
const BY_NAME = new Map(STORED_EVENTS.map((spec) => [spec.name, spec]));

export function auditEventById(id: number): AuditEventSpec | undefined {
  return BY_ID.get(id);
}

export function auditEventByName(name: string): AuditEventSpec | undefined {
  return BY_NAME.get(name);
}
