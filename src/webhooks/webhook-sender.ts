import dns from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { isPublicAddress } from './public-address.js';

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** ROSTER_WEBHOOK_ALLOW_PRIVATE: also send to private, loopback and link-local addresses. */
  allowPrivate: boolean;
  timeoutMs: number;
}

/** What one attempt got: the status (null when none came) and the start of the body, or why it failed. */
export interface WebhookResponse {
  status: number | null;
  excerpt: string;
  error: string | null;
}

const EXCERPT_BYTES = 1024;
/** A receiver's answer is read up to this much, then dropped: enough for the excerpt, never a memory risk. */
const READ_LIMIT_BYTES = 64 * 1024;

export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
}

/**
 * The address to connect to: the host's addresses as DNS gives them now (a literal is its own), every
 * one of them public unless private ones are allowed. Checked on every attempt, since a name can be
 * pointed somewhere else between two.
 */
async function checkedAddress(hostname: string, allowPrivate: boolean): Promise<{ address: string; family: number }> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const found = net.isIP(host) ? [{ address: host, family: net.isIP(host) }] : await dns.lookup(host, { all: true, verbatim: true });
  if (found.length === 0) throw new RefusedAddressError(`${host} has no address`);
  if (!allowPrivate) {
    const refused = found.find((entry) => !isPublicAddress(entry.address));
    if (refused) throw new RefusedAddressError(`refused: ${host} resolves to ${refused.address}, a private, loopback or link-local address`);
  }
  return found[0]!;
}

/**
 * POSTs one webhook: connects to the address it checked (the socket's lookup answers with it, so a
 * second DNS answer cannot slip in between the check and the connection), does not follow redirects
 * (a 3xx is an answer like any other non-2xx), and gives up after `timeoutMs` in all.
 */
export async function sendWebhook(request: WebhookRequest): Promise<WebhookResponse> {
  const url = new URL(request.url);
  let target: { address: string; family: number };
  try {
    target = await checkedAddress(url.hostname, request.allowPrivate);
  } catch (error) {
    return { status: null, excerpt: '', error: error instanceof Error ? error.message : String(error) };
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (response: WebhookResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(response);
    };
    const outgoing = client.request(
      url,
      {
        method: 'POST',
        headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
        agent: false,
        lookup: (_hostname, options, callback) => {
          if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [target]);
          else callback(null, target.address, target.family);
        },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        let size = 0;
        incoming.on('data', (chunk: Buffer) => {
          if (size < READ_LIMIT_BYTES) chunks.push(chunk);
          size += chunk.length;
          if (size >= READ_LIMIT_BYTES) incoming.destroy();
        });
        const done = () =>
          finish({ status: incoming.statusCode ?? null, excerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8'), error: null });
        incoming.on('end', done);
        incoming.on('close', done);
        incoming.on('error', done);
      },
    );
    const timer = setTimeout(() => {
      outgoing.destroy();
      finish({ status: null, excerpt: '', error: `no answer within ${request.timeoutMs / 1000} s` });
    }, request.timeoutMs);
    outgoing.on('error', (error) => finish({ status: null, excerpt: '', error: error.message }));
    outgoing.end(request.body);
  });
}
