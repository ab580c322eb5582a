/**
 * Organization avatars (sentry-behavior.md §9.3): a base64 GIF, JPEG or PNG, square, 256–1024 px, at
 * most 5,000,000 bytes once decoded. Format and size are read from the file headers; no image library.
 */

export const AVATAR_MAX_BYTES = 5_000_000;
export const AVATAR_MIN_DIMENSION = 256;
export const AVATAR_MAX_DIMENSION = 1024;

export type ImageFormat = 'png' | 'gif' | 'jpeg';

export const IMAGE_CONTENT_TYPES: Readonly<Record<ImageFormat, string>> = {
  png: 'image/png',
  gif: 'image/gif',
  jpeg: 'image/jpeg',
};

export type AvatarProblem = 'too_large' | 'invalid_format' | 'invalid_dimensions';

export interface DecodedAvatar {
  image: Buffer;
  format: ImageFormat;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** How many bytes a base64 text decodes to, without decoding it. */
export function decodedBase64Length(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

/** Checks an uploaded avatar in Sentry's order: size, then format, then dimensions. */
export function decodeAvatar(base64: string): DecodedAvatar | AvatarProblem {
  const text = base64.replace(/\s+/g, '');
  if (decodedBase64Length(text) > AVATAR_MAX_BYTES) return 'too_large';
  if (text.length % 4 !== 0 || !BASE64.test(text)) return 'invalid_format';
  const image = Buffer.from(text, 'base64');
  const format = imageFormat(image);
  if (!format) return 'invalid_format';
  const size = imageDimensions(image, format);
  if (!size || size.width !== size.height || size.width < AVATAR_MIN_DIMENSION || size.width > AVATAR_MAX_DIMENSION) {
    return 'invalid_dimensions';
  }
  return { image, format };
}

/** The format, recognized by its magic bytes. */
export function imageFormat(image: Buffer): ImageFormat | null {
  if (image.length >= 8 && image.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (image.length >= 6 && /^GIF8[79]a$/.test(image.subarray(0, 6).toString('latin1'))) return 'gif';
  if (image.length >= 3 && image[0] === 0xff && image[1] === 0xd8 && image[2] === 0xff) return 'jpeg';
  return null;
}

/** Width and height from the header; null when the header is cut short or malformed. */
export function imageDimensions(image: Buffer, format: ImageFormat): { width: number; height: number } | null {
  switch (format) {
    case 'png':
      // The first chunk must be IHDR: width and height are its first two big-endian 32-bit fields.
      if (image.length < 24 || image.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
      return { width: image.readUInt32BE(16), height: image.readUInt32BE(20) };
    case 'gif':
      // The logical screen descriptor follows the 6-byte signature, little-endian.
      if (image.length < 10) return null;
      return { width: image.readUInt16LE(6), height: image.readUInt16LE(8) };
    case 'jpeg':
      return jpegDimensions(image);
  }
}

// Start-of-frame markers carry the dimensions; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Walks the JPEG segments up to the first start-of-frame, which holds height then width. */
function jpegDimensions(image: Buffer): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 4 <= image.length) {
    if (image[offset] !== 0xff) return null;
    const marker = image[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan data before any frame
    const length = image.readUInt16BE(offset + 2);
    if (length < 2) return null;
    if (SOF_MARKERS.has(marker)) {
      if (offset + 9 > image.length) return null;
      return { height: image.readUInt16BE(offset + 5), width: image.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return null;
}
