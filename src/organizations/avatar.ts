/**
 * Organization avatars (sentry-behavior.md §9.3): a base64 GIF, JPEG or PNG, square, 256–1024 px, at
 * most 5,000,000 bytes once decoded. The whole image is decoded (sharp, over libvips) and only a PNG
 * re-encoded from its pixels is stored: a file that merely starts like an image (a PNG header followed
 * by an HTML page) does not decode and is refused, and nothing of the uploaded bytes but the picture
 * is ever served.
 */

export const AVATAR_MAX_BYTES = 5_000_000;
export const AVATAR_MIN_DIMENSION = 256;
export const AVATAR_MAX_DIMENSION = 1024;
/** The stored PNG is at most this many pixels a side (larger uploads are scaled down): about 1 MB at worst. */
export const AVATAR_STORED_DIMENSION = 512;

export type ImageFormat = 'png' | 'gif' | 'jpeg';

export const IMAGE_CONTENT_TYPES: Readonly<Record<ImageFormat, string>> = {
  png: 'image/png',
  gif: 'image/gif',
  jpeg: 'image/jpeg',
};

export type AvatarProblem = 'too_large' | 'invalid_format' | 'invalid_dimensions';

export interface DecodedAvatar {
  /** The re-encoded PNG. */
  image: Buffer;
  format: 'png';
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

// sharp is loaded at the first upload, not at start: its native libvips costs a process about 30 MB of
// resident memory (measured: 40 MB for node alone, 70 MB with sharp imported) that most never use.
let sharpLoading: Promise<typeof import('sharp')> | undefined;
const loadSharp = async () => (await (sharpLoading ??= import('sharp'))).default;

// libvips reads many more formats (SVG, TIFF, PDF, HEIF …); only Sentry's three are let through to it,
// and a warning while decoding (a truncated or corrupt image) is a refusal. The pixel limit refuses an
// image larger than the largest allowed before its pixels are decoded.
const DECODE_OPTIONS = { failOn: 'warning', limitInputPixels: AVATAR_MAX_DIMENSION * AVATAR_MAX_DIMENSION, animated: false } as const;

/** How many bytes a base64 text decodes to, without decoding it. */
export function decodedBase64Length(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

/** Checks an uploaded avatar in Sentry's order (size, then format, then dimensions) and re-encodes it as a PNG. */
export async function decodeAvatar(base64: string): Promise<DecodedAvatar | AvatarProblem> {
  const text = base64.replace(/\s+/g, '');
  if (decodedBase64Length(text) > AVATAR_MAX_BYTES) return 'too_large';
  if (text.length % 4 !== 0 || !BASE64.test(text)) return 'invalid_format';
  const upload = Buffer.from(text, 'base64');
  if (!imageFormat(upload)) return 'invalid_format';
  const sharp = await loadSharp();
  let size: { width: number; height: number; format: string };
  try {
    const metadata = await sharp(upload, { failOn: 'warning' }).metadata();
    size = { width: metadata.width ?? 0, height: metadata.height ?? 0, format: metadata.format ?? '' };
  } catch {
    return 'invalid_format';
  }
  if (!['png', 'gif', 'jpeg'].includes(size.format)) return 'invalid_format';
  if (size.width !== size.height || size.width < AVATAR_MIN_DIMENSION || size.width > AVATAR_MAX_DIMENSION) return 'invalid_dimensions';
  try {
    const image = await sharp(upload, DECODE_OPTIONS)
      .resize({ width: AVATAR_STORED_DIMENSION, height: AVATAR_STORED_DIMENSION, fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer();
    return { image, format: 'png' };
  } catch {
    return 'invalid_format';
  }
}

/** The format, recognized by its magic bytes. */
export function imageFormat(image: Buffer): ImageFormat | null {
  if (image.length >= 8 && image.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (image.length >= 6 && /^GIF8[79]a$/.test(image.subarray(0, 6).toString('latin1'))) return 'gif';
  if (image.length >= 3 && image[0] === 0xff && image[1] === 0xd8 && image[2] === 0xff) return 'jpeg';
  return null;
}
