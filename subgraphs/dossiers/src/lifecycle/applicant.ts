import type { ApplicantKind } from '../store/entities/dossier.entity';

/** "Nguyễn Văn An" → "Nguyễn V. A.": enough for the applicant to recognise, too little to identify; a one-word name → its initial. */
export function maskName(name: string): string {
  const initial = (word: string) => `${[...word][0].toLocaleUpperCase('vi')}.`;
  const [family, ...rest] = name.trim().split(/\s+/);
  return rest.length ? [family, ...rest.map(initial)].join(' ') : initial(family);
}

/** What the public sees of who applied: a person's masked name, an organisation's own name. */
export const publicName = (kind: ApplicantKind, name: string) => (kind === 'PERSON' ? maskName(name) : name.trim());
