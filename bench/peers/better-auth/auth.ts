/**
 * The library peer (issue 17): better-auth with its organization plugin and teams, on PostgreSQL
 * through `pg`, in a schema of its own. One definition for the migrator, the seeding and the server,
 * so all three see the same tables. Defaults are kept except what a benchmark must change: no rate
 * limit (the driver is one client sending thousands of requests), no telemetry, no default team.
 */
import { betterAuth } from 'better-auth';
import { organization } from 'better-auth/plugins';
import pg from 'pg';

/** Not a secret: it signs the bench's own session cookies, in a schema dropped at the end of the run. */
const BENCH_SECRET = 'roster-bench-better-auth-peer-not-a-secret-0123456789';

export function betterAuthPool(url: string, schema: string, max = 10): pg.Pool {
  return new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max });
}

export function createAuth(pool: pg.Pool, baseURL: string) {
  return betterAuth({
    database: pool,
    baseURL,
    secret: BENCH_SECRET,
    emailAndPassword: { enabled: true },
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: { level: 'error' },
    plugins: [organization({ teams: { enabled: true, defaultTeam: { enabled: false } } })],
  });
}

export type BenchAuth = ReturnType<typeof createAuth>;
