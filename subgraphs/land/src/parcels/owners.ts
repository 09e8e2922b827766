/**
 * A land user's name as the public sees it: the family name in full, then initials —
 * "Nguyễn Văn An" → "Nguyễn V. A."; a name of one word is only its initial. Enough to recognise
 * one's own parcel, not to find a person.
 */
export function maskName(fullName: string): string {
  const words = fullName.normalize('NFC').trim().split(/\s+/);
  const initial = (word: string) => `${Array.from(word)[0].toLocaleUpperCase('vi')}.`;
  return words.length === 1 ? initial(words[0]) : [words[0], ...words.slice(1).map(initial)].join(' ');
}
