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

describe('bench targets (issue 17)', () => {
  const line = (text: string) => parseLine(text)!;
  const failed = (checks: ReturnType<typeof checkTargets>) => checks.filter((check) => !check.ok).map((check) => check.target);

  it('reports by how much role change misses 0.45 of pgbench, at 16 and at 64', () => {
    const checks = checkTargets([
      line('scenario=role-change engine=postgres conc=16 rps=2000 floor_rps=5000 ratio_to_floor=0.40'),
      line('scenario=role-change engine=postgres conc=64 rps=2500 floor_rps=5000 ratio_to_floor=0.50'),
    ]);
    assert.deepEqual(failed(checks), ['role-change postgres conc=16 reaches 0.45 of pgbench']);
    assert.match(checks[0]!.detail, /0\.40, short by 0\.05 \(13% more rps needed\)/);
    assert.equal(checks.length, 2);
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
    assert.match(large.detail, /2\.00× slower \(limit 1\.5×\), over by 0\.50×/);
  });

  it('holds every line to 4× better-auth, and only issue 17\'s scenarios to 0.6 of the hand-written server', () => {
    const checks = checkTargets([
      line('scenario=role-change engine=postgres conc=16 rps=900 ratio_to_better_auth=3.0 ratio_to_plain=0.5'),
      line('scenario=member-list-deep engine=postgres conc=64 rps=900 ratio_to_better_auth=9.0 ratio_to_plain=0.7'),
      line('scenario=add-to-team engine=postgres conc=64 rps=900 ratio_to_plain=0.59'),
      line('scenario=member-list-page1-query engine=postgres conc=16 rps=900 ratio_to_plain=0.2'),
    ]);
    assert.deepEqual(failed(checks), [
      'role-change postgres conc=16 at least 4× better-auth',
      'role-change postgres conc=16 at least 0.6 of the hand-written server',
      'add-to-team postgres conc=64 at least 0.6 of the hand-written server',
    ]);
    assert.match(checks[0]!.detail, /3\.00, short by 1\.00 \(33% more rps needed\)/);
    assert.equal(checks.find((check) => check.target.startsWith('member-list-page1-query')), undefined);
    assert.equal(checks.length, 5);
  });

  it('holds p99 to 1.5× the floor\'s own p99 wherever the floor has one, at any concurrency', () => {
    const checks = checkTargets([
      line('scenario=invite engine=postgres conc=16 rps=100 p99_ms=31 floor_rps=400 floor_p99_ms=20'),
      line('scenario=invite engine=postgres conc=64 rps=100 p99_ms=29 floor_p99_ms=20'),
      line('scenario=invite engine=pglite conc=64 rps=100 p99_ms=500 floor_rps=400'),
    ]);
    assert.deepEqual(failed(checks), ['invite postgres conc=16 p99 ≤ 1.5× the floor\'s p99']);
    assert.match(checks[0]!.detail, /^31 ms \(limit 30 ms\), over by 1\.00 ms \(3%\) \(the floor itself averages 40 ms/);
    assert.equal(checks.length, 2);
  });

  it('holds a member-list page on PostgreSQL to 1.5 ms of Roster CPU, and no other scenario or engine', () => {
    const checks = checkTargets([
      line('scenario=member-list-page1 engine=postgres conc=16 rps=100 cpu_ms_per_req=4.8'),
      line('scenario=member-list-1m-deep engine=postgres conc=64 rps=100 cpu_ms_per_req=1.5'),
      line('scenario=member-list-1m-deep engine=pglite conc=64 rps=100 cpu_ms_per_req=9.0'),
      line('scenario=role-change engine=postgres conc=16 rps=100 cpu_ms_per_req=4.8'),
    ]);
    assert.deepEqual(failed(checks), ['member-list-page1 postgres conc=16 page costs ≤ 1.5 ms of Roster CPU']);
    assert.match(checks[0]!.detail, /over by 3\.30 ms \(220%\)/);
    assert.equal(checks.length, 2);
  });

  it('allows PGlite 200 MB and PostgreSQL 150 MB, checks errors everywhere, and skips skipped lines', () => {
    const checks = checkTargets([
      line('scenario=invite engine=pglite conc=16 rps=10 errors=0 rss_mb=199'),
      line('scenario=invite engine=pglite conc=64 rps=10 errors=0 rss_mb=210'),
      line('scenario=invite engine=postgres conc=16 rps=10 errors=0 rss_mb=160'),
      line('scenario=invite engine=postgres conc=64 rps=10 errors=2 rss_mb=90'),
      line('scenario=add-to-team engine=postgres conc=64 skipped=endpoint-missing floor_rps=100 floor_p99_ms=5'),
    ]);
    assert.deepEqual(failed(checks), ['invite pglite conc=64 rss < 200 MB', 'invite postgres conc=16 rss < 150 MB', 'invite postgres conc=64 zero errors']);
    assert.match(checks.find((check) => check.target === 'invite pglite conc=64 rss < 200 MB')!.detail, /210 MB, 10 MB at or above the limit/);
    assert.equal(checks.length, 8);
  });

  it('checks the workers=1 lines (and lines without workers) only: a workers=2 line is for reading beside them', () => {
    const checks = checkTargets([
      line('scenario=invite engine=postgres conc=64 workers=1 rps=10 p99_ms=20 errors=0 rss_mb=90'),
      line('scenario=invite engine=postgres conc=64 workers=2 rps=15 p99_ms=80 errors=0 rss_mb=180'),
    ]);
    assert.deepEqual(checks.filter((check) => !check.ok), []);
    assert.equal(checks.length, 2);
  });
});

describe('bench README table', () => {
  it('shows a skipped scenario as skipped, with its floors, and the drain rate beside invite rps', () => {
    const table = markdownTable([
      parseLine('scenario=add-to-team engine=postgres conc=16 skipped=endpoint-missing floor_rps=300 node_floor_rps=200')!,
      parseLine('scenario=invite engine=postgres conc=16 workers=1 rps=40 p50_ms=5 p99_ms=9 errors=0 cpu_ms_per_req=1.2 driver_cpu_ms_per_req=0.4 rss_mb=90 floor_rps=100 node_floor_rps=80 ratio_to_floor=0.40 drain_per_s=38')!,
    ]).split('\n');
    assert.equal(table[2], '| add-to-team | postgres | 16 |  | endpoint-missing |  |  |  |  |  |  | 300 |  | 200 |  |  |  |  |  |  |  |  |');
    assert.equal(table[3], '| invite | postgres | 16 | 1 | 40 (drain 38/s) | 5 | 9 | 0 | 1.2 | 0.4 | 90 | 100 |  | 80 | 0.40 |  |  |  |  |  |  |  |');
  });

  it('puts the floor\'s p99 beside its rps and each peer\'s rps, p99 (and the hand-written one\'s CPU) and ratio after the floors', () => {
    const [header, , row] = markdownTable([
      parseLine('scenario=role-change engine=postgres conc=16 rps=400 floor_rps=1000 floor_p99_ms=30 ratio_to_floor=0.40 peer_better_auth_rps=200 peer_better_auth_p99_ms=150 ratio_to_better_auth=2.0 peer_plain_rps=1000 peer_plain_p99_ms=28 peer_plain_cpu_ms_per_req=0.38 ratio_to_plain=0.40')!,
    ]).split('\n');
    const cells = (text: string) => text.split('|').slice(1, -1).map((cell) => cell.trim());
    const byColumn = Object.fromEntries(cells(header!).map((column, index) => [column, cells(row!)[index]]));
    assert.deepEqual(
      [byColumn.floor_p99_ms, byColumn.peer_better_auth_rps, byColumn.peer_better_auth_p99_ms, byColumn.ratio_to_better_auth, byColumn.peer_plain_rps, byColumn.peer_plain_p99_ms, byColumn.peer_plain_cpu_ms_per_req, byColumn.ratio_to_plain],
      ['30', '200', '150', '2.0', '1000', '28', '0.38', '0.40'],
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
