import { createHash } from 'node:crypto';
import { badInput } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value is written as a UUID, the form of every id of this API. */
export const isUuid = (value: string): boolean => UUID.test(value);

/** Checks an ID argument before it reaches SQL, where a malformed uuid would be a server error. */
export function parseId(value: string, field: string): string {
  if (!isUuid(value)) throw badInput(field, `"${value}" is not an ID of this API (expected a UUID such as 3f1c2a9e-…).`);
  return value.toLowerCase();
}

/** A stable UUID derived from a name, so seeds and imports give the same row the same id every time. */
export function uuidFrom(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
