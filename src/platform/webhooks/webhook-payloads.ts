import { Type, type Static, type TSchema } from '@sinclair/typebox';

/**
 * What each webhook event carries (issue 18): one schema per event, so that an emitter of another
 * shape is a type error, and the OpenAPI document describes every event from the same schemas
 * (`webhooks` in /api/0/openapi.json). Version 1: fields may be added; a field is never renamed,
 * retyped or removed without a new `version` in the envelope.
 */

const IdText = Type.String({ description: 'A numeric id, as a string' });

/** A team as events name it. */
export const WebhookTeam = Type.Object({ id: IdText, slug: Type.String(), name: Type.String() });

/** A member's role on one team (null: the role the member's organization role implies). */
export const WebhookTeamRole = Type.Object({ teamSlug: Type.String(), role: Type.Union([Type.String(), Type.Null()]) });

/** A member as events name it: a pending invite has no user yet. */
export const WebhookMember = Type.Object({
  id: IdText,
  email: Type.String(),
  userId: Type.Union([IdText, Type.Null()]),
  orgRole: Type.String(),
  pending: Type.Boolean({ description: 'An invite not yet accepted' }),
  teamRoles: Type.Array(WebhookTeamRole, { description: "The member's active teams, by slug" }),
});

/** Who a member is, where the event is about a team. */
export const WebhookMemberRef = Type.Object({ id: IdText, email: Type.String(), userId: Type.Union([IdText, Type.Null()]) });

/** What a member.updated changes: the organization role and the team roles. */
const MemberRoles = Type.Object({ orgRole: Type.String(), teamRoles: Type.Array(WebhookTeamRole) });

export const WEBHOOK_PAYLOADS = {
  'member.invited': Type.Object({ member: WebhookMember }, { description: 'Someone was invited (or asked to join and was approved).' }),
  'member.joined': Type.Object({ member: WebhookMember }, { description: 'A member joined: an invite accepted, or an account made through SSO.' }),
  'member.updated': Type.Object(
    { member: WebhookMember, before: MemberRoles, after: MemberRoles },
    { description: "A member's organization role or team roles changed." },
  ),
  'member.removed': Type.Object({ member: WebhookMember }, { description: 'A member (or a pending invite) was removed, or left.' }),
  'team.created': Type.Object({ team: WebhookTeam }),
  'team.updated': Type.Object({ team: WebhookTeam, before: Type.Object({ slug: Type.String(), name: Type.String() }) }),
  'team.deleted': Type.Object({ team: WebhookTeam }),
  'team.member_added': Type.Object({ team: WebhookTeam, member: WebhookMemberRef, teamRole: Type.Union([Type.String(), Type.Null()]) }),
  'team.member_removed': Type.Object({ team: WebhookTeam, member: WebhookMemberRef }),
  'organization.updated': Type.Object(
    {
      organization: Type.Object({ id: IdText, slug: Type.String(), name: Type.String() }),
      changes: Type.Record(Type.String(), Type.String(), {
        description: 'Each changed setting, by the name the audit log gives it, to "from <old> to <new>" or "to <new>"',
      }),
    },
    { description: 'Organization settings changed (name, slug, default role, 2FA, …).' },
  ),
} satisfies Record<string, TSchema>;

export type WebhookEventType = keyof typeof WEBHOOK_PAYLOADS;
export type WebhookPayloads = { [Type in WebhookEventType]: Static<(typeof WEBHOOK_PAYLOADS)[Type]> };
export type WebhookMember = Static<typeof WebhookMember>;
export type WebhookTeam = Static<typeof WebhookTeam>;

export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_PAYLOADS) as WebhookEventType[];

/** The version every envelope carries; raised only when a payload changes incompatibly. */
export const WEBHOOK_PAYLOAD_VERSION = 1;

/** The body of every delivery: the event's type and version, when it happened, where, and its data. */
export function webhookEnvelopeSchema<Type extends WebhookEventType>(type: Type) {
  return Type.Object({
    type: Type.Literal(type),
    version: Type.Literal(WEBHOOK_PAYLOAD_VERSION),
    timestamp: Type.String({ format: 'date-time' }),
    organization: Type.Object({ id: IdText, slug: Type.String() }),
    data: WEBHOOK_PAYLOADS[type],
  });
}

/** One event in the OpenAPI document: a POST whose body is the event's envelope. */
interface WebhookOperation {
  post: {
    summary: string;
    description: string;
    requestBody: { required: true; content: { 'application/json': { schema: Record<string, unknown> } } };
    responses: { '200': { description: string } };
  };
}

/** OpenAPI 3.1 `webhooks`: one POST per event, its body the envelope. */
export function webhooksOpenApi(): Record<string, WebhookOperation> {
  return Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          summary: WEBHOOK_PAYLOADS[type].description ?? type,
          description: 'Signed as Standard Webhooks says: webhook-id, webhook-timestamp and webhook-signature headers. Answer 2xx to acknowledge.',
          requestBody: { required: true, content: { 'application/json': { schema: webhookEnvelopeSchema(type) as Record<string, unknown> } } },
          responses: { '200': { description: 'Received' } },
        },
      },
    ]),
  );
}
