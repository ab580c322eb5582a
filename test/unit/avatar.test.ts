import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { AVATAR_MAX_BYTES, AVATAR_STORED_DIMENSION, decodeAvatar, decodedBase64Length, imageFormat } from '../../src/organizations/avatar.js';
import { encoded, gifHeader, jpegHeader, png } from '../helpers/images.js';

const b64 = (image: Buffer) => image.toString('base64');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PAGE = Buffer.from('<html><body><script>alert(document.domain)</script></body></html>');

describe('avatar images (sentry-behavior.md §9.3)', () => {
  it('recognizes PNG, GIF and JPEG by their magic bytes, and nothing else', async () => {
    assert.equal(imageFormat(png(256, 256)), 'png');
    assert.equal(imageFormat(await encoded('gif', 256, 256)), 'gif');
    assert.equal(imageFormat(await encoded('jpeg', 256, 256)), 'jpeg');
    assert.equal(imageFormat(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>')), null);
    assert.equal(imageFormat(Buffer.from('BM fake bitmap')), null);
    assert.equal(imageFormat(Buffer.alloc(0)), null);
  });

  it('accepts a square image of 256 to 1024 px, and stores a PNG re-encoded from it, at most 512 px a side', async () => {
    for (const [image, side] of [
      [png(256, 256), 256],
      [png(1024, 1024), AVATAR_STORED_DIMENSION],
      [await encoded('gif', 512, 512), 512],
      [await encoded('jpeg', 700, 700), AVATAR_STORED_DIMENSION],
    ] as const) {
      const decoded = await decodeAvatar(b64(image));
      assert.ok(typeof decoded === 'object', String(decoded));
      assert.equal(decoded.format, 'png');
      assert.ok(decoded.image.subarray(0, 8).equals(PNG_SIGNATURE));
      const stored = await sharp(decoded.image).metadata();
      assert.deepEqual([stored.format, stored.width, stored.height], ['png', side, side]);
    }
  });

  it('refuses images that are not square or outside 256–1024 px as invalid dimensions', async () => {
    for (const image of [png(256, 257), png(255, 255), png(1025, 1025), await encoded('gif', 100, 100), await encoded('jpeg', 2048, 2048)]) {
      assert.equal(await decodeAvatar(b64(image)), 'invalid_dimensions');
    }
  });

  it('issue 13: refuses what only starts like an image (a header, then a page) as an invalid format', async () => {
    const polyglots = [
      Buffer.concat([png(256, 256).subarray(0, 33), PAGE]), // signature and IHDR, then HTML instead of pixels
      Buffer.concat([gifHeader(256, 256), PAGE]),
      Buffer.concat([jpegHeader(256, 256), PAGE]),
      png(256, 256).subarray(0, 60), // cut short
    ];
    for (const image of polyglots) assert.equal(await decodeAvatar(b64(image)), 'invalid_format');
  });

  it('issue 13: a real image with a page after its end is stored without the page', async () => {
    const decoded = await decodeAvatar(b64(Buffer.concat([png(256, 256), PAGE])));
    assert.ok(typeof decoded === 'object', String(decoded));
    assert.equal(decoded.image.includes(PAGE), false);
    assert.equal(decoded.image.includes(Buffer.from('<script')), false);
  });

  it('refuses other formats and text that is not base64 as an invalid format', async () => {
    assert.equal(await decodeAvatar(Buffer.from('hello, world').toString('base64')), 'invalid_format');
    assert.equal(await decodeAvatar('not base64 at all!'), 'invalid_format');
    assert.equal(await decodeAvatar('abc'), 'invalid_format');
    const webp = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#000' } }).webp().toBuffer();
    assert.equal(await decodeAvatar(b64(webp)), 'invalid_format');
  });

  it('refuses more than 5,000,000 decoded bytes before looking at the image', async () => {
    const justTooBig = Buffer.alloc(AVATAR_MAX_BYTES + 1);
    png(256, 256).copy(justTooBig);
    assert.equal(decodedBase64Length(b64(justTooBig)), AVATAR_MAX_BYTES + 1);
    assert.equal(await decodeAvatar(b64(justTooBig)), 'too_large');
    const atTheLimit = Buffer.alloc(AVATAR_MAX_BYTES);
    png(256, 256).copy(atTheLimit);
    assert.notEqual(await decodeAvatar(b64(atTheLimit)), 'too_large');
  });
});
