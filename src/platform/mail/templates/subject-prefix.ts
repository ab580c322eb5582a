/**
 * Sentry's `mail.subject-prefix` (default "[Sentry]"), which starts the subjects of its account and
 * organization notices; Roster signs its emails with its own name.
 */
export const MAIL_SUBJECT_PREFIX = '[Roster]';

/** Python's `str.capitalize()`, which Sentry applies to the organization name in the 2FA subject. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}
