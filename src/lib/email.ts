/** Emails are normalized once, when written: trimmed and lower-cased (decisions.md item 13). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
