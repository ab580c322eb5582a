import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import semver from 'semver';

// `npm ci` warns (EBADENGINE) about every installed package whose `engines.node` leaves out the
// running Node. Roster declares the range it supports; every package in the lock file must support
// its oldest line, or a newcomer on that Node sees warnings on their first install.
const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(fs.readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(fs.readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: Record<string, string> | string[] }>;
};

describe('engines', () => {
  it('every locked package supports the newest release of the oldest Node line Roster declares', () => {
    const oldest = semver.minVersion(manifest.engines.node);
    assert.ok(oldest, `package.json engines.node is not a range: ${manifest.engines.node}`);
    // The newest release of that major line: what a newcomer on it runs.
    const newestOfLine = `${oldest.major}.99.0`;
    const refused = Object.entries(lock.packages)
      .filter(([name, entry]) => name !== '' && entry.engines && !Array.isArray(entry.engines) && entry.engines.node)
      .filter(([, entry]) => !semver.satisfies(newestOfLine, (entry.engines as Record<string, string>).node!))
      .map(([name, entry]) => `${name.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${(entry.engines as Record<string, string>).node}`);
    assert.deepEqual(refused, [], `packages that do not support Node ${oldest.major}`);
  });
});
