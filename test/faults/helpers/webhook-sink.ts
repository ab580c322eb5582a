import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { onWebhookRequest } from '../../helpers/webhook-receiver.js';

/** One delivery the sink acknowledged (2xx), in the order they arrived. */
export interface Arrival {
  /** Position among all acknowledged deliveries. */
  seq: number;
  /** Date.now() when its body was in. */
  at: number;
  id: string;
  type: string;
  organization: string;
  timestamp: string;
  data: Record<string, unknown>;
}

export interface WebhookSink {
  url: string;
  /** The signing secret of each organization's endpoint, by slug (set after creating the endpoints). */
  secrets: Map<string, string>;
  arrivals: Arrival[];
  /** Requests whose signature the `standardwebhooks` package refused (answered 400, not recorded as arrivals). */
  unverified: string[];
  /** Stops listening and drops open connections: senders get connection refused until `up()`. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A customer's receiver on 127.0.0.1 that can go away and come back on the same port: every request is
 * verified with the `standardwebhooks` package (not Roster's code) against its organization's secret,
 * recorded, and acknowledged with 204 `answerMs` later (so that sends are in flight long enough for a
 * crash to cut one).
 */
export async function startWebhookSink({ answerMs = 20 }: { answerMs?: number } = {}): Promise<WebhookSink> {
  const sockets = new Set<Socket>();
  let answering = 0;
  const drained: Array<() => void> = [];
  const sink: WebhookSink = {
    url: '',
    secrets: new Map(),
    arrivals: [],
    unverified: [],
    down: () => Promise.resolve(),
    up: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
  const server = http.createServer((request, response) => {
    onWebhookRequest(request, (body, headers) => {
      let envelope: { type: string; timestamp: string; organization: { slug: string }; data: Record<string, unknown> };
      try {
        envelope = JSON.parse(body) as typeof envelope;
        new Webhook(sink.secrets.get(envelope.organization.slug) ?? 'whsec_AAAA').verify(body, headers);
      } catch (error) {
        sink.unverified.push(`${headers['webhook-id']}: ${error instanceof Error ? error.message : String(error)}`);
        response.writeHead(400).end();
        return;
      }
      // Processed (recorded) first, then answered, as a receiver does: a sender killed before it
      // reads the answer leaves a delivery that arrived but was never recorded as sent.
      sink.arrivals.push({
        seq: sink.arrivals.length,
        at: Date.now(),
        id: headers['webhook-id'],
        type: envelope.type,
        organization: envelope.organization.slug,
        timestamp: envelope.timestamp,
        data: envelope.data,
      });
      answering++;
      setTimeout(() => {
        response.writeHead(204).end();
        if (--answering === 0) for (const done of drained.splice(0)) done();
      }, answerMs);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  sink.url = `http://127.0.0.1:${port}/hooks`;
  // Going down gracefully: no new connection, the deliveries already recorded are answered, then every
  // connection is dropped. (A receiver that recorded a delivery and never answered would earn its duplicate.)
  sink.down = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    if (answering > 0) await new Promise<void>((resolve) => drained.push(resolve));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  sink.up = () => new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  sink.close = () => (server.listening ? sink.down() : Promise.resolve());
  return sink;
}
