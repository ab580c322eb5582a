import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

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
}

/** pgbench -M prepared on the benchmark's schema: the physical limit of this SQL on this server. */
export function runPgbench({ url, schema, planCache, scriptFile, vars, conc, seconds }: PgbenchRun): Promise<PgbenchResult> {
  const args = ['-M', 'prepared', '-n', '-c', String(conc), '-j', '2', '-T', String(seconds), '-f', scriptFile];
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
