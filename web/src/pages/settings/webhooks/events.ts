import type { WebhookEventType } from '../../../types';

/**
 * Every event an endpoint may ask for, in the order the form lists them, with what it means. Keyed by
 * the type the create route declares, so an event the API adds or drops breaks the console's type
 * check instead of leaving a checkbox missing or one the API would refuse.
 */
export const WEBHOOK_EVENTS: Record<WebhookEventType, string> = {
  'member.invited': 'Someone was invited, or a request to join was approved.',
  'member.joined': 'A member joined: an invite accepted, or an account made through SSO.',
  'member.updated': "A member's organization role or team roles changed.",
  'member.removed': 'A member or a pending invite was removed, or a member left.',
  'team.created': 'A team was created.',
  'team.updated': 'A team was renamed or given a new slug.',
  'team.deleted': 'A team was deleted.',
  'team.member_added': 'A member was added to a team.',
  'team.member_removed': 'A member was removed from a team.',
  'organization.updated': 'Organization settings changed (name, slug, default role, 2FA…).',
};

export const EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as WebhookEventType[];

/** Why Roster turned an endpoint off, in words (the API's `disabledReason`). */
export function disabledReasonText(reason: string): string {
  if (reason === 'gone') return 'Roster turned it off: the receiver answered 410 Gone.';
  if (reason === 'failing') return 'Roster turned it off after 3 days of failed deliveries.';
  return `Roster turned it off (${reason}).`;
}
