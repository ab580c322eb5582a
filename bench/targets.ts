/**
 * Issue 6's speed targets, checked against the result lines of one run. Each check reads only lines of
 * that run, so a noisy machine moves both sides of every ratio together.
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

function ratioCheck(target: string, worse: Line | undefined, better: Line | undefined, limit: number): TargetCheck | null {
  const slow = worse && numberField(worse, 'rps');
  const fast = better && numberField(better, 'rps');
  if (!slow || !fast) return null;
  const ratio = fast / slow;
  return { target, ok: ratio <= limit, detail: `${ratio.toFixed(2)}× slower (limit ${limit}×)` };
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

export function checkTargets(all: Line[]): TargetCheck[] {
  // The targets are per process: checked on the workers=1 lines (`--workers` lines beside them are for reading).
  const lines = all.filter((line) => (line.workers ?? '1') === '1');
  const checks: TargetCheck[] = [];
  const engines = [...new Set(lines.map((line) => line.engine!))];
  const roleChange = find(lines, 'role-change', 'postgres', '16');
  const ratio = roleChange && numberField(roleChange, 'ratio_to_floor');
  if (ratio != null) {
    checks.push({
      target: 'role-change postgres conc=16 reaches 0.45 of pgbench',
      ok: ratio >= 0.45,
      detail: ratio >= 0.45 ? `${ratio.toFixed(2)}` : `${ratio.toFixed(2)}, short by ${(0.45 - ratio).toFixed(2)} (${Math.round((0.45 / ratio - 1) * 100)}% more rps needed)`,
    });
  }
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
  for (const line of lines.filter(measured)) {
    const label = `${line.scenario} ${line.engine} conc=${line.conc}`;
    const p99 = numberField(line, 'p99_ms');
    if (line.conc === '64' && p99 !== null) checks.push({ target: `${label} p99 < 50 ms`, ok: p99 < 50, detail: `${p99} ms${floorLatency(line)}` });
    const rss = numberField(line, 'rss_mb');
    if (rss !== null) checks.push({ target: `${label} rss < 150 MB`, ok: rss < 150, detail: `${rss} MB` });
    const errors = numberField(line, 'errors');
    if (errors !== null) checks.push({ target: `${label} zero errors`, ok: errors === 0, detail: `${errors}` });
  }
  return checks;
}
