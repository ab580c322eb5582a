import type { WebhookTeam } from '../platform/webhooks/webhook-payloads.js';
import type { MemberView } from '../members/members.queries.js';
import { memberContact } from './access-request-approvers.js';

/** A team as webhook events name it. */
export function webhookTeam(team: { id: string; slug: string; name: string }): WebhookTeam {
  return { id: team.id, slug: team.slug, name: team.name };
}

/** Who a team event is about. */
export function webhookMemberRef(member: MemberView) {
  return { id: member.id, email: memberContact(member).email, userId: member.user_id };
}
