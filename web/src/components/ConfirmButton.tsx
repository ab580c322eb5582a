import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A button for an action that cannot be undone: the first press asks, in place, what will happen;
 * only "Yes" acts. Focus moves to the question, and back to the button on "No".
 */
export function ConfirmButton({
  children,
  question,
  confirmLabel = 'Yes',
  onConfirm,
  disabled = false,
  danger = true,
  label,
  describedBy,
}: {
  children: ReactNode;
  question: ReactNode;
  confirmLabel?: string;
  onConfirm(): void | Promise<void>;
  disabled?: boolean;
  danger?: boolean;
  /** The accessible name when the text alone does not say which row it acts on ("Remove Mel Member"). */
  label?: string;
  /** The id of the text saying why the button is disabled. */
  describedBy?: string;
}) {
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (wasAsking.current) start.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={start}
        type="button"
        className={danger ? 'danger' : undefined}
        disabled={disabled}
        aria-label={label}
        aria-describedby={describedBy}
        onClick={() => setAsking(true)}
      >
        {children}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={label ? `Confirm: ${label}` : 'Confirm'}>
      <span className="question">{question}</span>
      <button
        ref={yes}
        type="button"
        className={danger ? 'danger' : 'primary'}
        onClick={async () => {
          await onConfirm();
          setAsking(false);
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        No
      </button>
    </span>
  );
}
