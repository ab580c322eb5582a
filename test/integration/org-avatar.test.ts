import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.js';
import { encoded, gifHeader, png } from '../helpers/images.js';
import { EVENT, auditEntries, buildOrg, orgRow } from '../helpers/org-factory.js';

const b64 = (image: Buffer) => image.toString('base64');

describe('organization avatar (sentry-behavior.md §9.3)', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(() => h.close());

  it('uploads a PNG, serves it without authentication at the avatarUrl, and does not record it in changed_data', async () => {
    const org = await buildOrg(h, { slug: 'avatar-png', members: { owner: { role: 'owner' } } });
    const image = png(256, 256);
    const response = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/avatar-png/', { avatarType: 'upload', avatar: b64(image) });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const { avatarType, avatarUuid, avatarUrl } = response.body.avatar;
    assert.equal(avatarType, 'upload');
    assert.match(avatarUuid!, /^[0-9a-f]{32}$/);
    assert.equal(avatarUrl, `http://roster.test/organization-avatar/${avatarUuid}/`);

    const served = await h.app.inject({ method: 'GET', url: `/organization-avatar/${avatarUuid}/` });
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'image/png');
    assert.ok(served.rawPayload.subarray(0, 8).equals(image.subarray(0, 8)), 'a PNG (re-encoded from the upload)');
    assert.equal(served.headers['x-content-type-options'], 'nosniff');
    assert.equal(served.headers['content-security-policy'], "default-src 'none'");
    assert.equal(served.headers['cross-origin-resource-policy'], 'cross-origin');
    assert.equal((await h.app.inject({ method: 'GET', url: `/organization-avatar/${'0'.repeat(32)}/` })).statusCode, 404);
    assert.deepEqual(await auditEntries(h, org.id, EVENT.ORG_EDIT), []);
  });

  it('a new upload gets a new uuid; letter_avatar keeps the file, so switching back to upload needs no new avatar', async () => {
    const org = await buildOrg(h, { slug: 'avatar-switch', members: { owner: { role: 'owner' } } });
    const url = '/api/0/organizations/avatar-switch/';
    const first = await h.request(org.tokens.owner!, 'PUT', url, { avatar: b64(await encoded('gif', 512, 512)) });
    assert.equal(first.body.avatar.avatarType, 'upload', 'an avatar without a type is an upload');
    const second = await h.request(org.tokens.owner!, 'PUT', url, { avatarType: 'upload', avatar: b64(await encoded('jpeg', 1024, 1024)) });
    assert.notEqual(second.body.avatar.avatarUuid, first.body.avatar.avatarUuid);
    const jpegServed = await h.app.inject({ method: 'GET', url: `/organization-avatar/${second.body.avatar.avatarUuid}/` });
    assert.equal(jpegServed.headers['content-type'], 'image/png', 'every upload is stored as a PNG');

    const letters = await h.request(org.tokens.owner!, 'PUT', url, { avatarType: 'letter_avatar' });
    assert.deepEqual(letters.body.avatar, { avatarType: 'letter_avatar', avatarUuid: second.body.avatar.avatarUuid, avatarUrl: null });
    const back = await h.request(org.tokens.owner!, 'PUT', url, { avatarType: 'upload' });
    assert.equal(back.status, 200);
    assert.equal(back.body.avatar.avatarUrl, `http://roster.test/organization-avatar/${second.body.avatar.avatarUuid}/`);
  });

  it('refuses avatarType upload without an avatar when none is stored', async () => {
    const org = await buildOrg(h, { slug: 'avatar-none', members: { owner: { role: 'owner' } } });
    for (const body of [{ avatarType: 'upload' }, { avatarType: 'upload', avatar: '' }]) {
      const response = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/avatar-none/', body);
      assert.equal(response.status, 400);
      assert.deepEqual(response.body, { avatarType: ['Cannot set avatarType to upload without avatar'] });
    }
  });

  it('refuses other formats and images that are not square or outside 256–1024 px', async () => {
    const org = await buildOrg(h, { slug: 'avatar-bad', members: { owner: { role: 'owner' } } });
    const cases: Array<[string, string]> = [
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64'), 'Invalid image format.'],
      ['%%% not base64 %%%', 'Invalid image format.'],
      [b64(png(256, 300)), 'Invalid image dimensions.'],
      [b64(png(128, 128)), 'Invalid image dimensions.'],
      [b64(await encoded('gif', 2000, 2000)), 'Invalid image dimensions.'],
    ];
    for (const [avatar, message] of cases) {
      const response = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/avatar-bad/', { avatarType: 'upload', avatar, name: 'Changed' });
      assert.equal(response.status, 400, message);
      assert.deepEqual(response.body, { avatar: [message] });
    }
    const row = await orgRow(h, org.id);
    assert.deepEqual([row.avatar_type, row.avatar_image, row.name], ['letter_avatar', null, 'avatar-bad']);
  });

  it('issue 13: a file that only starts like an image (a PNG header, then a page) is refused and nothing is stored', async () => {
    const org = await buildOrg(h, { slug: 'avatar-polyglot', members: { owner: { role: 'owner' } } });
    const page = Buffer.from('<html><body><script>alert(document.domain)</script></body></html>');
    for (const upload of [Buffer.concat([png(256, 256).subarray(0, 33), page]), Buffer.concat([gifHeader(256, 256), page])]) {
      const response = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/avatar-polyglot/', { avatarType: 'upload', avatar: b64(upload) });
      assert.equal(response.status, 400);
      assert.deepEqual(response.body, { avatar: ['Invalid image format.'] });
    }
    const row = await orgRow(h, org.id);
    assert.deepEqual([row.avatar_type, row.avatar_image], ['letter_avatar', null]);
    // A real image with a page after it: stored, and served without the page.
    const response = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/avatar-polyglot/', { avatarType: 'upload', avatar: b64(Buffer.concat([png(256, 256), page])) });
    assert.equal(response.status, 200);
    const served = await h.app.inject({ method: 'GET', url: `/organization-avatar/${response.body.avatar.avatarUuid}/` });
    assert.equal(served.rawPayload.includes(page), false);
  });

  it('413 {"detail": "Image too large"} over 5,000,000 decoded bytes; the route takes a body of several MB', async () => {
    const org = await buildOrg(h, { slug: 'avatar-big', members: { owner: { role: 'owner' } } });
    const huge = Buffer.alloc(5_000_001);
    png(256, 256).copy(huge);
    const tooLarge = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/avatar-big/', { avatarType: 'upload', avatar: b64(huge), name: 'Changed' });
    assert.equal(tooLarge.status, 413);
    assert.deepEqual(tooLarge.body, { detail: 'Image too large' });
    assert.equal((await orgRow(h, org.id)).name, 'avatar-big');

    // 2 MB of image (a PNG header padded out) is over the 1 MiB limit of every other route.
    const big = Buffer.alloc(2_000_000);
    png(256, 256).copy(big);
    const accepted = await h.request(org.tokens.owner!, 'PUT', '/api/0/organizations/avatar-big/', { avatarType: 'upload', avatar: b64(big) });
    assert.equal(accepted.status, 200);
    const elsewhere = await h.request(org.tokens.owner!, 'POST', '/api/0/organizations/', { name: 'Big', padding: 'x'.repeat(2_000_000) });
    assert.equal(elsewhere.status, 413);
  });
});
