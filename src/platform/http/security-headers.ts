import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';

/** A year: browsers keep to https for that long after one answer over https. */
const HSTS = 'max-age=31536000';

/**
 * Headers every answer carries, the API's included: `nosniff`, so no browser reads a JSON error or an
 * avatar as a page or a script, and HSTS when Roster is served over https (ROSTER_PUBLIC_URL), so a
 * browser never sends the session cookie or a sign-in link's path over plain http again. They are set
 * before the handler runs, so error answers (404, 413, 500) carry them too.
 */
export function registerSecurityHeaders(app: FastifyInstance, config: Pick<Config, 'publicUrl'>): void {
  const https = config.publicUrl.startsWith('https:');
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    if (https) reply.header('strict-transport-security', HSTS);
  });
}
