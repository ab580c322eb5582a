import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { pendingMigrations, readMigrations, type Migration } from '../db/migrate.js';

/** Whether this process still takes work: a stopping server turns it off first, so readiness says so before the listener closes. */
export interface ServingState {
  stopping: boolean;
}

export function createServingState(): ServingState {
  return { stopping: false };
}

/**
 * `/_health/`: is the database up (a liveness probe's question). `/_health/ready`: should a load
 * balancer send this process requests; 503 while it stops, while the database is down, or while the
 * database lacks a migration this process was built with (its queries would not fit the schema).
 */
export function registerHealthRoutes(app: FastifyInstance, database: Database, serving: ServingState, migrations: readonly Migration[] = readMigrations()): void {
  app.get('/_health/', { schema: { hide: true } }, async (_request, reply) => {
    const up = await database.ping();
    return reply.status(up ? 200 : 503).send({ status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down', engine: database.engine });
  });

  app.get('/_health/ready', { schema: { hide: true } }, async (_request, reply) => {
    if (serving.stopping) return reply.status(503).send({ status: 'stopping' });
    let pending: string[];
    try {
      pending = await pendingMigrations(database.db, migrations);
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: 'down' });
    }
    if (pending.length > 0) return reply.status(503).send({ status: 'migrations pending', pending });
    return reply.status(200).send({ status: 'ready' });
  });
}
