import type { MoveInput } from '../src/lifecycle/moves';

/** An input every move accepts (each finds the field it needs), for tests that try every action. */
export const inputForAnyMove = (): MoveInput => ({
  reason: 'Lý do',
  missingItems: ['Tờ khai'],
  handedIn: ['Tờ khai'],
  amountVnd: 1000,
  newDueAt: new Date('2030-01-01'),
  outcome: 'APPROVED',
  method: 'IN_PERSON',
});
