import { badInput } from './errors';

/**
 * What a document file may be, one home for the gateway that receives it and the dossiers
 * service that records it: the types desks and citizens exchange (scans and PDFs), each known
 * by its first bytes as well as by its declared type, so a renamed executable is not a "PDF".
 */
export const DOCUMENT_TYPES: Record<string, { magic: number[][]; extension: string }> = {
  'application/pdf': { magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]], extension: 'pdf' }, // %PDF-
  'image/jpeg': { magic: [[0xff, 0xd8, 0xff]], extension: 'jpg' },
  'image/png': { magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]], extension: 'png' },
};

export const isDocumentType = (type: string): boolean => Object.hasOwn(DOCUMENT_TYPES, type);

/** Whether the file's first bytes are those of its declared type. */
export function startsAs(type: string, head: Buffer): boolean {
  return DOCUMENT_TYPES[type]?.magic.some((magic) => head.length >= magic.length && magic.every((byte, i) => head[i] === byte)) ?? false;
}

export const acceptedTypes = () => Object.keys(DOCUMENT_TYPES).join(', ');

const MAX_NAME_LENGTH = 200;

/**
 * A file's name as people wrote it (Vietnamese included), safe to store and to send back in a
 * Content-Disposition header: no path, no control characters, at most 200 characters.
 */
export function documentFileName(value: string | null | undefined, field: string): string {
  const name = (value ?? '')
    .normalize('NFC')
    .replace(/^.*[\\/]/, '')
    .trim();
  if (!name) throw badInput(field, 'Name the file (e.g. "Giấy chứng nhận.pdf").');
  // Control and format characters (a right-to-left override turning "gpj.exe" into "exe.jpg", zero-width spaces, line separators).
  if (/[\p{C}\p{Zl}\p{Zp}]/u.test(name)) throw badInput(field, 'A file name has no control, format or line-separator characters.');
  if (name.length > MAX_NAME_LENGTH) throw badInput(field, `A file name has at most ${MAX_NAME_LENGTH} characters; got ${name.length}.`);
  return name;
}

/** The name ending in its type's extension, so a file saved from a download opens as what it is (a "PDF" never as x.html). */
export function withExtension(name: string, type: string): string {
  const extension = DOCUMENT_TYPES[type]?.extension;
  if (!extension) return name;
  const own = name.toLowerCase().split('.').pop();
  return own === extension || (extension === 'jpg' && own === 'jpeg') ? name : `${name}.${extension}`;
}

/** SHA-256 as stored: 64 lower-case hex digits. */
export const isSha256 = (value: string) => /^[0-9a-f]{64}$/.test(value);
