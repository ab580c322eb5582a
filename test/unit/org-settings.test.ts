import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { settingsChangedData, type SettingsBefore } from '../../src/organizations/org-settings.js';
import { pythonStr } from '../../src/organizations/python-str.js';
import { validateSettings, type SettingsFacts } from '../../src/organizations/org-settings.validation.js';
import { ApiError } from '../../src/platform/http/errors.js';

const BEFORE: SettingsBefore = {
  name: 'Acme',
  slug: 'acme',
  default_role: 'member',
  allow_joinleave: true,
  enhanced_privacy: false,
  disable_shared_issues: false,
  early_adopter: false,
  require_2fa: false,
  require_email_verification: false,
  disable_member_project_creation: true,
  prevent_superuser_access: false,
  disable_member_invite: false,
};

const facts = (overrides: Partial<SettingsFacts> = {}): SettingsFacts => ({
  isAdmin: true,
  hasAuthProvider: false,
  storedOptions: {},
  slugTakenByAnother: async () => false,
  requesterHasTwoFactor: async () => true,
  requesterEmailVerified: async () => true,
  hasStoredAvatar: async () => false,
  ...overrides,
});

async function errorsOf(promise: Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ApiError);
    return { status: error.status, body: error.body };
  }
  assert.fail('expected a refusal');
}

describe('org.edit changed_data (sentry-behavior.md §9.1–9.3)', () => {
  it('writes values as Python str() does', () => {
    assert.equal(pythonStr(true), 'True');
    assert.equal(pythonStr(false), 'False');
    assert.equal(pythonStr(null), 'None');
    assert.equal(pythonStr(-1), '-1');
    assert.equal(pythonStr('admin'), 'admin');
    assert.equal(pythonStr(['password', "it's"]), `['password', "it's"]`);
    assert.equal(pythonStr([]), '[]');
  });

  it('§9.1: an option without a row is recorded "to <new>" only when the new value is not the default', () => {
    const changed = settingsChangedData(BEFORE, {}, { dataScrubber: true, scrapeJavaScript: true, sensitiveFields: ['card'], storeCrashReports: 0 });
    assert.deepEqual(changed, { dataScrubber: 'to True', sensitiveFields: "to ['card']" });
  });

  it('§9.1: a stored option is recorded "from <old> to <new>" only when it changes', () => {
    const stored = { 'sentry:require_scrub_data': true, 'sentry:attachments_role': 'member' };
    assert.deepEqual(settingsChangedData(BEFORE, stored, { dataScrubber: true, attachmentsRole: 'admin' }), {
      attachmentsRole: 'from member to admin',
    });
    assert.deepEqual(settingsChangedData(BEFORE, stored, { dataScrubber: false }), { dataScrubber: 'from True to False' });
  });

  it('§9.2: a flag that changes is recorded under the flag name with its stored (possibly inverted) value', () => {
    const changed = settingsChangedData(BEFORE, {}, { openMembership: false, allowSharedIssues: false, allowMemberInvite: true, require2FA: true });
    assert.deepEqual(changed, { allow_joinleave: 'to False', disable_shared_issues: 'to True', require_2fa: 'to True' });
  });

  it('§9.3: name, slug and default role are recorded "from <old> to <new>"', () => {
    const changed = settingsChangedData(BEFORE, {}, { name: 'Acme Inc', slug: 'acme', defaultRole: 'admin' });
    assert.deepEqual(changed, { name: 'from Acme to Acme Inc', default_role: 'from member to admin' });
  });

  it('nothing that stays the same is recorded', () => {
    assert.deepEqual(settingsChangedData(BEFORE, {}, { name: 'Acme', openMembership: true, eventsMemberAdmin: true }), {});
  });
});

describe('settings validation (sentry-behavior.md §9.4–9.5)', () => {
  it('collects every field error into one 400 with Sentry\'s messages', async () => {
    const refused = await errorsOf(
      validateSettings(
        { name: '   ', slug: 'api', attachmentsRole: 'king', debugFilesRole: 'billing', sensitiveFields: ['ok', ' '], safeFields: [''], require2FA: true },
        facts({ requesterHasTwoFactor: async () => false }),
      ),
    );
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body, {
      name: ['This field may not be blank.'],
      slug: ['This slug "api" is reserved and not allowed.'],
      attachmentsRole: ['Invalid role'],
      debugFilesRole: ['Invalid role'],
      sensitiveFields: ['Empty values are not allowed.'],
      safeFields: ['Empty values are not allowed.'],
      require2FA: ['Cannot require two-factor authentication without personal two-factor enabled.'],
    });
  });

  it('§9.5: uniqueness is checked after the reserved list and before whitespace', async () => {
    const taken = facts({ slugTakenByAnother: async (slug) => slug === 'globex' });
    assert.deepEqual((await errorsOf(validateSettings({ slug: 'globex ' }, taken))).body, { slug: ['The slug "globex" is already in use.'] });
    assert.deepEqual((await errorsOf(validateSettings({ slug: 'fresh ' }, taken))).body, { slug: ['The slug "fresh " should not contain any whitespace.'] });
    assert.deepEqual((await validateSettings({ slug: 'fresh' }, taken)).settings, { slug: 'fresh' });
  });

  it('the 4,000-character limit counts both lists, the stored one when only the other is sent', async () => {
    const long = ['x'.repeat(2500)];
    const stored = facts({ storedOptions: { 'sentry:safe_fields': ['y'.repeat(1600)] } });
    assert.deepEqual((await errorsOf(validateSettings({ sensitiveFields: long }, stored))).body, {
      sensitiveFields: ['List of sensitive fields is too long.'],
    });
    const storedSensitive = facts({ storedOptions: { 'sentry:sensitive_fields': long } });
    assert.deepEqual((await errorsOf(validateSettings({ safeFields: ['y'.repeat(1501)] }, storedSensitive))).body, {
      safeFields: ['List of safe fields is too long.'],
    });
    await validateSettings({ sensitiveFields: ['x'.repeat(2000)], safeFields: ['y'.repeat(2000)] }, facts());
  });

  it('require2FA is refused with SSO; requireEmailVerification without a verified address', async () => {
    assert.deepEqual((await errorsOf(validateSettings({ require2FA: true }, facts({ hasAuthProvider: true })))).body, {
      require2FA: ['Cannot require two-factor authentication with SSO enabled'],
    });
    assert.deepEqual((await errorsOf(validateSettings({ requireEmailVerification: true }, facts({ requesterEmailVerified: async () => false })))).body, {
      requireEmailVerification: ['Cannot require email verification before verifying your email address.'],
    });
    const off = await validateSettings({ require2FA: false, requireEmailVerification: false }, facts({ requesterHasTwoFactor: async () => false, requesterEmailVerified: async () => false }));
    assert.equal(off.enforceTwoFactor, false);
  });

  it('§5.7: defaultRole and cancelDeletion count only for org:admin; otherwise they are ignored, even when invalid', async () => {
    const member = await validateSettings({ defaultRole: 'nonsense', cancelDeletion: true }, facts({ isAdmin: false }));
    assert.deepEqual(member.settings, {});
    assert.equal(member.cancelDeletion, false);
    assert.deepEqual((await errorsOf(validateSettings({ defaultRole: 'billing' }, facts()))).body, { defaultRole: ['"billing" is not a valid choice.'] });
    const admin = await validateSettings({ defaultRole: 'admin', cancelDeletion: true }, facts());
    assert.deepEqual(admin.settings, { defaultRole: 'admin' });
    assert.equal(admin.cancelDeletion, true);
  });

  it('avatarType upload needs an avatar, sent now or stored before', async () => {
    assert.deepEqual((await errorsOf(validateSettings({ avatarType: 'upload' }, facts()))).body, {
      avatarType: ['Cannot set avatarType to upload without avatar'],
    });
    const stored = await validateSettings({ avatarType: 'upload' }, facts({ hasStoredAvatar: async () => true }));
    assert.deepEqual(stored.avatar, { type: 'upload', image: null });
  });
});
