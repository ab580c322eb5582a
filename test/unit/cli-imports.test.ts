import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

/** Every module `file` loads before it runs, following static imports only (a dynamic import() waits for its command). */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  if (!file.endsWith('.ts')) return seen;
  const source = fs.readFileSync(file, 'utf8');
  for (const match of source.matchAll(/^import\s+(?!type\s)[^'"]*?['"]([^'"]+)['"]/gm)) {
    const specifier = match[1]!;
    if (specifier.startsWith('.')) staticImports(path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')), seen);
    else seen.add(specifier);
  }
  return seen;
}

/**
 * `roster --help`, and a command the running server executes, must start in a fraction of a second: the
 * entry point loads no database driver, web framework or logger until a command needs one. (Asserted on
 * the module graph, not on a clock: timings depend on the machine.)
 */
describe('the CLI entry point', () => {
  it('loads no database, HTTP or logging library before it knows the command', () => {
    const loaded = [...staticImports(path.resolve('src/cli.ts'))];
    const heavy = loaded.filter((name) => /^(@electric-sql\/|pg$|kysely|fastify|@fastify\/|pino|nodemailer)/.test(name) || /src\/(runtime|server|app|db\/database)\.ts$/.test(name));
    assert.deepEqual(heavy, []);
  });

  it('a command sent to the running server loads no database library either', () => {
    const loaded = [...staticImports(path.resolve('src/cli/db-command.ts'))];
    assert.deepEqual(loaded.filter((name) => /^(@electric-sql\/|pg$|kysely|fastify|pino)/.test(name)), []);
  });
});
