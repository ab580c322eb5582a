import crypto from 'node:crypto';
import { slugSuffix, slugifyName } from '../platform/lib/slug.js';

/** How many derived slugs a create tries before giving up with Sentry's 409. */
export const DERIVED_SLUG_ATTEMPTS = 5;

/**
 * The slugs to try, in order, for a team created without one (sentry-behavior.md §2.3): the name
 * slugified and cut to 30 characters, then the same with a random suffix. A slug that would be
 * empty or all digits (which the slug rule refuses) starts with a suffix.
 */
export function derivedTeamSlugs(name: string, attempts = DERIVED_SLUG_ATTEMPTS): string[] {
  const base = slugifyName(name, 30).replace(/-+$/, '');
  const usable = base !== '' && !/^\d+$/.test(base);
  const slugs: string[] = usable ? [base] : [];
  while (slugs.length < attempts) slugs.push(`${base || 'team'}-${slugSuffix()}`);
  return slugs;
}

/** The slug a deleted team gives up its own for, so the slug is free again at once (as Sentry does). */
export function releasedTeamSlug(slug: string): string {
  return `${slug}-${crypto.randomUUID().replace(/-/g, '')}`.slice(0, 50);
}
