import { WorkingCalendar } from '../../../shared/calendar';
import { petitionDeadlines, publishDeadline } from '../src/petitions/deadlines';

const at = (local: string) => new Date(`${local}+07:00`);

describe('petition (PAKN) deadlines in working days', () => {
  const calendar = new WorkingCalendar();

  it('skips Tết 2026 (16–20 February) and the weekends around it', () => {
    // Friday 13 Feb 10:00: 5 working hours left that day, then nothing until Monday 23 Feb.
    expect(petitionDeadlines(at('2026-02-13T10:00:00'), calendar)).toEqual({
      rejectBy: at('2026-02-24T10:00:00'), // 5 h + 8 h (23rd) + 3 h
      informationBy: at('2026-02-27T10:00:00'), // 5 h + 4 × 8 h + 3 h
      resolveBy: at('2026-03-13T10:00:00'), // 5 h + 14 × 8 h + 3 h
    });
  });

  it('counts a petition sent at night from the next morning', () => {
    expect(petitionDeadlines(at('2026-03-10T21:00:00'), calendar).rejectBy).toEqual(at('2026-03-12T17:00:00'));
  });

  it('gives two working days to publish an answer, past 30 April, 1 May and a weekend', () => {
    // Wednesday 29 Apr 16:00: 1 h left, then Monday 4 May (8 h), then 7 h on Tuesday 5 May.
    expect(publishDeadline(at('2026-04-29T16:00:00'), calendar)).toEqual(at('2026-05-05T16:00:00'));
  });
});
