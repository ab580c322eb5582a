/**
 * Turns `npm run bench` output into the README's Markdown table:
 *   npm run bench > .bench/run.txt && node --import tsx bench/table.ts < .bench/run.txt
 */
import fs from 'node:fs';
import { parseLine, type Line } from './output.js';

const COLUMNS = [
  'scenario', 'engine', 'conc', 'workers', 'rps', 'p50_ms', 'p99_ms', 'errors', 'cpu_ms_per_req', 'driver_cpu_ms_per_req', 'rss_mb',
  'floor_rps', 'floor_p99_ms', 'node_floor_rps', 'ratio_to_floor',
  'peer_better_auth_rps', 'peer_better_auth_p99_ms', 'ratio_to_better_auth', 'peer_plain_rps', 'peer_plain_p99_ms', 'peer_plain_cpu_ms_per_req', 'ratio_to_plain',
];

export function markdownTable(lines: Line[]): string {
  const cell = (line: Line, column: string) => {
    if (line.skipped && ['rps', 'p50_ms', 'p99_ms', 'errors', 'cpu_ms_per_req', 'driver_cpu_ms_per_req', 'rss_mb', 'ratio_to_floor', 'ratio_to_better_auth', 'ratio_to_plain'].includes(column)) return column === 'rps' ? line.skipped : '';
    const value = line[column] ?? '';
    if (column === 'rps' && line.drain_per_s) return `${value} (drain ${line.drain_per_s}/s)`;
    return value;
  };
  return [
    `| ${COLUMNS.join(' | ')} |`,
    `|${COLUMNS.map(() => '---').join('|')}|`,
    ...lines.map((line) => `| ${COLUMNS.map((column) => cell(line, column)).join(' | ')} |`),
  ].join('\n');
}

if (process.argv[1] && import.meta.filename === fs.realpathSync(process.argv[1])) {
  const lines = fs.readFileSync(0, 'utf8').split('\n').map(parseLine).filter((line): line is Line => line !== null);
  console.log(markdownTable(lines));
}
