import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useAction } from '../hooks';
import { navigate } from '../router';
import type { OrgDetails } from '../types';
import { PageHeader } from '../components/Layout';
import { TextField } from '../components/Field';
import { FormError } from '../components/FormError';

/** Creates an organization; the requester becomes its owner. */
export function NewOrgPage({ onCreated }: { onCreated(): void }) {
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const { busy, error, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const created = await run(() => api.post<OrgDetails>('/api/0/organizations/', { name, ...(slug ? { slug } : {}) }));
    if (!created) return;
    onCreated();
    navigate(`/organizations/${created.data.slug}/members/`);
  }

  return (
    <section className="narrow">
      <PageHeader title="New organization" />
      <form onSubmit={submit} noValidate>
        <TextField label="Name" name="name" required maxLength={64} value={name} onChange={(e) => setName(e.target.value)} error={error?.fields.name} />
        <TextField
          label="Slug (optional)"
          name="slug"
          maxLength={50}
          value={slug}
          onChange={(e) => setSlug(e.target.value)}
          error={error?.fields.slug}
          hint="The short name in addresses, such as /organizations/acme/. Made from the name when left empty."
        />
        <FormError error={error} shown={['name', 'slug']} />
        <button type="submit" className="primary" disabled={busy || !name.trim()}>
          {busy ? 'Creating…' : 'Create organization'}
        </button>
      </form>
    </section>
  );
}
