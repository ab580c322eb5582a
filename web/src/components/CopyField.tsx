import { useId, useRef, useState } from 'react';

/**
 * A value to paste into another system, read-only, with a button that copies it. Where the
 * clipboard is refused (an http page off localhost, a denied permission), the value is selected
 * instead and the status says to copy it by hand.
 */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('Copied.');
    } catch {
      input.current?.select();
      setStatus('Selected: press Ctrl+C (⌘C) to copy it.');
    }
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input id={id} ref={input} readOnly value={value} aria-describedby={hint ? `${id}-hint` : undefined} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={() => void copy()}>
          Copy {label}
        </button>
        <span role="status" className="hint">
          {status}
        </span>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
