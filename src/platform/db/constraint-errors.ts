/** The name of the unique constraint a database error violated, or null for any other error. */
export function violatedUniqueConstraint(error: unknown): string | null {
  const candidate = error as { code?: string; constraint?: string; message?: string } | null;
  if (candidate?.code !== '23505') return null;
  if (candidate.constraint) return candidate.constraint;
  // PGlite reports the constraint only in the message.
  return /unique constraint "([^"]+)"/.exec(candidate.message ?? '')?.[1] ?? '';
}
