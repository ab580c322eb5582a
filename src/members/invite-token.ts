import type { Config } from '../config.js';
import { DAY_MS } from '../platform/lib/clock.js';
import { hashSecret, newSecret } from '../platform/lib/secrets.js';

export const INVITE_DAYS_VALID = 30;

export interface InviteToken {
  /** The token for the link: sent once by email, never stored. */
  token: string;
  hash: string;
  expiresAt: Date;
}

/** A fresh invite token, valid for 30 days unless an expiry is given. */
export function issueInviteToken(now: Date, expiresAt?: Date): InviteToken {
  const token = newSecret();
  return { token, hash: hashSecret(token), expiresAt: expiresAt ?? new Date(now.getTime() + INVITE_DAYS_VALID * DAY_MS) };
}

/** Sentry's invite link: `/accept/{member_id}/{token}/`, with `?referrer=` when given. */
export function inviteLink(config: Pick<Config, 'publicUrl'>, memberId: string, token: string, referrer?: string | null): string {
  const link = `${config.publicUrl}/accept/${memberId}/${token}/`;
  return referrer ? `${link}?referrer=${encodeURIComponent(referrer)}` : link;
}

/** Member flags by Sentry's names, and the column each is kept in. */
export const MEMBER_FLAG_COLUMNS = {
  'sso:linked': 'sso_linked',
  'sso:invalid': 'sso_invalid',
  'member-limit:restricted': 'member_limit_restricted',
  'idp:provisioned': 'idp_provisioned',
  'idp:role-restricted': 'idp_role_restricted',
  'partnership:restricted': 'partnership_restricted',
} as const;

export type MemberFlagName = keyof typeof MEMBER_FLAG_COLUMNS;
