import type { ReactNode } from 'react';
import type { ApiError } from '../api';
import { TextField } from './Field';

/** The name and slug pair that organizations and teams share, with the API's messages under each. */
export function NameSlugFields({
  name,
  slug,
  onName,
  onSlug,
  error,
  optionalSlug = true,
  slugHint,
}: {
  name: string;
  slug: string;
  onName(name: string): void;
  onSlug(slug: string): void;
  error: ApiError | null;
  optionalSlug?: boolean;
  slugHint: ReactNode;
}) {
  return (
    <>
      <TextField label="Name" name="name" required maxLength={64} value={name} onChange={(e) => onName(e.target.value)} error={error?.fields.name} />
      <TextField
        label={optionalSlug ? 'Slug (optional)' : 'Slug'}
        name="slug"
        maxLength={50}
        value={slug}
        onChange={(e) => onSlug(e.target.value)}
        error={error?.fields.slug}
        hint={slugHint}
      />
    </>
  );
}
