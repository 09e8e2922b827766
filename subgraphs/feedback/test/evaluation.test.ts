import { band, evaluateDossier, type DossierFacts } from '../src/indicators/evaluation';

const NOW = new Date('2026-11-20T10:00:00+07:00');

/**
 * A liên thông dossier finished early overall, one step on its due date, one supplement request,
 * filed by post, attitude rated neutral, one petition answered late.
 */
const HAND_BUILT: DossierFacts = {
  status: 'RESULT_RETURNED',
  channel: 'POSTAL',
  timeliness: 'EARLY',
  stepsTimeliness: 'ON_TIME',
  supplementCount: 1,
};

describe("Decree 61's nine-indicator evaluation of a dossier", () => {
  it('scores a hand-built dossier indicator by indicator, and bands the total', () => {
    const petitions = [{ resolveBy: new Date('2026-10-01T17:00:00+07:00'), answeredAt: new Date('2026-10-02T09:00:00+07:00') }];
    const evaluation = evaluateDossier(HAND_BUILT, ['NEUTRAL'], petitions, NOW)!;
    // 1 early 2, 2 a step on time 1, 3 two contacts 1, 4 one desk 2, 5 one-stop 2, 6 published 2, 7 neutral 1, 8 answered late 1, 9 by post 1.
    expect(evaluation.indicators.map((i) => i.score)).toEqual([2, 1, 1, 2, 2, 2, 1, 1, 1]);
    expect([evaluation.score, evaluation.maxScore, evaluation.band]).toEqual([13, 18, 'GOOD']);
  });

  it('scores the best case 18, excellent, and a late, twice-supplemented, unanswered-petition case weak', () => {
    const best = evaluateDossier(
      { status: 'PROCESSED', channel: 'ONLINE', timeliness: 'EARLY', stepsTimeliness: null, supplementCount: 0 },
      ['VERY_SATISFIED'],
      [],
      NOW,
    )!;
    expect([best.score, best.band]).toEqual([18, 'EXCELLENT']);
    const overdue = [{ resolveBy: new Date('2026-11-01T17:00:00+07:00'), answeredAt: null }];
    const worst = evaluateDossier(
      { status: 'RESULT_RETURNED', channel: 'IN_PERSON', timeliness: 'LATE', stepsTimeliness: 'LATE', supplementCount: 2 },
      ['VERY_DISSATISFIED'],
      overdue,
      NOW,
    )!;
    expect(worst.indicators.map((i) => i.score)).toEqual([0, 0, 0, 2, 2, 2, 0, 0, 0]);
    expect([worst.score, worst.band]).toEqual([6, 'AVERAGE']);
  });

  it('leaves the attitude unscored when nobody rated, and bands on the scale of what was scored', () => {
    const evaluation = evaluateDossier(HAND_BUILT, [], [], NOW)!;
    expect(evaluation.indicators[6].score).toBeNull();
    expect([evaluation.score, evaluation.maxScore]).toEqual([13, 16]);
    expect(evaluation.band).toBe('GOOD'); // 13 of 16 is 14.6 of 18
  });

  it('evaluates only processed dossiers', () => {
    expect(evaluateDossier({ ...HAND_BUILT, status: 'PROCESSING', timeliness: 'IN_TIME' }, [], [], NOW)).toBeNull();
  });

  it('puts each boundary where Decree 61 does', () => {
    expect([15.5, 15, 12, 11.9, 9, 8.9, 6, 5.9].map(band)).toEqual(['EXCELLENT', 'GOOD', 'GOOD', 'FAIR', 'FAIR', 'AVERAGE', 'AVERAGE', 'WEAK']);
  });
});
