import { PROCESS } from '../src/lifecycle/actions';
import { IN_PROCESS, OPEN } from '../src/status';

/** The transition table is written status by status; the national status sets say where the actions that span them may start. */
describe("a dossier's process", () => {
  it("lets the applicant's withdrawal start from a new dossier and any open one, at the desk or online", () => {
    expect(PROCESS.sources('withdraw')).toEqual(['NEW', ...OPEN]);
    // Online, before the desk received it, the citizen cancels the filing instead: it ends not received.
    expect(PROCESS.sources('withdrawOwn')).toEqual(OPEN);
    expect(PROCESS.sources('cancelOwn')).toEqual(['NEW']);
  });

  it('stops and reschedules only a dossier being processed, and names a handler of any open one', () => {
    expect(PROCESS.sources('stop')).toEqual(IN_PROCESS);
    expect(PROCESS.sources('reschedule')).toEqual(IN_PROCESS);
    expect(PROCESS.sources('assignHandler')).toEqual(OPEN);
  });

  it('leaves final statuses final', () => {
    for (const status of ['NOT_RECEIVED', 'WITHDRAWN', 'STOPPED', 'RESULT_RETURNED'] as const) {
      expect(PROCESS.actions.filter((action) => PROCESS.allows(status, action))).toEqual([]);
    }
  });

  it('lets citizens make only their own moves, and officials none of those', () => {
    const citizens = PROCESS.actions.filter((action) => (PROCESS.moves[action].roles as readonly string[]).includes('CITIZEN'));
    expect(citizens.sort()).toEqual(['cancelOwn', 'supplementOwn', 'withdrawOwn']);
    expect(citizens.every((action) => PROCESS.moves[action].by === 'FILER')).toBe(true);
  });
});
