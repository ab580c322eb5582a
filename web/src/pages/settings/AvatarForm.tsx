import { useId, useState, type FormEvent } from 'react';
import { api, orgPath } from '../../api';
import { useAction } from '../../hooks';
import { useOrg } from '../../session';
import { Done, FormError } from '../../components/FormError';

const readBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** The organization's avatar: its initials, or an uploaded image (Sentry's `avatarType` / `avatar`). */
export function AvatarForm() {
  const { org, reload } = useOrg();
  const [type, setType] = useState(org.avatar.avatarType);
  const [file, setFile] = useState<File | null>(null);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const fileId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const body = type === 'upload' && file ? { avatarType: 'upload', avatar: await readBase64(file) } : { avatarType: type };
    if (await run(() => api.put(orgPath(org.slug), body))) {
      setSaved(true);
      reload();
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="avatar-title">
      <h2 id="avatar-title">Avatar</h2>
      {org.avatar.avatarUrl ? (
        <img className="avatar" src={org.avatar.avatarUrl} alt={`${org.name}'s avatar`} width={48} height={48} />
      ) : (
        <span className="avatar letter" aria-hidden="true">
          {org.name.slice(0, 2).toUpperCase()}
        </span>
      )}
      <fieldset>
        <legend>Show</legend>
        <label className="inline">
          <input type="radio" name="avatarType" checked={type === 'letter_avatar'} onChange={() => setType('letter_avatar')} /> Initials
        </label>
        <label className="inline">
          <input type="radio" name="avatarType" checked={type === 'upload'} onChange={() => setType('upload')} /> An image
        </label>
      </fieldset>
      {type === 'upload' && (
        <div className="field">
          <label htmlFor={fileId}>Image (PNG or JPEG, square)</label>
          <input id={fileId} type="file" accept="image/png,image/jpeg" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
          {(error?.fields.avatar || error?.fields.avatarType) && <p className="field-error">{error.fields.avatar ?? error.fields.avatarType}</p>}
        </div>
      )}
      {saved && <Done>Avatar saved.</Done>}
      <FormError error={error} shown={['avatar', 'avatarType']} />
      <button type="submit" disabled={busy || (type === 'upload' && !file && org.avatar.avatarType !== 'upload')}>
        Save avatar
      </button>
    </form>
  );
}
