import type { ReactNode } from 'react';
import type { ApiError } from '../api';

/**
 * What an API error says that no field shows: `detail`, a bare list, or messages for fields the form
 * does not have (`shown` lists the fields that display their own message).
 */
export function FormError({ error, shown = [] }: { error: ApiError | null; shown?: string[] }) {
  if (!error) return null;
  const others = Object.entries(error.fields).filter(([field]) => !shown.includes(field));
  const fieldsOnly = Object.keys(error.fields).length > 0 && others.length === 0;
  if (fieldsOnly) return null;
  const text = others.length > 0 ? others.map(([field, message]) => `${field}: ${message}`).join(' ') : error.message;
  return (
    <p className="form-error" role="alert">
      {text}
    </p>
  );
}

/** A short confirmation after an action. */
export function Done({ children }: { children: ReactNode }) {
  return (
    <p className="done" role="status">
      {children}
    </p>
  );
}
