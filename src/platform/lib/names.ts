/** What a name (of an organization, team or user) may hold; the API's schemas, the seed and the CLI share it. */

export const NAME_CHARACTERS_MESSAGE = 'Names cannot contain control characters, line breaks or unpaired surrogates.';

// Control characters (but NUL, which keeps DRF's own "Null characters" message) and the Unicode line
// and paragraph separators. Names are copied into the text part of emails, where a line break would
// let a name write lines of its own (a fake "Bcc:" or a link) under Roster's sender. With the `u` flag
// (Ajv's and ours) a surrogate in the class matches only an unpaired one, which no text encoding can
// carry (PostgreSQL's jsonb refused it in the audit entry of a rename: a 500); emoji are pairs and pass.
export const NAME_PATTERN = '^[^\\u0001-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ud800-\\udfff]*$';
const NAME_REGEXP = new RegExp(NAME_PATTERN, 'u');

/** Whether a name (of an organization, team or user) is free of control characters and line breaks. */
export const isCleanName = (name: string): boolean => NAME_REGEXP.test(name);
