import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { percentile } from '../stats.js';

export const PGBENCH = '/usr/bin/pgbench';

/**
 * Session settings of every floor connection. Roster sends the queries it builds per request as
 * unnamed statements, which PostgreSQL plans with their actual parameters every time (its prepared
 * queries, src/platform/db/prepared.ts, go out as named ones); a prepared statement may switch to a
 * generic plan after five runs, and for some of these queries the generic plan is a disaster (the
 * deep searched page of the 10,000-member org scans the 1,000,000-member org through members_id_idx:
 * 624 ms instead of 14 ms). Floors keep pgbench's prepared statements but plan as Roster's do.
 */
export function floorSessionOptions(schema: string, planCache: 'custom' | 'auto'): string {
  return `-c search_path=${schema} -c plan_cache_mode=${planCache === 'custom' ? 'force_custom_plan' : 'auto'}`;
}

export interface PgbenchRun {
  url: string;
  schema: string;
  planCache: 'custom' | 'auto';
  scriptFile: string;
  vars: Record<string, string>;
  conc: number;
  seconds: number;
}

export interface PgbenchResult {
  tps: number;
  failed: number;
  /** The 99th percentile of its transactions' latencies, from its per-transaction log (NaN when it logged none). */
  p99Ms: number;
}

/**
 * Latencies in ms from pgbench's per-transaction log lines (`client transaction latency_us script
 * epoch epoch_us …`); a failed transaction has a word there instead of a number, and is left out.
 */
export function transactionLatencies(log: string): number[] {
  const latencies: number[] = [];
  for (const line of log.split('\n')) {
    const micros = Number(line.split(' ')[2]);
    if (line.trim() !== '' && Number.isFinite(micros)) latencies.push(micros / 1000);
  }
  return latencies;
}

/** pgbench -M prepared on the benchmark's schema: the physical limit of this SQL on this server. */
export async function runPgbench(run: PgbenchRun): Promise<PgbenchResult> {
  // -l writes one log per pgbench thread, named after the prefix: a fresh folder keeps them apart.
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-pgbench-'));
  try {
    const { tps, failed } = await pgbench(run, path.join(logDir, 'tx'));
    const latencies = fs.readdirSync(logDir).flatMap((file) => transactionLatencies(fs.readFileSync(path.join(logDir, file), 'utf8')));
    return { tps, failed, p99Ms: percentile(latencies, 99) };
  } finally {
    fs.rmSync(logDir, { recursive: true, force: true });
  }
}

function pgbench({ url, schema, planCache, scriptFile, vars, conc, seconds }: PgbenchRun, logPrefix: string): Promise<Omit<PgbenchResult, 'p99Ms'>> {
  const args = ['-M', 'prepared', '-n', '-c', String(conc), '-j', '2', '-T', String(seconds), '-l', `--log-prefix=${logPrefix}`, '-f', scriptFile];
  for (const [name, value] of Object.entries(vars)) args.push('-D', `${name}=${value}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(PGBENCH, args, {
      env: { ...process.env, PGOPTIONS: floorSessionOptions(schema, planCache) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const tps = /^tps = ([\d.]+)/m.exec(output);
      const failed = /number of failed transactions: (\d+)/.exec(output);
      if (code !== 0 || !tps) reject(new Error(`pgbench exited with ${code}: ${output.slice(-1500)}`));
      else resolve({ tps: Number(tps[1]), failed: Number(failed?.[1] ?? 0) });
    });
  });
}

/** Keeps each floor's script where the lead can read or re-run it. */
export function writeScript(dir: string, name: string, script: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.sql`);
  fs.writeFileSync(file, `${script}\n`);
  return file;
}
