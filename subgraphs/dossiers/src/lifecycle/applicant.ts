import type { ApplicantKind } from '../entities/dossier.entity';

/** "Nguyễn Văn An" → "Nguyễn V. A.": enough for the applicant to recognise, too little to identify. */
export function maskName(name: string): string {
  const [family, ...rest] = name.trim().split(/\s+/);
  return [family, ...rest.map((word) => `${word.charAt(0).toLocaleUpperCase('vi')}.`)].join(' ');
}

/** What the public sees of who applied: a person's masked name, an organisation's own name. */
export const publicName = (kind: ApplicantKind, name: string) => (kind === 'PERSON' ? maskName(name) : name.trim());
