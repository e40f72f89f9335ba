/**
 * What an upload is, by its first bytes (never by its name or its declared type), and images made
 * safe to keep: re-encoded by sharp, which writes no metadata unless asked, so EXIF (with GPS
 * position, camera serials, time) is gone; the EXIF orientation is applied first so the photo stays
 * upright.
 */
import sharp from 'sharp';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** A photo of a page needs far less; this stops a small file that decodes to a huge image. */
const MAX_PIXELS = 40_000_000;

export type DocumentType = 'image/jpeg' | 'image/png' | 'application/pdf';

export function sniff(bytes: Buffer): DocumentType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

/** The bytes to store: images re-encoded without metadata; a PDF as it came. Throws if an image does not decode. */
export async function cleaned(bytes: Buffer, type: DocumentType): Promise<Buffer> {
  if (type === 'application/pdf') return bytes;
  const image = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
  return type === 'image/jpeg' ? image.jpeg({ quality: 85, mozjpeg: true }).toBuffer() : image.png().toBuffer();
}
