/**
 * One line per measurement, `key=value` pairs separated by single spaces: readable in a terminal and
 * parsed back by `parseLine` (the README's table and the target checks read them). Values never hold
 * spaces; a field that does not apply is left out rather than printed as a made-up number.
 */
export type LineValue = string | number | null | undefined;
export type Line = Record<string, string>;

/** The order fields are printed in; fields not listed here follow in insertion order. */
const FIELD_ORDER = [
  'scenario', 'engine', 'conc', 'workers', 'skipped', 'rps', 'p50_ms', 'p99_ms', 'errors', 'cpu_ms_per_req', 'driver_cpu_ms_per_req', 'rss_mb',
  'floor_rps', 'floor_p99_ms', 'node_floor_rps', 'ratio_to_floor', 'floor_failed',
  'peer_better_auth_rps', 'peer_better_auth_p99_ms', 'peer_better_auth_cpu_ms_per_req', 'ratio_to_better_auth',
  'peer_plain_rps', 'peer_plain_p99_ms', 'peer_plain_cpu_ms_per_req', 'ratio_to_plain',
  'drain_per_s', 'drain_backlog', 'org_members',
];

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return 'nan';
  const abs = Math.abs(value);
  if (abs >= 100 || Number.isInteger(value)) return String(Math.round(value));
  if (abs >= 1) return value.toFixed(1);
  return value.toFixed(2);
}

export function formatLine(fields: Record<string, LineValue>): string {
  const keys = Object.keys(fields).filter((key) => fields[key] !== undefined && fields[key] !== null);
  keys.sort((a, b) => rank(a) - rank(b));
  return keys
    .map((key) => {
      if (!/^[a-z0-9_]+$/.test(key)) throw new Error(`bad field name ${key}`);
      const value = fields[key];
      const text = typeof value === 'number' ? formatNumber(value) : String(value);
      if (text === '' || /\s|=/.test(text)) throw new Error(`field ${key} has no printable value: "${text}"`);
      return `${key}=${text}`;
    })
    .join(' ');
}

function rank(key: string): number {
  const index = FIELD_ORDER.indexOf(key);
  return index === -1 ? FIELD_ORDER.length : index;
}

/** The fields of a result line, or null for anything else (notes start with `#`). */
export function parseLine(text: string): Line | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('scenario=')) return null;
  const line: Line = {};
  for (const pair of trimmed.split(/\s+/)) {
    const at = pair.indexOf('=');
    if (at <= 0) return null;
    line[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return line;
}

/** A numeric field of a parsed line, or null when it is absent or not a number. */
export function numberField(line: Line, key: string): number | null {
  const value = line[key];
  if (value === undefined) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}
