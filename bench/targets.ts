/**
 * Issue 17's speed targets (which replace issue 6's "p99 < 50 ms"), checked against the result lines of
 * one run. Each check reads only lines of that run, so a noisy machine moves both sides of every ratio
 * together, and each is checked only where the run has the fields it needs (a run without peers has no
 * peer ratios to check). A missed target's detail says by how much it was missed.
 */
import { numberField, type Line } from './output.js';

export interface TargetCheck {
  target: string;
  ok: boolean;
  detail: string;
}

const measured = (line: Line) => line.skipped === undefined && numberField(line, 'rps') !== null;

function find(lines: Line[], scenario: string, engine: string, conc: string): Line | undefined {
  return lines.find((line) => line.scenario === scenario && line.engine === engine && line.conc === conc && measured(line));
}

const fixed = (value: number) => value.toFixed(2);
const percent = (value: number) => `${Math.round(value * 100)}%`;

/** `value` must reach `min` (a ratio where more is better): short by how much, and how much more rps that takes. */
function atLeast(target: string, value: number, min: number): TargetCheck {
  const ok = value >= min;
  return { target, ok, detail: ok ? fixed(value) : `${fixed(value)}, short by ${fixed(min - value)} (${percent(min / value - 1)} more rps needed)` };
}

/** `value` must stay at or below `max` (a cost where less is better): over by how much. */
function atMost(target: string, value: number, max: number, unit: string, context = ''): TargetCheck {
  const ok = value <= max;
  const over = ok ? '' : `, over by ${fixed(value - max)}${unit} (${percent(value / max - 1)})`;
  return { target, ok, detail: `${value}${unit} (limit ${max}${unit})${over}${context}` };
}

function ratioCheck(target: string, worse: Line | undefined, better: Line | undefined, limit: number): TargetCheck | null {
  const slow = worse && numberField(worse, 'rps');
  const fast = better && numberField(better, 'rps');
  if (!slow || !fast) return null;
  const ratio = fast / slow;
  const over = ratio <= limit ? '' : `, over by ${fixed(ratio - limit)}× (${percent(ratio / limit - 1)} more rps needed on the slower side)`;
  return { target, ok: ratio <= limit, detail: `${fixed(ratio)}× slower (limit ${limit}×)${over}` };
}

/**
 * A closed loop of `conc` clients waits conc ÷ throughput on average per request (Little's law), so the
 * floor's own throughput bounds the latency any server on this machine can reach at that concurrency.
 */
function floorLatency(line: Line): string {
  const floor = numberField(line, 'floor_rps');
  const conc = numberField(line, 'conc');
  return floor && conc ? ` (the floor itself averages ${((conc / floor) * 1000).toFixed(0)} ms at this concurrency: ${conc} ÷ ${floor} per s)` : '';
}

/** The scenarios issue 17 holds to 0.6 of the hand-written server. */
const PLAIN_PEER_SCENARIOS = new Set(['role-change', 'member-list-page1', 'member-list-deep', 'add-to-team']);
const MIN_RATIO_TO_BETTER_AUTH = 4;
const MIN_RATIO_TO_PLAIN = 0.6;
const MIN_ROLE_CHANGE_TO_FLOOR = 0.45;
const MAX_P99_TO_FLOOR_P99 = 1.5;
const MAX_MEMBER_LIST_CPU_MS = 1.5;
/** PGlite's resident set includes the embedded database; PostgreSQL's is Roster's alone. */
const MAX_RSS_MB: Record<string, number> = { pglite: 200, postgres: 150 };

/** The large organization and deep pages stay within 1.5× of 10,000 members and page 1 (issue 6, kept). */
function scaleChecks(lines: Line[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const engines = [...new Set(lines.map((line) => line.engine!))];
  for (const engine of engines) {
    for (const conc of ['16', '64']) {
      for (const size of ['', '-1m']) {
        for (const query of ['', '-query']) {
          const check = ratioCheck(
            `member-list${size} deep page within 1.5× of page 1${query ? ' (query)' : ''} ${engine} conc=${conc}`,
            find(lines, `member-list${size}-deep${query}`, engine, conc),
            find(lines, `member-list${size}-page1${query}`, engine, conc),
            1.5,
          );
          if (check) checks.push(check);
        }
      }
      for (const page of ['page1', 'deep', 'page1-query', 'deep-query']) {
        const check = ratioCheck(
          `member-list-1m-${page} within 1.5× of 10k ${engine} conc=${conc}`,
          find(lines, `member-list-1m-${page}`, engine, conc),
          find(lines, `member-list-${page}`, engine, conc),
          1.5,
        );
        if (check) checks.push(check);
      }
    }
  }
  return checks;
}

/** The targets one measured line carries on its own fields. */
function lineChecks(line: Line): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const label = `${line.scenario} ${line.engine} conc=${line.conc}`;
  const field = (key: string) => numberField(line, key);
  const toBetterAuth = field('ratio_to_better_auth');
  if (toBetterAuth !== null) checks.push(atLeast(`${label} at least ${MIN_RATIO_TO_BETTER_AUTH}× better-auth`, toBetterAuth, MIN_RATIO_TO_BETTER_AUTH));
  const toPlain = field('ratio_to_plain');
  if (toPlain !== null && PLAIN_PEER_SCENARIOS.has(line.scenario!)) {
    checks.push(atLeast(`${label} at least ${MIN_RATIO_TO_PLAIN} of the hand-written server`, toPlain, MIN_RATIO_TO_PLAIN));
  }
  const toFloor = field('ratio_to_floor');
  if (line.scenario === 'role-change' && line.engine === 'postgres' && toFloor !== null) {
    checks.push(atLeast(`${label} reaches ${MIN_ROLE_CHANGE_TO_FLOOR} of pgbench`, toFloor, MIN_ROLE_CHANGE_TO_FLOOR));
  }
  const p99 = field('p99_ms');
  const floorP99 = field('floor_p99_ms');
  if (p99 !== null && floorP99 !== null) {
    const limit = Number((MAX_P99_TO_FLOOR_P99 * floorP99).toFixed(2));
    checks.push(atMost(`${label} p99 ≤ ${MAX_P99_TO_FLOOR_P99}× the floor's p99`, p99, limit, ' ms', floorLatency(line)));
  }
  const cpu = field('cpu_ms_per_req');
  // Roster's own CPU: on PGlite the process's CPU includes the embedded database's work for the page.
  if (line.scenario?.startsWith('member-list') && line.engine === 'postgres' && cpu !== null) {
    checks.push(atMost(`${label} page costs ≤ ${MAX_MEMBER_LIST_CPU_MS} ms of Roster CPU`, cpu, MAX_MEMBER_LIST_CPU_MS, ' ms'));
  }
  const rss = field('rss_mb');
  const maxRss = MAX_RSS_MB[line.engine ?? ''];
  if (rss !== null && maxRss !== undefined) {
    const ok = rss < maxRss;
    checks.push({ target: `${label} rss < ${maxRss} MB`, ok, detail: ok ? `${rss} MB` : `${rss} MB, ${rss - maxRss} MB at or above the limit (${percent(rss / maxRss - 1)})` });
  }
  const errors = field('errors');
  if (errors !== null) checks.push({ target: `${label} zero errors`, ok: errors === 0, detail: `${errors}` });
  return checks;
}

export function checkTargets(all: Line[]): TargetCheck[] {
  // The targets are per process, as the peers are: checked on the workers=1 lines (`--workers` lines beside them are for reading).
  const lines = all.filter((line) => (line.workers ?? '1') === '1');
  return [...lines.filter(measured).flatMap(lineChecks), ...scaleChecks(lines)];
}
