import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('config', () => {
  it('has defaults for everything', () => {
    const config = loadConfig({});
    assert.equal(config.port, 9000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.databaseUrl, null);
    // The address actually served, so that links and cookies name the host the browser is on.
    assert.equal(config.publicUrl, 'http://127.0.0.1:9000');
    assert.equal(config.smtpUrl, null);
    assert.ok(config.dataDir.endsWith('/data'));
    assert.equal(config.trustProxy, false);
    assert.equal(config.metrics, null);
    assert.equal(config.shutdownSeconds, 10);
    assert.equal(config.webhookRetryBaseSeconds, 5);
    assert.equal(config.webhookLeaseSeconds, 60);
    assert.ok(Object.isFrozen(config));
  });

  it('defaults the public URL to the served address: PORT and HOST, a wildcard HOST as loopback', () => {
    assert.equal(loadConfig({ PORT: '9123' }).publicUrl, 'http://127.0.0.1:9123');
    assert.equal(loadConfig({ PORT: '9123', HOST: 'roster.internal' }).publicUrl, 'http://roster.internal:9123');
    assert.equal(loadConfig({ HOST: '0.0.0.0' }).publicUrl, 'http://127.0.0.1:9000');
    assert.equal(loadConfig({ HOST: '::1' }).publicUrl, 'http://[::1]:9000');
    assert.equal(loadConfig({ PORT: '9123', ROSTER_PUBLIC_URL: 'https://roster.example.com/' }).publicUrl, 'https://roster.example.com');
  });

  for (const [name, value] of [
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['SMTP_URL', 'not a url'],
    ['ROSTER_PUBLIC_URL', 'ftp://x'],
    ['LOG_LEVEL', 'loud'],
    ['ROSTER_MAIL_RETRY_MAX_SECONDS', '0'],
    ['ROSTER_TRUST_PROXY', 'true'],
    ['ROSTER_TRUST_PROXY', '0'],
    ['ROSTER_TRUST_PROXY', '10.0.0.1, proxy.internal'],
    ['ROSTER_TRUST_PROXY', '10.0.0.0/33'],
    ['ROSTER_METRICS_PORT', 'nine'],
    ['ROSTER_METRICS_PORT', '0'],
    ['ROSTER_METRICS_PORT', '9000'],
    ['ROSTER_METRICS_HOST', '0.0.0.0'],
    ['ROSTER_SHUTDOWN_SECONDS', '0'],
    ['ROSTER_SHUTDOWN_SECONDS', '2.5'],
    ['ROSTER_WEBHOOK_RETRY_BASE_SECONDS', '0'],
    ['ROSTER_WEBHOOK_RETRY_BASE_SECONDS', '6'],
    ['ROSTER_WEBHOOK_LEASE_SECONDS', '1'],
    ['ROSTER_WEBHOOK_LEASE_SECONDS', '61'],
    ['ROSTER_WEBHOOK_LEASE_SECONDS', '2.5'],
  ] as const) {
    it(`refuses a bad ${name} and names it`, () => {
      assert.throws(() => loadConfig({ [name]: value }), (error: unknown) => error instanceof ConfigError && error.message.includes(name));
    });
  }

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u@h/db',
      ROSTER_DATA_DIR: '/tmp/x',
      ROSTER_PUBLIC_URL: 'https://roster.example.com/',
      SMTP_URL: 'smtp://localhost:2525',
      LOG_LEVEL: 'warn',
      ROSTER_MAIL_RETRY_MAX_SECONDS: '5',
      ROSTER_TRUST_PROXY: '10.0.0.1, 10.1.0.0/16, ::1, loopback',
      ROSTER_SECRET_KEY: '00'.repeat(32),
      ROSTER_METRICS_HOST: '10.0.0.5',
      ROSTER_METRICS_PORT: '9464',
      ROSTER_SHUTDOWN_SECONDS: '30',
      ROSTER_WEBHOOK_ALLOW_PRIVATE: '1',
      ROSTER_WEBHOOK_RETRY_BASE_SECONDS: '1',
      ROSTER_WEBHOOK_LEASE_SECONDS: '4',
      ROSTER_WORKERS: '4',
    });
    assert.deepEqual(
      { ...config },
      {
        port: 8080,
        host: '0.0.0.0',
        databaseUrl: 'postgres://u@h/db',
        dataDir: '/tmp/x',
        publicUrl: 'https://roster.example.com',
        smtpUrl: 'smtp://localhost:2525',
        logLevel: 'warn',
        mailRetryMaxSeconds: 5,
        trustProxy: ['10.0.0.1', '10.1.0.0/16', '::1', 'loopback'],
        secretKey: Buffer.alloc(32),
        metrics: { host: '10.0.0.5', port: 9464 },
        shutdownSeconds: 30,
        webhookAllowPrivate: true,
        webhookRetryBaseSeconds: 1,
        webhookLeaseSeconds: 4,
        workers: 4,
      },
    );
  });

  it('ROSTER_METRICS_PORT turns metrics on, on loopback unless ROSTER_METRICS_HOST says otherwise (issue 18)', () => {
    assert.deepEqual(loadConfig({ ROSTER_METRICS_PORT: '9464' }).metrics, { host: '127.0.0.1', port: 9464 });
    // The same port on another address than the API's is a listener of its own.
    assert.deepEqual(loadConfig({ PORT: '9000', ROSTER_METRICS_HOST: '10.0.0.5', ROSTER_METRICS_PORT: '9000' }).metrics, { host: '10.0.0.5', port: 9000 });
  });

  it('ROSTER_WORKERS: 1 by default, from 1 to 64, anything else refused naming it (issue 17)', () => {
    assert.equal(loadConfig({}).workers, 1);
    assert.equal(loadConfig({ ROSTER_WORKERS: '64' }).workers, 64);
    for (const bad of ['0', '65', 'two', '1.5']) assert.throws(() => loadConfig({ ROSTER_WORKERS: bad }), /ROSTER_WORKERS must be/);
  });

  it('ROSTER_WEBHOOK_ALLOW_PRIVATE: off by default and with 0, on with 1, anything else refused (issue 18)', () => {
    assert.equal(loadConfig({}).webhookAllowPrivate, false);
    assert.equal(loadConfig({ ROSTER_WEBHOOK_ALLOW_PRIVATE: '0' }).webhookAllowPrivate, false);
    assert.equal(loadConfig({ ROSTER_WEBHOOK_ALLOW_PRIVATE: '1' }).webhookAllowPrivate, true);
    assert.throws(() => loadConfig({ ROSTER_WEBHOOK_ALLOW_PRIVATE: 'yes' }), /ROSTER_WEBHOOK_ALLOW_PRIVATE must be 1 \(on\) or 0 \(off\), got "yes"/);
  });

  it('ROSTER_TRUST_PROXY: off by default, a hop count, or a list of proxies (issue 13)', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    assert.equal(loadConfig({ ROSTER_TRUST_PROXY: '2' }).trustProxy, 2);
    assert.deepEqual(loadConfig({ ROSTER_TRUST_PROXY: '192.168.1.10' }).trustProxy, ['192.168.1.10']);
  });
});
