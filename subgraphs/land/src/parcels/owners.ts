/**
 * A land user's name as the public sees it: the family name in full, then initials —
 * "Nguyễn Văn An" → "Nguyễn V. A.". Enough to recognise one's own parcel, not to find a person.
 */
export function maskName(fullName: string): string {
  const [family, ...rest] = fullName.normalize('NFC').trim().split(/\s+/);
  return [family, ...rest.map((word) => `${Array.from(word)[0].toLocaleUpperCase('vi')}.`)].join(' ');
}
