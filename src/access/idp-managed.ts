/**
 * What the member and team API answer when the identity provider manages the thing asked about
 * (spec scim.md §1.7; Sentry's texts): changes to such members and teams go through SCIM.
 */
export const IDP_MANAGED_MEMBER = "This user is managed through your organization's identity provider.";
export const IDP_MANAGED_TEAM = "This team is managed through your organization's identity provider.";
