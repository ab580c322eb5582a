import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { useAction, useApi } from '../../hooks';
import type { ApiTokenRow, NewApiToken } from '../../types';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { ConfirmButton } from '../../components/ConfirmButton';
import { RowsSkeleton } from '../../components/Skeleton';

const SCOPES = ['org:read', 'org:write', 'org:admin', 'member:read', 'member:invite', 'member:write', 'member:admin', 'team:read', 'team:write', 'team:admin'];

/** Personal API tokens: create one (its value is shown once, here), see the others by their last characters, revoke. */
export function ApiTokens() {
  const tokens = useApi<ApiTokenRow[]>('/api/0/api-tokens/');
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['org:read', 'member:read']);
  const [created, setCreated] = useState<NewApiToken | null>(null);
  const { busy, error, run } = useAction();

  async function create(event: FormEvent) {
    event.preventDefault();
    const response = await run(() => api.post<NewApiToken>('/api/0/api-tokens/', { name: name.trim() || undefined, scopes }));
    if (!response) return;
    setCreated(response.data);
    setName('');
    tokens.reload();
  }

  const revoke = (id: string) =>
    run(async () => {
      await api.delete('/api/0/api-tokens/', { tokenId: id });
      if (created?.id === id) setCreated(null);
      tokens.reload();
    });
  const toggle = (scope: string) => setScopes((current) => (current.includes(scope) ? current.filter((s) => s !== scope) : [...current, scope]));

  return (
    <section className="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      {created?.token && (
        <div className="done" role="status">
          <p>Your new token. Copy it now: it will not be shown again.</p>
          <code className="secret" data-testid="new-token">
            {created.token}
          </code>
        </div>
      )}
      {tokens.loading && !tokens.data && <RowsSkeleton label="API tokens" rows={2} compact />}
      <ul className="rows compact" aria-label="Your API tokens">
        {tokens.data?.map((token) => (
          <li key={token.id} className="row">
            <span className="who">
              <strong>{token.name || 'Unnamed token'}</strong> <span className="muted">…{token.tokenLastCharacters}</span>
            </span>
            <span className="facts muted">{token.scopes.join(', ')}</span>
            <ConfirmButton
              question="Revoke this token? Programs using it stop working."
              confirmLabel="Revoke"
              onConfirm={() => revoke(token.id)}
              label={`Revoke ${token.name || 'unnamed token'} …${token.tokenLastCharacters ?? ''}`}
            >
              Revoke
            </ConfirmButton>
          </li>
        ))}
      </ul>
      {tokens.data?.length === 0 && <p className="muted">No tokens yet.</p>}
      {tokens.error && <FormError error={tokens.error} />}
      <form onSubmit={create} noValidate>
        <h3>New token</h3>
        <TextField label="Name" name="token-name" maxLength={255} value={name} onChange={(e) => setName(e.target.value)} error={error?.fields.name} />
        <fieldset className="scopes">
          <legend>Scopes</legend>
          {SCOPES.map((scope) => (
            <label key={scope} className="inline">
              <input type="checkbox" checked={scopes.includes(scope)} onChange={() => toggle(scope)} /> {scope}
            </label>
          ))}
          {error?.fields.scopes && <p className="field-error">{error.fields.scopes}</p>}
        </fieldset>
        <FormError error={error} shown={['name', 'scopes']} />
        <button type="submit" className="primary" disabled={busy || scopes.length === 0}>
          Create token
        </button>
      </form>
    </section>
  );
}
