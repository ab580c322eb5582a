import type { Me, OrgDetails } from '../../types';

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

export interface Impact {
  /** Members without 2FA (from `has2fa:false`); `more` when the list had another page. */
  without2fa: { count: number; more: boolean } | null;
}

/** What a change will do, in words, before it is saved (keyed by setting). */
export function consequences(org: OrgDetails, changes: Partial<SettingsForm>, me: Me | null, impact: Impact): Partial<Record<keyof SettingsForm, string>> {
  const said: Partial<Record<keyof SettingsForm, string>> = {};
  if (changes.slug !== undefined) {
    said.slug = `Addresses with “${org.slug}” stop working, including links in emails already sent.`;
  }
  if (changes.require2FA === true) {
    const n = impact.without2fa;
    const who = !n ? 'Members without two-factor authentication' : n.count === 0 ? 'No member is without two-factor authentication, so nobody' : `${n.count}${n.more ? '+' : ''} ${n.count === 1 ? 'member' : 'members'} without two-factor authentication`;
    said.require2FA = `${who} will be removed from the organization and emailed how to set it up and rejoin (the last owner always stays).`;
    if (me && !me.has2fa) said.require2FA += ' You need two-factor authentication on your own account first.';
  } else if (changes.require2FA === false) {
    said.require2FA = 'Members will no longer need two-factor authentication.';
  }
  if (changes.requireEmailVerification === true) {
    said.requireEmailVerification =
      'Members whose email address is not verified will be removed from the organization and emailed a link to verify it and rejoin (the last owner always stays).';
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

/** Changes that remove people or break links are confirmed once more before saving. */
export const needsConfirmation = (changes: Partial<SettingsForm>) =>
  changes.slug !== undefined || changes.require2FA === true || changes.requireEmailVerification === true;
