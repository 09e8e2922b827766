/**
 * Expected answers computed without PostgreSQL, so a test checks the database's folding rather
 * than repeating it: Unicode decomposition, combining marks dropped, đ → d, lower case.
 */
export const foldVietnamese = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
