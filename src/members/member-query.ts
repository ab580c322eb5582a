/**
 * Sentry's member search language (sentry-behavior.md §5.1): whitespace-separated tokens, quotes keep
 * spaces, `key:value` tokens grouped by key (values of one key are OR-ed, keys AND-ed), bare words
 * joined under `query`; `AND`/`OR` and empty parentheses are ignored.
 */
export type MemberQuery = Map<string, string[]>;

export function parseMemberQuery(input: string): MemberQuery {
  const query: MemberQuery = new Map();
  const words: string[] = [];
  const tokens = input.match(/(?:[^\s"[]+|"[^"]*"|\[[^\]]*\])+/g) ?? [];
  for (const token of tokens) {
    if (token === 'AND' || token === 'OR' || token === '()') continue;
    const separator = token.indexOf(':');
    if (separator > 0) {
      const key = token.slice(0, separator);
      const value = unquote(token.slice(separator + 1));
      const values = query.get(key) ?? [];
      // `key:[a,b]` lists several values, as Sentry's search bar writes them.
      const listed = /^\[.*\]$/.test(value) ? value.slice(1, -1).split(',').map((item) => unquote(item.trim())) : [value];
      values.push(...listed.filter((item) => item !== ''));
      query.set(key, values);
    } else {
      words.push(unquote(token));
    }
  }
  const text = words.filter(Boolean).join(' ');
  if (text) query.set('query', [...(query.get('query') ?? []), text]);
  return query;
}

function unquote(value: string): string {
  return value.replace(/"/g, '');
}

export const MEMBER_QUERY_KEYS = ['email', 'id', 'user.id', 'scope', 'role', 'isInvited', 'ssoLinked', 'has2fa', 'hasExternalUsers', 'query'] as const;
