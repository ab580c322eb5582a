import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const PGBENCH = '/usr/bin/pgbench';

export interface PgbenchRun {
  url: string;
  schema: string;
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
export function runPgbench({ url, schema, scriptFile, vars, conc, seconds }: PgbenchRun): Promise<PgbenchResult> {
  const args = ['-M', 'prepared', '-n', '-c', String(conc), '-j', '2', '-T', String(seconds), '-f', scriptFile];
  for (const [name, value] of Object.entries(vars)) args.push('-D', `${name}=${value}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(PGBENCH, args, {
      env: { ...process.env, PGOPTIONS: `-c search_path=${schema}` },
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
