import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validationBody } from '../../src/platform/http/error-handler.js';

describe('validation error bodies', () => {
  it('a field named like an Object.prototype member still gets its message list (found by input fuzzing)', () => {
    const body = validationBody([
      { keyword: 'type', instancePath: '/toString', params: { type: 'string' }, data: 1 },
      { keyword: 'type', instancePath: '/__proto__', params: { type: 'string' }, data: 1 },
    ]);
    assert.equal(JSON.stringify(body), '{"toString":["Not a valid string."],"__proto__":["Not a valid string."]}');
  });
});
