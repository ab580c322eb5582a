/**
 * `npm run api-types`: writes the console's API types (web/src/api.generated.ts) from the OpenAPI
 * document the server serves at /api/0/openapi.json. `--check` only compares, and fails when the file
 * is stale, so a route whose shape changed without regenerating fails `npm run lint` (and the unit
 * test `api-types.test.ts`) instead of shipping a console that reads fields that are gone.
 *
 * The document comes from the routes alone: the app is built over services whose database throws if
 * touched, and never listens, so this runs on a fresh clone without PostgreSQL, PGlite or a port.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/platform/db/database.js';
import { systemClock } from '../src/platform/lib/clock.js';
import { createServices } from '../src/services.js';

export const API_TYPES_PATH = fileURLToPath(new URL('../web/src/api.generated.ts', import.meta.url));

const HEADER = `/**
 * The API's request and response shapes, generated from the route schemas (/api/0/openapi.json) by
 * \`npm run api-types\`. Do not edit: change the route's schema and regenerate. \`npm run lint\` fails
 * while this file is stale.
 */
`;

/** A database whose every use fails loudly: building the routes must never query. */
function noDatabase(): Database {
  const refuse = (): never => {
    throw new Error('the API document is built from the routes alone and must not touch the database');
  };
  const db = new Proxy({} as Database['db'], { get: refuse });
  return new Proxy({ db } as Database, { get: (target, key) => (key === 'db' ? target.db : refuse()) });
}

/** The OpenAPI document, exactly as `GET /api/0/openapi.json` answers it. */
export async function buildOpenApiDocument(): Promise<OpenAPI3> {
  const database = noDatabase();
  const config = loadConfig({ ROSTER_PUBLIC_URL: 'http://roster.invalid', LOG_LEVEL: 'silent' });
  // The services only close over the database here; no route calls one while the document is built.
  const services = createServices({ database, config, clock: systemClock });
  const app = await buildApp({ database, config, services, logger: false });
  try {
    await app.ready();
    return app.swagger() as OpenAPI3;
  } finally {
    await app.close();
  }
}

/** The text web/src/api.generated.ts must hold for the current routes. */
export async function renderApiTypes(): Promise<string> {
  const ast = await openapiTS(await buildOpenApiDocument(), { alphabetize: false, exportType: true });
  return HEADER + astToString(ast);
}

async function main(): Promise<void> {
  const expected = await renderApiTypes();
  const current = fs.existsSync(API_TYPES_PATH) ? fs.readFileSync(API_TYPES_PATH, 'utf8') : null;
  if (process.argv.includes('--check')) {
    if (current === expected) return;
    console.error('web/src/api.generated.ts does not match the routes: run `npm run api-types` and commit the result.');
    process.exitCode = 1;
  } else if (current !== expected) {
    fs.writeFileSync(API_TYPES_PATH, expected);
    console.log('wrote web/src/api.generated.ts');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
