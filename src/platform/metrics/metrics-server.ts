import http from 'node:http';
import type { Logger } from 'pino';
import { StartupError } from '../lib/startup-error.js';
import { clusterMetricsText, metricsText as processMetricsText, startProcessMetrics } from './metrics.js';

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/**
 * `GET /metrics` on an address of its own (ROSTER_METRICS_HOST/PORT), apart from the API: a scrape
 * needs no credentials, so the metrics are reachable only where the operator puts this listener.
 * Anything else it is asked is a 404. Fails with a StartupError when the port cannot be had. `of`:
 * this process's metrics, or (in the primary of `roster serve --workers N`) its workers' summed.
 */
export async function startMetricsServer({ host, port }: { host: string; port: number }, logger: Logger, of: 'process' | 'cluster' = 'process'): Promise<MetricsServer> {
  if (of === 'process') startProcessMetrics();
  const metricsText = of === 'process' ? processMetricsText : clusterMetricsText;
  const server = http.createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: metrics are at GET /metrics\n');
      return;
    }
    metricsText().then(
      ({ contentType, body }) => response.writeHead(200, { 'content-type': contentType }).end(request.method === 'HEAD' ? undefined : body),
      (error: unknown) => {
        logger.error({ err: error }, 'metrics scrape failed');
        response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed: see the log\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new StartupError(`ROSTER_METRICS_PORT ${port} is in use`));
      else if (error.code === 'EACCES') reject(new StartupError(`ROSTER_METRICS_PORT ${port} needs privileges this process does not have: choose one above 1023`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') reject(new StartupError(`ROSTER_METRICS_HOST ${host} is not an address of this machine`));
      else reject(error);
    });
    server.listen(port, host, () => resolve());
  });
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
