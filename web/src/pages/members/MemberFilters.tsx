import { useEffect, useState, type FormEvent } from 'react';
import type { Role } from '../../types';
import { SelectField, TextField } from '../../components/Field';
import { getFilter, setFilter } from './query';

/** The search box (Sentry's query language) and menus that write `role:`, `isInvited:` and `has2fa:` into it. */
export function MemberFilters({ query, roles, onQuery }: { query: string; roles: Role[]; onQuery(query: string): void }) {
  const [text, setText] = useState(query);
  useEffect(() => setText(query), [query]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onQuery(text.trim());
  };
  const filter = (key: string, value: string) => onQuery(setFilter(text, key, value));

  return (
    <form className="filters" role="search" onSubmit={submit}>
      <TextField
        label="Search members"
        type="search"
        name="query"
        value={text}
        onChange={(event) => setText(event.target.value)}
        hint={
          <>
            Words match names and emails; filters such as <code>role:admin</code>, <code>isInvited:true</code>,{' '}
            <code>has2fa:false</code>, <code>email:a@example.com</code> narrow the list.
          </>
        }
      />
      <SelectField label="Role" value={getFilter(text, 'role')} onChange={(event) => filter('role', event.target.value)}>
        <option value="">Any role</option>
        {roles.map((role) => (
          <option key={role.id} value={role.id}>
            {role.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Status" value={getFilter(text, 'isInvited')} onChange={(event) => filter('isInvited', event.target.value)}>
        <option value="">Members and invites</option>
        <option value="false">Members</option>
        <option value="true">Pending invites</option>
      </SelectField>
      <SelectField label="Two-factor" value={getFilter(text, 'has2fa')} onChange={(event) => filter('has2fa', event.target.value)}>
        <option value="">Any</option>
        <option value="true">With 2FA</option>
        <option value="false">Without 2FA</option>
      </SelectField>
      <button type="submit">Search</button>
    </form>
  );
}
