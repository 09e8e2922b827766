import { badInput } from './errors';

// How people are reached: one rule for every email address and phone number the platform stores,
// since a notice to an address that cannot be one fails on every retry.

/** An address mail servers deliver to: a dot-atom local part of at most 64 characters, a domain of DNS labels with a top level of letters. */
const EMAIL =
  /^(?=.{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const MAX_EMAIL = 254;
/** Vietnamese numbers: 0 or +84, then a digit other than 0 and 8–9 more; spaces, dots and dashes between digits are dropped. */
const PHONE = /^(?:\+84|0)[1-9]\d{8,9}$/;

/** The address trimmed, or null when none was given; a value that cannot be an address is refused. */
export function emailOf(value: string | null | undefined, field: string): string | null {
  const email = value?.trim();
  if (!email) return null;
  if (email.length > MAX_EMAIL || !EMAIL.test(email))
    throw badInput(field, `"${email.slice(0, 60)}" is not an email address (name@example.vn); notices sent to it would never arrive.`);
  return email;
}

/** The number without separators, or null when none was given; a value that is not a Vietnamese phone number is refused. */
export function phoneOf(value: string | null | undefined, field: string): string | null {
  const raw = value?.trim();
  if (!raw) return null;
  const phone = raw.replace(/[\s.-]/g, '');
  if (!PHONE.test(phone)) throw badInput(field, `"${raw.slice(0, 30)}" is not a Vietnamese phone number (0912 345 678 or +84 912 345 678).`);
  return phone;
}
