/**
 * better-auth's documented Node handler on `node:http`, on a schema the bench made (setup.ts).
 * Started by the bench run with DATABASE_URL, BETTER_AUTH_SCHEMA, HOST and PORT; never part of the product.
 */
import http from 'node:http';
import { toNodeHandler } from 'better-auth/node';
import { betterAuthPool, createAuth } from './auth.js';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT);
const pool = betterAuthPool(process.env.DATABASE_URL!, process.env.BETTER_AUTH_SCHEMA!);
const handle = toNodeHandler(createAuth(pool, `http://${host}:${port}`));

const server = http.createServer((request, response) => {
  if (request.url === '/_health/') {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    return;
  }
  void handle(request, response);
});

server.keepAliveTimeout = 60_000;
server.listen(port, host);
process.once('SIGTERM', () => server.close(() => void pool.end()));
