/** `true`, `false`, and Entra's `"True"`/`"False"` strings in any case; anything else is undefined. */
export function readBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const lower = typeof value === 'string' ? value.toLowerCase() : null;
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
