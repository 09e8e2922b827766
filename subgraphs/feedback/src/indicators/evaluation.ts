import type { SatisfactionLevel } from '../ratings/levels';

/** What the dossiers subgraph tells about a dossier (through `@requires`), and what feedback holds on it. */
export interface DossierFacts {
  status: string;
  channel: 'IN_PERSON' | 'POSTAL' | 'ONLINE';
  timeliness: 'EARLY' | 'ON_TIME' | 'LATE' | 'IN_TIME' | 'OVERDUE' | null;
  stepsTimeliness: 'EARLY' | 'ON_TIME' | 'LATE' | null;
  supplementCount: number;
}

export interface PetitionFacts {
  resolveBy: Date;
  answeredAt: Date | null;
}

export interface Indicator {
  number: number;
  name: string;
  /** 2, 1 or 0; null when the platform holds nothing to score it on. */
  score: number | null;
  basis: string;
}

export type Band = 'EXCELLENT' | 'GOOD' | 'FAIR' | 'AVERAGE' | 'WEAK';

const finishedGrade = (t: DossierFacts['timeliness']) => (t === 'EARLY' || t === 'ON_TIME' || t === 'LATE' ? t : null);
const byTime = (grade: DossierFacts['stepsTimeliness']) => (grade === 'EARLY' ? 2 : grade === 'ON_TIME' ? 1 : 0);
const attitudeScore = (level: SatisfactionLevel) => (level === 'VERY_SATISFIED' || level === 'SATISFIED' ? 2 : level === 'NEUTRAL' ? 1 : 0);

/**
 * Decree 61's per-dossier evaluation: nine indicators scored 2/1/0, at most 18, from the dossier's
 * own data. Only finished dossiers are evaluated. Indicators 4–6 follow from how the platform
 * works: the citizen deals with one desk, which receives and returns, for a published procedure.
 */
export function evaluateDossier(facts: DossierFacts, attitudes: SatisfactionLevel[], petitions: PetitionFacts[], now: Date) {
  if (facts.status !== 'PROCESSED' && facts.status !== 'RESULT_RETURNED') return null;
  const contacts = 1 + facts.supplementCount;
  const lastAttitude = attitudes[attitudes.length - 1];
  const overdueOpen = petitions.some((p) => !p.answeredAt && now > p.resolveBy);
  const answeredLate = petitions.some((p) => p.answeredAt && p.answeredAt > p.resolveBy);
  const petitionScore = overdueOpen ? 0 : answeredLate ? 1 : 2;
  const indicators: Indicator[] = [
    {
      number: 1,
      name: 'Tổng thời gian giải quyết so với quy định',
      score: byTime(finishedGrade(facts.timeliness)),
      basis: `finished ${facts.timeliness ?? 'unknown'} against its due date`,
    },
    {
      number: 2,
      name: 'Thời gian thực hiện của từng cơ quan so với quy định',
      score: byTime(facts.stepsTimeliness ?? finishedGrade(facts.timeliness)),
      basis: facts.stepsTimeliness
        ? `each step against its own allotment: ${facts.stepsTimeliness}`
        : 'no liên thông steps: the one agency’s time is the total time',
    },
    {
      number: 3,
      name: 'Số lần phải liên hệ để hoàn thiện hồ sơ',
      score: contacts <= 1 ? 2 : contacts === 2 ? 1 : 0,
      basis: `${contacts} contact(s): reception and ${facts.supplementCount} supplement request(s)`,
    },
    {
      number: 4,
      name: 'Số cơ quan phải liên hệ',
      score: 2,
      basis: 'one desk receives and returns; other agencies are reached by liên thông, not by the applicant',
    },
    { number: 5, name: 'Thực hiện cơ chế một cửa', score: 2, basis: 'received and returned through the one-stop desk' },
    { number: 6, name: 'Công khai thủ tục hành chính', score: 2, basis: 'received under a procedure version published in the catalogue' },
    {
      number: 7,
      name: 'Thái độ của cán bộ',
      score: lastAttitude ? attitudeScore(lastAttitude) : null,
      basis: lastAttitude ? `the citizen rated the attitude ${lastAttitude}` : 'not rated by the citizen',
    },
    {
      number: 8,
      name: 'Tiếp nhận, xử lý phản ánh, kiến nghị',
      score: petitionScore,
      basis: petitions.length ? `${petitions.length} petition(s) about the dossier` : 'no petition about the dossier',
    },
    {
      number: 9,
      name: 'Cung cấp dịch vụ công trực tuyến',
      score: facts.channel === 'ONLINE' ? 2 : facts.channel === 'POSTAL' ? 1 : 0,
      basis: `filed ${facts.channel}`,
    },
  ];
  const scored = indicators.filter((i) => i.score !== null);
  const score = scored.reduce((sum, i) => sum + i.score!, 0);
  // With an indicator unscored, the band is read on the scale of those scored.
  const onEighteen = (score * 18) / (scored.length * 2);
  return { indicators, score, maxScore: scored.length * 2, band: band(onEighteen) };
}

/** >15 excellent, 12–15 good, 9–12 fair, 6–9 average, <6 weak (a boundary belongs to the band above it, 15 aside). */
export function band(onEighteen: number): Band {
  if (onEighteen > 15) return 'EXCELLENT';
  if (onEighteen >= 12) return 'GOOD';
  if (onEighteen >= 9) return 'FAIR';
  if (onEighteen >= 6) return 'AVERAGE';
  return 'WEAK';
}
