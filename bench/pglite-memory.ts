/**
 * PGlite's own resident memory, without Roster's server around it: a child process makes a data directory
 * and migrates it (making and migrating a new directory leaves a process with far more memory than opening
 * one), then this one opens it as Roster does (its settings), runs a small load of writes and catalog
 * joins, and prints its resident set at each step, the load's time, and the largest mappings.
 *   node --import tsx bench/pglite-memory.ts
 *   node --liftoff-only --import tsx bench/pglite-memory.ts   (V8 flags change how the WebAssembly runs)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';

const LOAD_ROUNDS = 1500;
const residentMb = () => Math.round(process.memoryUsage().rss / 1e6);

/** The process's mappings with the most resident memory, from /proc/self/smaps (Linux). */
function largestMappings(count: number): string[] {
  const mappings: Array<{ name: string; sizeMb: number; residentMb: number }> = [];
  for (const line of fs.readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const range = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (range) mappings.push({ name: range[3] || '[anonymous]', sizeMb: (parseInt(range[2]!, 16) - parseInt(range[1]!, 16)) / 2 ** 20, residentMb: 0 });
    else if (line.startsWith('Rss:') && mappings.length > 0) mappings.at(-1)!.residentMb = Number(line.split(/\s+/)[1]) / 1024;
  }
  return mappings
    .sort((a, b) => b.residentMb - a.residentMb)
    .slice(0, count)
    .map((m) => `${m.residentMb.toFixed(1)} MB resident of a ${m.sizeMb.toFixed(0)} MB mapping: ${m.name}`);
}

/** The child's part: a new data directory, migrated. */
async function prepare(dataDir: string): Promise<void> {
  const database = await openDatabase({ url: null, dataDir });
  await migrate(database.db);
  await database.close();
}

async function measure(dataDir: string): Promise<void> {
  const before = residentMb();
  const database = await openDatabase({ url: null, dataDir });
  const opened = residentMb();
  await sql`create table memory_probe (id serial primary key, label text, n int)`.execute(database.db);
  const round = async () => {
    await sql`insert into memory_probe (label, n) values ('x', 1)`.execute(database.db);
    await sql`select c.relname, count(*) from pg_class c join pg_attribute a on a.attrelid = c.oid group by 1 order by 2 desc limit 5`.execute(database.db);
  };
  const started = performance.now();
  for (let i = 0; i < LOAD_ROUNDS; i++) await round();
  const loadMs = Math.round(performance.now() - started);
  console.log(`node ${process.version} ${process.execArgv.filter((flag) => flag.startsWith('--') && flag !== '--import').join(' ')}`);
  console.log(`resident MB: before opening ${before}, PGlite opened ${opened}, after ${LOAD_ROUNDS} rounds ${residentMb()} (${loadMs} ms)`);
  for (const line of largestMappings(6)) console.log(`  ${line}`);
  await database.close();
}

if (process.argv[2] === '--prepare') {
  await prepare(process.argv[3]!);
} else {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-pglite-memory-'));
  try {
    const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--prepare', dataDir], { stdio: 'inherit' });
    if (child.status !== 0) throw new Error(`preparing the data directory failed (exit ${child.status})`);
    await measure(dataDir);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
