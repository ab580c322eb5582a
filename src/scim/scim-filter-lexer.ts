import { scimError } from './scim-errors.js';

/**
 * Splits an RFC 7644 §3.4.2.2 filter into tokens: brackets, JSON strings, and words (attribute paths,
 * operators, keywords, numbers and the bare values an old Entra example sends unquoted). A word is any
 * run of characters other than white space, brackets and quotes; the parser decides what it is.
 */
export type FilterToken =
  | { kind: '(' | ')' | '[' | ']'; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'word'; text: string; at: number };

/** Longer filters are refused before parsing: no identity provider sends more than a few conditions. */
export const MAX_FILTER_LENGTH = 4096;

const PUNCTUATION = new Set(['(', ')', '[', ']']);
const WORD_END = /[\s()[\]"]/;

export function invalidFilter(detail: string) {
  return scimError(400, detail, 'invalidFilter');
}

export function tokenizeFilter(text: string): FilterToken[] {
  if (text.length > MAX_FILTER_LENGTH) throw invalidFilter(`Invalid filter: longer than ${MAX_FILTER_LENGTH} characters.`);
  const tokens: FilterToken[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    if (/\s/.test(char)) {
      at += 1;
    } else if (PUNCTUATION.has(char)) {
      tokens.push({ kind: char as '(' | ')' | '[' | ']', at });
      at += 1;
    } else if (char === '"') {
      const end = closingQuote(text, at);
      tokens.push({ kind: 'string', value: decodeJsonString(text.slice(at, end + 1), at), at });
      at = end + 1;
    } else {
      let end = at;
      while (end < text.length && !WORD_END.test(text[end]!)) end += 1;
      tokens.push({ kind: 'word', text: text.slice(at, end), at });
      at = end;
    }
  }
  return tokens;
}

function closingQuote(text: string, start: number): number {
  for (let at = start + 1; at < text.length; at += 1) {
    if (text[at] === '\\') at += 1;
    else if (text[at] === '"') return at;
  }
  throw invalidFilter(`Invalid filter: the string starting at position ${start} is not closed.`);
}

/** String values are JSON strings (RFC 7644 §3.4.2.2), escapes included. */
function decodeJsonString(literal: string, at: number): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    throw invalidFilter(`Invalid filter: the string at position ${at} is not a valid JSON string.`);
  }
}
