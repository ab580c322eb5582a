import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDatabaseUnavailable } from '../../src/platform/http/error-handler.js';

const pgError = (code: string, message = 'error') => Object.assign(new Error(message), { code });

test('a lost, refused or full database is unavailable (a 503 the client may retry), not a 500', () => {
  for (const code of ['ECONNREFUSED', '57P01', '57P03', '08006', '53300']) {
    assert.equal(isDatabaseUnavailable(pgError(code)), true, code);
  }
  assert.equal(isDatabaseUnavailable(new Error('Connection terminated unexpectedly')), true);
});

test('a query that is wrong stays an error of ours', () => {
  for (const code of ['23505', '42P01', '40001', '22P02']) {
    assert.equal(isDatabaseUnavailable(pgError(code)), false, code);
  }
  assert.equal(isDatabaseUnavailable(null), false);
});
