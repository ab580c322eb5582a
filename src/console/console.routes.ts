import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { notFound } from '../platform/http/errors.js';

/** Where `npm run build` puts the console (web/ built by Vite), from src/ or dist/ alike. */
export const CONSOLE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Paths the console never answers, so an unknown API path stays a JSON 404 and never becomes the page. */
const NOT_CONSOLE = ['/api/', '/_health', '/organization-avatar/'];

// The page loads nothing from elsewhere, and sign-in and invite links carry secrets in their paths:
// no framing, no referrer, no foreign scripts.
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * The console's security headers on every answer outside the API, registered on the root instance
 * (not in the console's plugin) so that they are there whether or not web/dist is built: a page path
 * then answers a 404 of this origin, which must not be framed or sniffed either.
 */
export function registerConsoleHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    if (!NOT_CONSOLE.some((prefix) => request.url.startsWith(prefix))) reply.headers(SECURITY_HEADERS);
  });
}

/**
 * Serves the web console at `/`: hashed assets cached for a year, `index.html` revalidated, and every
 * other GET outside the API answered with `index.html` so the console's own routes (/signin/…,
 * /accept/…) load on a fresh visit.
 */
export async function consoleRoutes(app: FastifyInstance, { dir = CONSOLE_DIR }: { dir?: string } = {}): Promise<void> {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    app.log.warn({ dir }, 'the web console is not built (npm run build); serving the API only');
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    cacheControl: false,
    schemaHide: true,
    setHeaders: (reply, file) => {
      reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // Public: it serves the page, and unknown API paths get their 404 here whoever asks.
  app.get('/*', { schema: { hide: true }, config: { public: true } }, async (request, reply) => {
    if (NOT_CONSOLE.some((prefix) => request.url.startsWith(prefix))) throw notFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
