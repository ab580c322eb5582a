import { CheckboxField, SelectField } from '../../../components/Field';
import { useOrg } from '../../../session';

/** The roles the API takes as SSO's default role: billing is never given to people by default. */
const DEFAULT_ROLES = ['member', 'admin', 'manager', 'owner'];

export interface SignInRules {
  requireLink: boolean;
  defaultRole: string;
}

/**
 * Require SSO and the role of members SSO creates, on both the setup form and the provider's page.
 * A role above the requester's stays listed, disabled, saying why (the API would refuse it).
 */
export function SignInRuleFields({
  rules,
  onChange,
  providerName,
  errors,
}: {
  rules: SignInRules;
  onChange(rules: SignInRules): void;
  providerName: string;
  errors: Record<string, string>;
}) {
  const { org } = useOrg();
  const roles = org.orgRoleList.filter((role) => DEFAULT_ROLES.includes(role.id) && (!role.isRetired || role.id === rules.defaultRole));
  return (
    <>
      <CheckboxField
        label="Require SSO"
        checked={rules.requireLink}
        onChange={(e) => onChange({ ...rules, requireLink: e.target.checked })}
        error={errors.require_link}
        hint={`Members must sign in through ${providerName} to use this organization; API tokens are not affected. Off, they may also sign in with an email link.`}
      />
      <SelectField
        label="Role of members who join through SSO"
        value={rules.defaultRole}
        onChange={(e) => onChange({ ...rules, defaultRole: e.target.value })}
        error={errors.default_role}
        hint="Someone the identity provider lets in who is not a member yet joins with this role. It is also the organization's default role for invites."
      >
        {roles.map((role) => (
          <option key={role.id} value={role.id} disabled={!role.isAllowed && role.id !== rules.defaultRole}>
            {role.isAllowed ? role.name : `${role.name} (above the roles you may give)`}
          </option>
        ))}
      </SelectField>
    </>
  );
}
