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
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) throw badInput(field, 'A file name has no control characters.');
  if (name.length > MAX_NAME_LENGTH) throw badInput(field, `A file name has at most ${MAX_NAME_LENGTH} characters; got ${name.length}.`);
  return name;
}

/** SHA-256 as stored: 64 lower-case hex digits. */
export const isSha256 = (value: string) => /^[0-9a-f]{64}$/.test(value);
