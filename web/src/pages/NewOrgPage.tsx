import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useAction } from '../hooks';
import { navigate } from '../router';
import type { OrgDetails } from '../types';
import { PageHeader } from '../components/Layout';
import { NameSlugFields } from '../components/NameSlugFields';
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
        <NameSlugFields
          name={name}
          slug={slug}
          onName={setName}
          onSlug={setSlug}
          error={error}
          slugHint="The short name in addresses, such as /organizations/acme/. Made from the name when left empty."
        />
        <FormError error={error} shown={['name', 'slug']} />
        <button type="submit" className="primary" disabled={busy || !name.trim()}>
          {busy ? 'Creating…' : 'Create organization'}
        </button>
      </form>
    </section>
  );
}
