import { CompiledQuery } from 'kysely';
import type pg from 'pg';
import type { Database } from '../../src/platform/db/database.js';
import { bindParams, gsetValue, randomBetween, type Step, type Vars } from './script.js';

/** One connection's way to run a statement (prepared under `name` where the engine can). */
export interface StatementRunner {
  run(name: string, text: string, values: Array<string | null>): Promise<Array<Record<string, unknown>>>;
}

export function pgRunner(client: pg.PoolClient): StatementRunner {
  return {
    run: async (name, text, values) => (await client.query({ name, text, values })).rows,
  };
}

export function pgliteRunner(database: Database): StatementRunner {
  return {
    run: async (_name, text, values) => (await database.db.executeQuery(CompiledQuery.raw(text, values))).rows as Array<Record<string, unknown>>,
  };
}

export interface FloorResult {
  tps: number;
  errors: number;
  firstError: string | null;
}

/**
 * Runs the script in a loop on each runner at once (one runner = one connection, as a pgbench client),
 * and counts the scripts completed inside the measured window.
 */
export async function runScriptFloor(
  { key, steps, defines, runners, warmupMs, durationMs }: {
    key: string;
    steps: Step[];
    defines: Record<string, string>;
    runners: StatementRunner[];
    warmupMs: number;
    durationMs: number;
  },
): Promise<FloorResult> {
  const windowStart = performance.now() + warmupMs;
  const windowEnd = windowStart + durationMs;
  let completed = 0;
  let errors = 0;
  let firstError: string | null = null;

  const client = async (runner: StatementRunner) => {
    const vars: Vars = { ...defines };
    while (performance.now() < windowEnd) {
      let inTransaction = false;
      try {
        for (const [index, step] of steps.entries()) {
          if (step.kind === 'set') {
            vars[step.name] = randomBetween(step, vars);
            continue;
          }
          if (/^begin\b/i.test(step.text)) inTransaction = true;
          const rows = await runner.run(`${key}_${index}`, step.text, bindParams(step, vars));
          if (/^commit\b/i.test(step.text)) inTransaction = false;
          if (step.gset !== null) {
            if (rows.length !== 1) throw new Error(`\\gset needs one row, got ${rows.length}: ${step.text.slice(0, 80)}`);
            for (const [column, value] of Object.entries(rows[0]!)) vars[`${step.gset}${column}`] = gsetValue(value);
          }
        }
        const done = performance.now();
        if (done >= windowStart && done <= windowEnd) completed += 1;
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
        if (inTransaction) await runner.run(`${key}_rollback`, 'rollback', []).catch(() => {});
      }
    }
  };
  await Promise.all(runners.map(client));
  return { tps: completed / (durationMs / 1000), errors, firstError };
}
