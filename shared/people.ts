import { badInput } from './errors';

/** A person's name: letters with their tone marks, words joined by spaces, apostrophes or hyphens ("Ksor H'Bia"). */
const PERSON_NAME = /^[\p{L}\p{M}]+(?:[ '’-][\p{L}\p{M}]+)*$/u;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

/**
 * A person's name as written on their papers, in one canonical form (NFC, single spaces). Digits,
 * brackets and invisible characters are refused: they would ride along into the masked public name.
 */
export function personName(value: string, field: string, what = 'The name'): string {
  const name = value.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!name || name.length > 200 || !PERSON_NAME.test(name)) {
    throw badInput(field, `${what} is written in letters, as on the papers (e.g. "Nguyễn Thị Ánh Tuyết"), without digits or other signs.`);
  }
  return name;
}

/** An email address people can write to, or null when none was given. */
export function emailAddress(value: string | null | undefined, field: string): string | null {
  const email = value?.trim();
  if (!email) return null;
  if (email.length > 254 || !EMAIL.test(email)) throw badInput(field, `"${email.slice(0, 60)}" is not an email address (name@domain.vn).`);
  return email;
}
