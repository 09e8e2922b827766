import { badInput } from './errors';

/**
 * A person's name in the Vietnamese (Latin) alphabet: letters with at most two marks each, words
 * joined by spaces, apostrophes or hyphens ("Ksor H'Bia"). Other scripts' look-alikes and invisible
 * fillers are letters too, so the script is named.
 */
const LETTER = '\\p{Script=Latin}\\p{M}{0,2}';
const PERSON_NAME = new RegExp(`^(?:${LETTER})+(?:[ '’-](?:${LETTER})+)*$`, 'u');
const EMAIL = /^[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/;
const PHONE = /^\+?[0-9 .-]{8,15}$/;

/** Số định danh cá nhân (căn cước): 12 digits. */
export const isCitizenId = (value: string) => /^\d{12}$/.test(value);
/** Mã số thuế: 10 digits, and a branch's 3 after a dash. */
export const isTaxCode = (value: string) => /^\d{10}(-\d{3})?$/.test(value);

/**
 * A person's name as written on their papers, in one canonical form (NFC, single spaces). Digits,
 * brackets and invisible characters are refused: they would ride along into the masked public name.
 */
export function personName(value: string, field: string, what = 'The name'): string {
  // NFKC: a fullwidth or styled letter becomes the letter it looks like, then must pass as one.
  const name = value.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (!name || name.length > 200 || !PERSON_NAME.test(name)) {
    throw badInput(field, `${what} is written in letters, as on the papers (e.g. "Nguyễn Thị Ánh Tuyết"), without digits or other signs.`);
  }
  return name;
}

/** A way to reach someone: a phone number or an email address; null when none was given. */
export function contact(value: string | null | undefined, field: string): string | null {
  const given = value?.trim();
  if (!given) return null;
  if (PHONE.test(given)) return given;
  return emailAddress(given, field);
}

/** A phone number (8 to 15 digits, spaces, dots or dashes, a leading +), or null when none was given. */
export function phoneNumber(value: string | null | undefined, field: string): string | null {
  const phone = value?.trim();
  if (!phone) return null;
  if (!PHONE.test(phone)) throw badInput(field, `"${phone.slice(0, 40)}" is not a phone number (8 to 15 digits).`);
  return phone;
}

/** An email address people can write to, or null when none was given. */
export function emailAddress(value: string | null | undefined, field: string): string | null {
  const email = value?.trim();
  if (!email) return null;
  if (email.length > 254 || !EMAIL.test(email)) throw badInput(field, `"${email.slice(0, 60)}" is not an email address (name@domain.vn).`);
  return email;
}
