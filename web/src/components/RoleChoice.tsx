import { useId } from 'react';
import type { Role } from '../types';

/**
 * The roles a requester may grant, each with its description (Sentry's `orgRoleList[].isAllowed`).
 * The current role stays visible, disabled, when the requester could not grant it.
 */
export function RoleChoice({
  legend,
  roles,
  value,
  onChange,
  error,
  disabled = false,
}: {
  legend: string;
  roles: Role[];
  value: string;
  onChange(role: string): void;
  error?: string | undefined;
  disabled?: boolean;
}) {
  const name = useId();
  const offered = roles.filter((role) => (role.isAllowed && !role.isRetired) || role.id === value);
  return (
    <fieldset className="roles" aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      {offered.map((role) => (
        <label key={role.id} className="role">
          <input
            type="radio"
            name={name}
            value={role.id}
            checked={value === role.id}
            disabled={disabled || !role.isAllowed}
            onChange={() => onChange(role.id)}
          />
          <span>
            <strong>{role.name}</strong>
            <span className="desc">{role.desc}</span>
          </span>
        </label>
      ))}
      {error && <p id={`${name}-error`} className="field-error">{error}</p>}
    </fieldset>
  );
}
