import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isAllowedEmailAddress, isValidEmailAddress, normalizeEmail } from '../../src/platform/lib/email.js';

describe('email addresses', () => {
  it("accepts what Django's EmailValidator accepts", () => {
    for (const email of ['a@example.com', 'first.last+tag@sub.example.co', 'x@localhost', '"a..b"@example.com', 'u@[10.0.0.1]', 'o\'neil@example.io', 'A@EXAMPLE.COM']) {
      assert.equal(isValidEmailAddress(email), true, email);
    }
  });

  it('refuses what it refuses', () => {
    for (const email of ['', 'plain', '@example.com', 'a@', 'a@b', 'a@example.c', 'a@-example.com', 'a@example.com-', 'a..b@example.com', '.a@example.com', 'a b@example.com', '"john doe"@example.com', 'a@exa_mple.com', 'a@[999.0.0.1]']) {
      assert.equal(isValidEmailAddress(email), false, email);
    }
  });

  it("Sentry's blocklist refuses addresses at qq.com, in any case", () => {
    assert.equal(isAllowedEmailAddress('someone@qq.com'), false);
    assert.equal(isAllowedEmailAddress('someone@QQ.COM'), false);
    assert.equal(isAllowedEmailAddress('someone@notqq.com'), true);
  });

  it('decisions 13: normalized once, trimmed and lower-cased', () => {
    assert.equal(normalizeEmail('  Foo.Bar@Example.COM '), 'foo.bar@example.com');
  });
});
