import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatLine, formatNumber, numberField, parseLine } from '../../bench/output.js';
import { percentile } from '../../bench/stats.js';
import { checkTargets } from '../../bench/targets.js';
import { markdownTable } from '../../bench/table.js';
import { transactionLatencies } from '../../bench/floors/pgbench.js';

describe('bench result lines', () => {
  it('prints the issue\'s field order and reads back the same fields', () => {
    const text = formatLine({
      ratio_to_floor: 0.4085,
      floor_rps: 5900,
      scenario: 'role-change',
      engine: 'postgres',
      conc: 16,
      rps: 2410.4,
      p50_ms: 6.123,
      p99_ms: 11.84,
      errors: 0,
      cpu_ms_per_req: 0.3149,
      node_floor_rps: 4100,
      rss_mb: 96.2,
    });
    assert.equal(
      text,
      'scenario=role-change engine=postgres conc=16 rps=2410 p50_ms=6.1 p99_ms=11.8 errors=0 cpu_ms_per_req=0.31 rss_mb=96.2 floor_rps=5900 node_floor_rps=4100 ratio_to_floor=0.41',
    );
    const line = parseLine(text)!;
    assert.equal(line.scenario, 'role-change');
    assert.equal(numberField(line, 'p99_ms'), 11.8);
    assert.equal(numberField(line, 'missing'), null);
  });

  it('leaves out fields that do not apply instead of printing a number for them', () => {
    const text = formatLine({ scenario: 'invite', engine: 'pglite', conc: 64, skipped: 'endpoint-missing', rps: undefined, p50_ms: null, floor_rps: 120 });
    assert.equal(text, 'scenario=invite engine=pglite conc=64 skipped=endpoint-missing floor_rps=120');
  });

  it('refuses values that would break the line apart', () => {
    assert.throws(() => formatLine({ scenario: 'a b' }), /no printable value/);
    assert.throws(() => formatLine({ scenario: 'x', 'Bad Key': 1 }), /bad field name/);
  });

  it('rounds like a person reads: whole numbers from 100, one decimal from 1, two below', () => {
    assert.deepEqual([formatNumber(2410.6), formatNumber(11.84), formatNumber(0.314), formatNumber(3), formatNumber(Number.NaN)], ['2411', '11.8', '0.31', '3', 'nan']);
  });

  it('ignores notes and other output when parsing', () => {
    assert.equal(parseLine('# targets met: 3 of 4'), null);
    assert.equal(parseLine('> roster@0.1.0 bench'), null);
  });
});

describe('bench percentiles', () => {
  it('uses the nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    assert.equal(percentile(samples, 50), 50);
    assert.equal(percentile(samples, 99), 99);
    assert.equal(percentile([7], 99), 7);
    assert.ok(Number.isNaN(percentile([], 50)));
  });
});

describe('bench targets (issue 6)', () => {
  const line = (text: string) => parseLine(text)!;

  it('reports by how much role change misses 0.45 of pgbench', () => {
    const [check] = checkTargets([line('scenario=role-change engine=postgres conc=16 rps=2000 floor_rps=5000 ratio_to_floor=0.40')]);
    assert.equal(check!.ok, false);
    assert.match(check!.detail, /0\.40, short by 0\.05/);
  });

  it('compares a deep page and the large organization with page 1 of the same run', () => {
    const checks = checkTargets([
      line('scenario=member-list-page1 engine=postgres conc=16 rps=1000'),
      line('scenario=member-list-deep engine=postgres conc=16 rps=900'),
      line('scenario=member-list-1m-page1 engine=postgres conc=16 rps=500'),
    ]);
    const deep = checks.find((check) => check.target.startsWith('member-list deep page'))!;
    const large = checks.find((check) => check.target.startsWith('member-list-1m-page1 within'))!;
    assert.equal(deep.ok, true);
    assert.equal(large.ok, false);
    assert.match(large.detail, /2\.00× slower/);
  });

  it('checks p99 at concurrency 64 only, RSS and errors everywhere, and skips skipped lines', () => {
    const checks = checkTargets([
      line('scenario=invite engine=postgres conc=16 rps=10 p99_ms=80 errors=0 rss_mb=90'),
      line('scenario=invite engine=postgres conc=64 rps=10 p99_ms=80 errors=2 rss_mb=160'),
      line('scenario=add-to-team engine=postgres conc=64 skipped=endpoint-missing floor_rps=100'),
    ]);
    assert.deepEqual(
      checks.filter((check) => !check.ok).map((check) => check.target),
      ['invite postgres conc=64 p99 < 50 ms', 'invite postgres conc=64 rss < 150 MB', 'invite postgres conc=64 zero errors'],
    );
    assert.equal(checks.length, 5);
  });

  it('checks the workers=1 lines (and lines without workers) only: a workers=2 line is for reading beside them', () => {
    const checks = checkTargets([
      line('scenario=invite engine=postgres conc=64 workers=1 rps=10 p99_ms=20 errors=0 rss_mb=90'),
      line('scenario=invite engine=postgres conc=64 workers=2 rps=15 p99_ms=80 errors=0 rss_mb=180'),
    ]);
    assert.deepEqual(checks.filter((check) => !check.ok), []);
    assert.equal(checks.length, 3);
  });
});

describe('bench README table', () => {
  it('shows a skipped scenario as skipped, with its floors, and the drain rate beside invite rps', () => {
    const table = markdownTable([
      parseLine('scenario=add-to-team engine=postgres conc=16 skipped=endpoint-missing floor_rps=300 node_floor_rps=200')!,
      parseLine('scenario=invite engine=postgres conc=16 workers=1 rps=40 p50_ms=5 p99_ms=9 errors=0 cpu_ms_per_req=1.2 driver_cpu_ms_per_req=0.4 rss_mb=90 floor_rps=100 node_floor_rps=80 ratio_to_floor=0.40 drain_per_s=38')!,
    ]).split('\n');
    assert.equal(table[2], '| add-to-team | postgres | 16 |  | endpoint-missing |  |  |  |  |  |  | 300 |  | 200 |  |  |  |  |  |  |  |');
    assert.equal(table[3], '| invite | postgres | 16 | 1 | 40 (drain 38/s) | 5 | 9 | 0 | 1.2 | 0.4 | 90 | 100 |  | 80 | 0.40 |  |  |  |  |  |  |');
  });

  it('puts the floor\'s p99 beside its rps and each peer\'s rps, p99 and ratio after the floors', () => {
    const [header, , row] = markdownTable([
      parseLine('scenario=role-change engine=postgres conc=16 rps=400 floor_rps=1000 floor_p99_ms=30 ratio_to_floor=0.40 peer_better_auth_rps=200 peer_better_auth_p99_ms=150 ratio_to_better_auth=2.0 peer_plain_rps=1000 peer_plain_p99_ms=28 ratio_to_plain=0.40')!,
    ]).split('\n');
    const cells = (text: string) => text.split('|').slice(1, -1).map((cell) => cell.trim());
    const byColumn = Object.fromEntries(cells(header!).map((column, index) => [column, cells(row!)[index]]));
    assert.deepEqual(
      [byColumn.floor_p99_ms, byColumn.peer_better_auth_rps, byColumn.peer_better_auth_p99_ms, byColumn.ratio_to_better_auth, byColumn.peer_plain_rps, byColumn.peer_plain_p99_ms, byColumn.ratio_to_plain],
      ['30', '200', '150', '2.0', '1000', '28', '0.40'],
    );
    assert.ok(cells(header!).indexOf('floor_p99_ms') === cells(header!).indexOf('floor_rps') + 1);
  });
});

describe('pgbench per-transaction log', () => {
  it('reads each transaction\'s latency in ms and leaves out failed ones', () => {
    const log = ['0 1 2500 0 1765000000 123456', '1 1 40000 0 1765000000 223456', '3 7 failed 0 1765000001 5', ''].join('\n');
    assert.deepEqual(transactionLatencies(log), [2.5, 40]);
  });
});

describe('bench line fields of the peers', () => {
  it('prints the floor\'s p99 after its rps and the peers\' columns after the floors', () => {
    const text = formatLine({ ratio_to_plain: 0.4, peer_plain_rps: 1000, ratio_to_better_auth: 2, peer_better_auth_rps: 200, floor_p99_ms: 30, floor_rps: 1000, scenario: 'role-change', org_members: 5 });
    assert.equal(text, 'scenario=role-change floor_rps=1000 floor_p99_ms=30 peer_better_auth_rps=200 ratio_to_better_auth=2 peer_plain_rps=1000 ratio_to_plain=0.40 org_members=5');
  });
});
