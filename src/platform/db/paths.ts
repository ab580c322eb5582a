import path from 'node:path';

// Apart from database.ts so that the CLI can name the directory without loading a database driver.
/** Where the embedded database lives inside the data directory. */
export function pgliteDir(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}
