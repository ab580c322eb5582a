import { useEffect, useId, useState } from 'react';
import { request, withQuery } from '../api';
import { toApiError } from '../hooks';

export interface PickerOption {
  id: string;
  label: string;
  detail?: string;
}

const PAGE = '20';
const SETTLE_MS = 250;

/**
 * A search box whose matches are asked of the server (`?query=…&per_page=20`), so it stays quick in
 * an organization of thousands; each match is a button that acts at once, named for what it adds.
 */
export function SearchPicker<T>({
  label,
  path,
  query,
  toOption,
  exclude = [],
  actionLabel,
  onPick,
  disabled = false,
  placeholder = 'Type a name or email',
}: {
  label: string;
  /** The list endpoint to search. */
  path: string;
  /** The `query` parameter for what was typed (filters such as `isInvited:false` added here). */
  query(text: string): string;
  toOption(item: T): PickerOption;
  /** Ids already there (already on the team…), left out of the matches. */
  exclude?: readonly string[];
  /** The name of each match's button: `Add Mel Member to #backend`. */
  actionLabel(option: PickerOption): string;
  onPick(option: PickerOption): Promise<unknown>;
  disabled?: boolean;
  placeholder?: string;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ options: PickerOption[]; more: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    // Waits for typing to settle, so one search goes out per pause, not per key.
    const timer = setTimeout(() => {
      request<T[]>('GET', withQuery(path, { query: query(text.trim()), per_page: PAGE }))
        .then((response) => {
          if (!live) return;
          const more = /rel="next"; results="true"/.test(response.headers.get('link') ?? '');
          setFound({ options: response.data.map(toOption), more });
          setError(null);
        })
        .catch((caught: unknown) => live && setError(toApiError(caught).message));
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // toOption and query are plain functions of the caller, new on each render: the search reruns
    // on what was typed, not on them.
  }, [path, text]);

  const options = found?.options.filter((option) => !exclude.includes(option.id)) ?? [];
  const pick = async (option: PickerOption) => {
    setBusy(true);
    try {
      await onPick(option);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="picker">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" autoComplete="off" value={text} placeholder={placeholder} onChange={(event) => setText(event.target.value)} />
      <ul className="picker-results" aria-label={`Matches for ${label}`} aria-busy={found === null}>
        {options.map((option) => (
          <li key={option.id}>
            <button type="button" disabled={disabled || busy} aria-label={actionLabel(option)} onClick={() => void pick(option)}>
              <span>{option.label}</span>
              {option.detail && <span className="muted"> {option.detail}</span>}
            </button>
          </li>
        ))}
      </ul>
      {found && options.length === 0 && <p className="hint">Nothing matches{text.trim() ? ` “${text.trim()}”` : ''}.</p>}
      {found?.more && <p className="hint">Showing the first matches; type more to narrow them.</p>}
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
