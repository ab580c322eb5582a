import { useId } from 'react';
import { navigate } from '../router';
import type { OrgSummary } from '../types';

const NEW = '__new__';

/** Picks the organization to work in; its last entry creates a new one. */
export function OrgSwitcher({ orgs, current }: { orgs: OrgSummary[]; current: string | null }) {
  const id = useId();
  return (
    <div className="org-switcher">
      <label htmlFor={id} className="visually-hidden">
        Organization
      </label>
      <select
        id={id}
        value={current ?? ''}
        onChange={(event) => navigate(event.target.value === NEW ? '/organizations/new/' : `/organizations/${event.target.value}/members/`)}
      >
        {!current && <option value="">Choose an organization…</option>}
        {orgs.map((org) => (
          <option key={org.id} value={org.slug}>
            {org.name}
          </option>
        ))}
        <option value={NEW}>+ New organization…</option>
      </select>
    </div>
  );
}
