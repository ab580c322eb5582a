import { useEffect, useState, type FormEvent } from 'react';
import { api, orgPath } from '../../api';
import { useAction } from '../../hooks';
import { Link, navigate } from '../../router';
import { hasScope, useOrg, useSession } from '../../session';
import type { OrgDetails } from '../../types';
import { PageHeader } from '../../components/Layout';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { Done, FormError } from '../../components/FormError';
import { AvatarForm } from './AvatarForm';
import { DangerZone } from './DangerZone';
import { SettingsNav } from './SettingsNav';
import { useImpact } from './impact';
import { changedFields, consequences, formFrom, needsConfirmation, saveBlocked, type SettingsForm } from './consequences';

/** Organization settings; what a change will do is said before it is saved, and confirmed when it removes people. */
export function SettingsPage() {
  const { org, reload } = useOrg();
  const { me } = useSession();
  const [form, setForm] = useState<SettingsForm>(() => formFrom(org));
  const [reviewing, setReviewing] = useState(false);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const canEdit = hasScope(org, 'org:write') || hasScope(org, 'org:admin');

  useEffect(() => setForm(formFrom(org)), [org]);
  const changes = changedFields(org, form);
  // Turning on an enforcement: count who it would pend, through the member search.
  const impact = useImpact(org, changes.require2FA === true, changes.requireEmailVerification === true);
  const said = consequences(org, changes, me, impact);
  // What the API would refuse is not offered: the reason stands beside the disabled Save.
  const blocked = saveBlocked(org, changes, me);

  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => {
    setSaved(false);
    setReviewing(false);
    setForm((current) => ({ ...current, [key]: value }));
  };

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (!reviewing && needsConfirmation(changes)) return setReviewing(true);
    const updated = await run(() => api.put<OrgDetails>(orgPath(org.slug), changes));
    setReviewing(false);
    if (!updated) return;
    setSaved(true);
    if (updated.data.slug !== org.slug) navigate(`/organizations/${updated.data.slug}/settings/`, { replace: true });
    reload();
  }

  const field = (key: keyof SettingsForm) => ({ error: error?.fields[key], hint: said[key] });
  return (
    <section>
      <PageHeader title="Settings" />
      <SettingsNav />
      {!canEdit && <p className="muted">You can see these settings; changing them needs the manager or owner role.</p>}
      <form className="card" onSubmit={save} noValidate aria-labelledby="general">
        <h2 id="general">General</h2>
        <fieldset disabled={!canEdit || busy}>
          <TextField label="Name" name="name" maxLength={64} value={form.name} onChange={(e) => set('name', e.target.value)} {...field('name')} />
          <TextField label="Slug" name="slug" maxLength={50} value={form.slug} onChange={(e) => set('slug', e.target.value)} {...field('slug')} />
          <SelectField label="Default role for new members" value={form.defaultRole} onChange={(e) => set('defaultRole', e.target.value)} {...field('defaultRole')}>
            {org.orgRoleList.filter((role) => !role.isRetired || role.id === form.defaultRole).map((role) => (
              <option key={role.id} value={role.id}>
                {role.name}
              </option>
            ))}
          </SelectField>
          <CheckboxField label="Open membership: members may join any team" checked={form.openMembership} onChange={(e) => set('openMembership', e.target.checked)} {...field('openMembership')} />
          <CheckboxField label="Let members invite people" checked={form.allowMemberInvite} onChange={(e) => set('allowMemberInvite', e.target.checked)} {...field('allowMemberInvite')} />
          <CheckboxField label="Require two-factor authentication" checked={form.require2FA} onChange={(e) => set('require2FA', e.target.checked)} {...field('require2FA')} />
          <CheckboxField
            label="Require verified email addresses"
            checked={form.requireEmailVerification}
            onChange={(e) => set('requireEmailVerification', e.target.checked)}
            {...field('requireEmailVerification')}
          />
        </fieldset>
        {reviewing && (
          <div className="review" role="alertdialog" aria-labelledby="review-title" aria-describedby="review-list">
            <h3 id="review-title">Before you save</h3>
            <ul id="review-list">
              {Object.values(said).map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
            <div className="actions">
              <button type="button" className="danger" autoFocus onClick={() => void save()}>
                Save anyway
              </button>
              <button type="button" onClick={() => setReviewing(false)}>
                Back
              </button>
            </div>
          </div>
        )}
        {saved && <Done>Settings saved.</Done>}
        <FormError error={error} shown={Object.keys(form)} />
        {canEdit && !reviewing && (
          <div className="actions">
            <button type="submit" className="primary" disabled={busy || Object.keys(changes).length === 0 || blocked !== null} aria-describedby={blocked ? 'save-blocked' : undefined}>
              {busy ? 'Saving…' : 'Save settings'}
            </button>
            {blocked && (
              <p id="save-blocked" className="hint reason">
                {blocked.text} {blocked.link && <Link href="/account/">{blocked.link}</Link>}
              </p>
            )}
          </div>
        )}
      </form>
      {canEdit && <AvatarForm />}
      <DangerZone />
    </section>
  );
}
