import net from 'node:net';
import path from 'node:path';

/** Everything Roster reads from the environment, parsed once at start-up. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** `postgres://…` selects a PostgreSQL server; absent means embedded PGlite under `dataDir`. */
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  readonly publicUrl: string;
  /** `smtp://…` / `smtps://…`; absent means emails are written as .eml files under `dataDir/mail`. */
  readonly smtpUrl: string | null;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** The longest wait between two delivery attempts of an email while the SMTP server is down. */
  readonly mailRetryMaxSeconds: number;
  /**
   * Which proxies in front of Roster to believe about the client's address (X-Forwarded-For), as
   * Fastify's `trustProxy` takes it: false (none: the peer is the client), a hop count, or the proxies'
   * addresses and subnets. Rate limits and the audit log use the address this yields.
   */
  readonly trustProxy: false | number | readonly string[];
  /**
   * ROSTER_SECRET_KEY: the 32-byte key that seals secrets kept in the database (SSO client secrets);
   * null when unset, and then Roster refuses to store such a secret.
   */
  readonly secretKey: Buffer | null;
  /**
   * Where `GET /metrics` (Prometheus) answers: a listener of its own, apart from the API, so that it is
   * never exposed with it. Null (the default) serves no metrics and records none.
   */
  readonly metrics: { readonly host: string; readonly port: number } | null;
  /** How long a stopping server lets requests in flight finish before it cuts their connections. */
  readonly shutdownSeconds: number;
  /**
   * ROSTER_WEBHOOK_ALLOW_PRIVATE=1: webhooks may also be sent to private, loopback and link-local
   * addresses (a receiver on the same machine or network). Off, such a URL is refused at every attempt.
   */
  readonly webhookAllowPrivate: boolean;
  /**
   * ROSTER_WEBHOOK_RETRY_BASE_SECONDS (1 to 5, default 5): the wait after a webhook's first failed
   * attempt, doubled after each further one. It can only shorten the back-off (a test's outage of seconds).
   */
  readonly webhookRetryBaseSeconds: number;
  /**
   * ROSTER_WEBHOOK_LEASE_SECONDS (2 to 60, default 60): how long a process holds a message it is
   * sending; a process killed mid-send gives it back after this. Each send gives up after half of it
   * (at most 10 s), so that a live sender always records its outcome while the lease is still its own.
   */
  readonly webhookLeaseSeconds: number;
  /**
   * ROSTER_WORKERS: how many processes `roster serve` runs (node:cluster, sharing the port); 1 (the
   * default) is one process and no cluster. More than 1 needs DATABASE_URL (`roster serve` says so).
   */
  readonly workers: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function parsePort(name: string, value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    throw new ConfigError(`${name} must be a whole number from 1 to 65535, got "${value}"`);
  }
  return port;
}

/**
 * ROSTER_METRICS_PORT turns the metrics listener on; ROSTER_METRICS_HOST (default loopback) alone is a
 * mistake worth naming rather than a silent no-op. The API's own port cannot serve both.
 */
function parseMetrics(env: NodeJS.ProcessEnv, apiHost: string, apiPort: number): Config['metrics'] {
  const host = env.ROSTER_METRICS_HOST || '127.0.0.1';
  if (env.ROSTER_METRICS_PORT === undefined || env.ROSTER_METRICS_PORT === '') {
    if (env.ROSTER_METRICS_HOST) throw new ConfigError('ROSTER_METRICS_HOST is set but ROSTER_METRICS_PORT is not: set the port to serve metrics');
    return null;
  }
  const port = parsePort('ROSTER_METRICS_PORT', env.ROSTER_METRICS_PORT);
  if (port === apiPort && (host === apiHost || host === '0.0.0.0' || apiHost === '0.0.0.0' || host === '::' || apiHost === '::')) {
    throw new ConfigError(`ROSTER_METRICS_PORT must differ from PORT (${apiPort}): metrics are served apart from the API`);
  }
  return Object.freeze({ host, port });
}

function parsePositiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) throw new ConfigError(`${name} must be a whole number of at least 1, got "${value}"`);
  return Number(value);
}

/** The most worker processes `roster serve` forks: each holds a pool of 10 connections. */
export const MAX_WORKERS = 64;

function parseUrl(name: string, value: string | undefined, protocols: string[]): string | null {
  if (value === undefined || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: "${value}"`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${value}"`);
  }
  return value;
}

/**
 * The address the server actually answers on, the default public URL, so that links and cookies name
 * the same host the browser is on. A wildcard HOST serves loopback too, so links use that.
 */
function servedUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

// proxy-addr's names for address ranges, which Fastify's trustProxy also takes.
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = net.isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * ROSTER_TRUST_PROXY: unset means no proxy is trusted. "true" (every hop) is refused: then any client
 * could pick its own address with X-Forwarded-For, and with it its rate-limit bucket.
 */
function parseTrustProxy(value: string | undefined): Config['trustProxy'] {
  if (value === undefined || value.trim() === '') return false;
  const text = value.trim();
  if (/^\d{1,2}$/.test(text) && Number(text) >= 1) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !isProxyAddress(entry));
  if (bad !== undefined) {
    throw new ConfigError(
      `ROSTER_TRUST_PROXY must be a hop count from 1 to 99 or a comma-separated list of proxy addresses or subnets (10.0.0.1, 10.0.0.0/8, ::1, loopback), got "${value}"`,
    );
  }
  return Object.freeze(entries);
}

/**
 * ROSTER_SECRET_KEY: 32 bytes, as 64 hex digits or as base64 (`openssl rand -base64 32`). Anything
 * else is refused rather than stretched: a short or mistyped key would seal secrets weakly.
 */
function parseSecretKey(value: string | undefined): Buffer | null {
  if (value === undefined || value.trim() === '') return null;
  const text = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/]{43}=?$/.test(text) || /^[A-Za-z0-9_-]{43}=?$/.test(text)) {
    const key = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length === 32) return key;
  }
  throw new ConfigError('ROSTER_SECRET_KEY must be 32 bytes given as 64 hex digits or as base64 (make one with: openssl rand -base64 32)');
}

/** A switch: unset, empty or `0` is off, `1` is on; anything else is refused rather than guessed. */
function parseFlag(name: string, value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '0') return false;
  if (value === '1') return true;
  throw new ConfigError(`${name} must be 1 (on) or 0 (off), got "${value}"`);
}

function parseBoundedInteger(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return Number(value);
}

/** Parses the environment; throws a ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const logLevel = (env.LOG_LEVEL || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const port = env.PORT === undefined || env.PORT === '' ? 9000 : parsePort('PORT', env.PORT);
  const host = env.HOST || '127.0.0.1';
  const publicUrl = parseUrl('ROSTER_PUBLIC_URL', env.ROSTER_PUBLIC_URL, ['http:', 'https:']) ?? servedUrl(host, port);
  return Object.freeze({
    port,
    host,
    databaseUrl: parseUrl('DATABASE_URL', env.DATABASE_URL, ['postgres:', 'postgresql:']),
    dataDir: path.resolve(env.ROSTER_DATA_DIR || './data'),
    publicUrl: publicUrl.replace(/\/+$/, ''),
    smtpUrl: parseUrl('SMTP_URL', env.SMTP_URL, ['smtp:', 'smtps:']),
    logLevel,
    mailRetryMaxSeconds: parsePositiveInteger('ROSTER_MAIL_RETRY_MAX_SECONDS', env.ROSTER_MAIL_RETRY_MAX_SECONDS, 300),
    trustProxy: parseTrustProxy(env.ROSTER_TRUST_PROXY),
    secretKey: parseSecretKey(env.ROSTER_SECRET_KEY),
    metrics: parseMetrics(env, host, port),
    shutdownSeconds: parsePositiveInteger('ROSTER_SHUTDOWN_SECONDS', env.ROSTER_SHUTDOWN_SECONDS, 10),
    webhookAllowPrivate: parseFlag('ROSTER_WEBHOOK_ALLOW_PRIVATE', env.ROSTER_WEBHOOK_ALLOW_PRIVATE),
    webhookRetryBaseSeconds: parseBoundedInteger('ROSTER_WEBHOOK_RETRY_BASE_SECONDS', env.ROSTER_WEBHOOK_RETRY_BASE_SECONDS, 5, 1, 5),
    webhookLeaseSeconds: parseBoundedInteger('ROSTER_WEBHOOK_LEASE_SECONDS', env.ROSTER_WEBHOOK_LEASE_SECONDS, 60, 2, 60),
    workers: parseBoundedInteger('ROSTER_WORKERS', env.ROSTER_WORKERS, 1, 1, MAX_WORKERS),
  });
}
