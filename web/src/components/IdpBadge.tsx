/**
 * Members and teams the organization's identity provider manages through SCIM (issue 16): the API
 * refuses to remove them, to let them leave, and to rename, delete or change the membership of such
 * teams; the console says so next to each control it disables.
 */
export const IDP_MEMBER_REASON = 'Managed by your identity provider (SCIM): remove this member there, not in Roster.';
export const IDP_SELF_REASON = 'Your identity provider (SCIM) manages your membership: ask your administrator to unassign you there.';
export const IDP_TEAM_REASON = 'Managed by your identity provider (SCIM): rename, delete or change the members of this team there.';

export const isIdpManaged = (subject: { flags: { 'idp:provisioned': boolean } }) => subject.flags['idp:provisioned'];

export function IdpBadge() {
  return (
    <span className="badge idp" title="Provisioned by the identity provider through SCIM">
      Identity provider
    </span>
  );
}
