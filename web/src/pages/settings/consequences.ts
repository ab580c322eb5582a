import type { Me, OrgDetails } from '../../types';
import type { Count, Impact } from './impact';

export interface SettingsForm {
  name: string;
  slug: string;
  defaultRole: string;
  openMembership: boolean;
  allowMemberInvite: boolean;
  require2FA: boolean;
  requireEmailVerification: boolean;
}

export const formFrom = (org: OrgDetails): SettingsForm => ({
  name: org.name,
  slug: org.slug,
  defaultRole: org.defaultRole,
  openMembership: org.openMembership,
  allowMemberInvite: org.allowMemberInvite,
  require2FA: org.require2FA,
  requireEmailVerification: org.requireEmailVerification,
});

/** Only what changed goes in the PUT, so one save is one `org.edit` entry naming exactly those settings. */
export function changedFields(org: OrgDetails, form: SettingsForm): Partial<SettingsForm> {
  const before = formFrom(org);
  return Object.fromEntries(Object.entries(form).filter(([key, value]) => before[key as keyof SettingsForm] !== value)) as Partial<SettingsForm>;
}

/** What a change will do, in words, before it is saved (keyed by setting). */
export function consequences(org: OrgDetails, changes: Partial<SettingsForm>, me: Me | null, impact: Impact): Partial<Record<keyof SettingsForm, string>> {
  const said: Partial<Record<keyof SettingsForm, string>> = {};
  if (changes.slug !== undefined) {
    said.slug = `Addresses with “${org.slug}” stop working, including links in emails already sent.`;
  }
  if (changes.require2FA === true) {
    said.require2FA = `${counted(impact.without2fa, 'without two-factor authentication')} will be removed from the organization and emailed how to set it up and rejoin.`;
    if (impact.without2faKept && impact.without2faKept.count > 0) {
      const kept = impact.without2faKept;
      said.require2FA += ` ${kept.count}${kept.more ? '+' : ''} without it ${kept.count === 1 ? 'has' : 'have'} a role above yours: you could not remove them, so they are only emailed.`;
    }
    if (me && !me.has2fa) said.require2FA += ' You need two-factor authentication on your own account first.';
  } else if (changes.require2FA === false) {
    said.require2FA = 'Members will no longer need two-factor authentication.';
  }
  if (changes.requireEmailVerification === true) {
    said.requireEmailVerification = `${counted(impact.unverified, 'whose email address is not verified')} will be removed from the organization and emailed a link to verify it and rejoin (members of a role above yours are only emailed).`;
    if (me && !me.emailVerified) said.requireEmailVerification += ' Your own email address must be verified first.';
  }
  if (changes.openMembership !== undefined) {
    said.openMembership = changes.openMembership ? 'Every member will be able to join any team.' : 'Members will have to ask to join a team.';
  }
  if (changes.allowMemberInvite === false) {
    said.allowMemberInvite = 'Members without member:write will no longer be able to invite people.';
  }
  if (changes.defaultRole !== undefined) {
    const role = org.orgRoleList.find((r) => r.id === changes.defaultRole);
    said.defaultRole = `New invitations without a role will get the ${role?.name ?? changes.defaultRole} role.`;
  }
  return said;
}

/** "3 members without …", "100+ members …", "No member …"; "Members …" while the count is unknown. */
function counted(n: Count | null, what: string): string {
  if (!n) return `Members ${what}`;
  if (n.count === 0) return `No member ${what}`;
  return `${n.count}${n.more ? '+' : ''} ${n.count === 1 ? 'member' : 'members'} ${what}`;
}

/** Changes that remove people or break links are confirmed once more before saving. */
export const needsConfirmation = (changes: Partial<SettingsForm>) =>
  changes.slug !== undefined || changes.require2FA === true || changes.requireEmailVerification === true;

/** Why the API would refuse this change for this requester, with where to fix it; null when it would not. */
export function saveBlocked(org: OrgDetails, changes: Partial<SettingsForm>, me: Me | null): { text: string; link: string | null } | null {
  if (changes.require2FA === true && org.hasAuthProvider) {
    return { text: 'Two-factor authentication cannot be required while the organization signs in through SSO.', link: null };
  }
  if (changes.require2FA === true && me && !me.has2fa) {
    return { text: 'Requiring two-factor authentication needs it on your own account first.', link: 'Set up two-factor authentication' };
  }
  if (changes.requireEmailVerification === true && me && !me.emailVerified) {
    return { text: 'Requiring verified email addresses needs your own address verified first.', link: 'Verify your email address' };
  }
  return null;
}
