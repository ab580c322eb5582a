import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AVATAR_MAX_BYTES, decodeAvatar, decodedBase64Length, imageDimensions, imageFormat } from '../../src/organizations/avatar.js';
import { gif, jpeg, png } from '../helpers/images.js';

const b64 = (image: Buffer) => image.toString('base64');

describe('avatar images (sentry-behavior.md §9.3)', () => {
  it('recognizes PNG, GIF and JPEG by their magic bytes, and nothing else', () => {
    assert.equal(imageFormat(png(256, 256)), 'png');
    assert.equal(imageFormat(gif(256, 256)), 'gif');
    assert.equal(imageFormat(jpeg(256, 256)), 'jpeg');
    assert.equal(imageFormat(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>')), null);
    assert.equal(imageFormat(Buffer.from('BM fake bitmap')), null);
    assert.equal(imageFormat(Buffer.alloc(0)), null);
  });

  it('reads width and height from each header', () => {
    assert.deepEqual(imageDimensions(png(300, 512), 'png'), { width: 300, height: 512 });
    assert.deepEqual(imageDimensions(gif(640, 480), 'gif'), { width: 640, height: 480 });
    assert.deepEqual(imageDimensions(jpeg(1024, 768), 'jpeg'), { width: 1024, height: 768 });
    assert.deepEqual(imageDimensions(jpeg(400, 400, 0xc2), 'jpeg'), { width: 400, height: 400 }, 'progressive frame');
    assert.equal(imageDimensions(png(256, 256).subarray(0, 20), 'png'), null, 'cut short');
    assert.equal(imageDimensions(Buffer.from([0xff, 0xd8, 0xff, 0xd9]), 'jpeg'), null, 'no frame');
  });

  it('accepts a square image of 256 to 1024 px', () => {
    for (const image of [png(256, 256), png(1024, 1024), gif(512, 512), jpeg(700, 700)]) {
      const decoded = decodeAvatar(b64(image));
      assert.ok(typeof decoded === 'object', String(decoded));
      assert.ok(decoded.image.equals(image));
    }
  });

  it('refuses images that are not square or outside 256–1024 px as invalid dimensions', () => {
    for (const image of [png(256, 257), png(255, 255), png(1025, 1025), gif(100, 100), jpeg(2048, 2048)]) {
      assert.equal(decodeAvatar(b64(image)), 'invalid_dimensions');
    }
  });

  it('refuses other formats and text that is not base64 as an invalid format', () => {
    assert.equal(decodeAvatar(Buffer.from('hello, world').toString('base64')), 'invalid_format');
    assert.equal(decodeAvatar('not base64 at all!'), 'invalid_format');
    assert.equal(decodeAvatar('abc'), 'invalid_format');
  });

  it('refuses more than 5,000,000 decoded bytes before looking at the image', () => {
    const justTooBig = Buffer.alloc(AVATAR_MAX_BYTES + 1);
    png(256, 256).copy(justTooBig);
    assert.equal(decodedBase64Length(b64(justTooBig)), AVATAR_MAX_BYTES + 1);
    assert.equal(decodeAvatar(b64(justTooBig)), 'too_large');
    const atTheLimit = Buffer.alloc(AVATAR_MAX_BYTES);
    png(256, 256).copy(atTheLimit);
    assert.notEqual(decodeAvatar(b64(atTheLimit)), 'too_large');
  });
});
