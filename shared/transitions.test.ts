import { defineProcess } from './transitions';

const LAMP = defineProcess(['OFF', 'ON', 'BROKEN'] as const, {
  moves: { switchOn: { to: 'ON' }, switchOff: { to: 'OFF' }, check: { to: null }, drop: { to: 'BROKEN' } },
  allowedFrom: { OFF: ['switchOn', 'check', 'drop'], ON: ['switchOff', 'check', 'drop'], BROKEN: [] },
});

describe('a process defined as data', () => {
  it('leads each allowed action to its status, and keeps the status for an action that changes none', () => {
    expect(LAMP.next('OFF', 'switchOn', 'The lamp', 'input.lampId')).toBe('ON');
    expect(LAMP.next('ON', 'check', 'The lamp', 'input.lampId')).toBe('ON');
    expect(LAMP.next('OFF', 'check', 'The lamp', 'input.lampId')).toBe('OFF');
  });

  it('refuses an action from a status that does not list it with CONFLICT naming the statuses it needs and the field', () => {
    const error = (() => {
      try {
        LAMP.next('BROKEN', 'switchOn', 'The lamp', 'input.lampId');
      } catch (e) {
        return e as { message: string; extensions: Record<string, unknown> };
      }
    })();
    expect(error?.message).toBe('The lamp is BROKEN; switchOn applies only to one that is OFF.');
    expect(error?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.lampId' });
  });

  it('refuses, when the table loads, an action no status allows', () => {
    expect(() =>
      defineProcess(['OFF', 'ON'] as const, { moves: { switchOn: { to: 'ON' }, repair: { to: 'OFF' } }, allowedFrom: { OFF: ['switchOn'], ON: [] } }),
    ).toThrow('No status allows repair');
  });

  it('answers where each action may start, in the order the statuses were given', () => {
    expect(LAMP.actions).toEqual(['switchOn', 'switchOff', 'check', 'drop']);
    expect(LAMP.sources('drop')).toEqual(['OFF', 'ON']);
    expect(LAMP.sources('switchOn')).toEqual(['OFF']);
    expect(LAMP.allows('BROKEN', 'check')).toBe(false);
  });
});
