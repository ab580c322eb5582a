import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request a test receiver got, with what the `standardwebhooks` package made of its signature. */
export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  /** The parsed body. */
  payload: { type: string; version: number; timestamp: string; organization: { id: string; slug: string }; data: Record<string, unknown> };
  /** Which of the receiver's secrets verify it (by their index in `secrets`). */
  verifiedBy: number[];
}

export interface WebhookReceiver {
  url: string;
  port: number;
  received: ReceivedWebhook[];
  /** The secrets deliveries are verified with (set after creating the endpoint). */
  secrets: string[];
  /** How to answer the next request (default 204): a status, or a promise of one (a slow receiver). */
  respond: (webhook: ReceivedWebhook) => number | Promise<number>;
  /** Headers to add to the answer (a redirect's Location). */
  headers: Record<string, string>;
  /** Resolves with `received` once it holds `count` requests; fails after `timeoutMs` (polls, never sleeps a fixed time). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/**
 * A real HTTP receiver on 127.0.0.1, as a customer's would be: every request is recorded, and its
 * signature checked with the `standardwebhooks` package (not Roster's code), once per secret.
 */
export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** Reads a delivery's body and its Standard Webhooks headers (what `Webhook.verify` takes), then calls `handle`. */
export function onWebhookRequest(request: http.IncomingMessage, handle: (body: string, headers: WebhookHeaders) => void): void {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () =>
    handle(Buffer.concat(chunks).toString('utf8'), {
      'webhook-id': String(request.headers['webhook-id'] ?? ''),
      'webhook-timestamp': String(request.headers['webhook-timestamp'] ?? ''),
      'webhook-signature': String(request.headers['webhook-signature'] ?? ''),
    }),
  );
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = {
    url: '',
    port: 0,
    received: [],
    secrets: [],
    respond: () => 204,
    headers: {},
    async waitFor(count, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (receiver.received.length < count) {
        if (Date.now() > deadline) throw new Error(`the receiver got ${receiver.received.length} of ${count} webhooks in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return receiver.received;
    },
    close: () => Promise.resolve(),
  };
  const server = http.createServer((request, response) => {
    onWebhookRequest(request, (body, headers) => {
      const verifiedBy = receiver.secrets.flatMap((secret, index) => {
        try {
          new Webhook(secret).verify(body, headers);
          return [index];
        } catch {
          return [];
        }
      });
      const webhook: ReceivedWebhook = {
        id: headers['webhook-id'],
        timestamp: headers['webhook-timestamp'],
        signature: headers['webhook-signature'],
        body,
        payload: JSON.parse(body) as ReceivedWebhook['payload'],
        verifiedBy,
      };
      receiver.received.push(webhook);
      void Promise.resolve(receiver.respond(webhook)).then((status) => {
        response.writeHead(status, receiver.headers);
        response.end(status === 204 ? undefined : `answer ${status}`);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}/hook`;
  receiver.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
