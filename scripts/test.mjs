#!/usr/bin/env node
// `npm test`: the unit suites once, then every suite that touches data (integration, end-to-end) on
// embedded PGlite and, when TEST_DATABASE_URL is set, again on that PostgreSQL server. Prints one
// closing line for all runs.
// `npm run test:faults` (`--faults`): the multi-process, crash and outage suites, which start their
// own PostgreSQL cluster and `roster serve` processes (they take minutes, so they stand apart).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const faults = process.argv.includes('--faults');
const only = process.argv.slice(2).filter((arg) => arg !== '--faults');

function testFiles(dir) {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => path.join(dir, file))
    .filter((file) => only.length === 0 || only.some((filter) => file.includes(filter)))
    .sort();
}

function run(label, files, env, concurrency = 2) {
  if (files.length === 0) return Promise.resolve({ pass: 0, fail: 0 });
  console.log(`\n=== ${label} (${files.length} files) ===`);
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
      { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => {
      const count = (name) => Number(new RegExp(`ℹ ${name} (\\d+)`).exec(output)?.[1] ?? 0);
      const result = { pass: count('pass'), fail: count('fail') + count('cancelled') };
      if (code !== 0 && result.fail === 0) result.fail = 1;
      resolve(result);
    });
  });
}

const runs = [];
if (faults) {
  // One file at a time: each starts processes and a database cluster of its own.
  runs.push(await run('faults: several processes, crashes and outages', testFiles('test/faults'), {}, 1));
} else {
  runs.push(await run('unit', testFiles('test/unit'), {}));
  runs.push(await run('integration on PGlite', testFiles('test/integration'), { ROSTER_TEST_ENGINE: 'pglite' }));
  // The console in a real browser (Debian's chromium, see test/helpers/browser.ts) against a real server.
  runs.push(await run('end-to-end on PGlite', testFiles('test/e2e'), { ROSTER_TEST_ENGINE: 'pglite' }));
  if (process.env.TEST_DATABASE_URL) {
    const files = [...testFiles('test/integration'), ...testFiles('test/postgres')];
    runs.push(await run('integration on PostgreSQL', files, { ROSTER_TEST_ENGINE: 'postgres' }));
    runs.push(await run('end-to-end on PostgreSQL', testFiles('test/e2e'), { ROSTER_TEST_ENGINE: 'postgres' }));
  } else {
    console.log('\nTEST_DATABASE_URL is not set: skipping the PostgreSQL run.');
  }
}
const pass = runs.reduce((sum, r) => sum + r.pass, 0);
const fail = runs.reduce((sum, r) => sum + r.fail, 0);
console.log(`\n${pass} passed, ${fail} failed`);
process.exit(fail > 0 || pass === 0 ? 1 : 0);
