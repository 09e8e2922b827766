import { isWithin, parentPath, parseUnitPath } from './units';

describe('unit paths', () => {
  it('puts a unit within itself and its ancestors, by whole codes', () => {
    expect(isWithin('27.259.09238', '27')).toBe(true);
    expect(isWithin('27.259.09238', '27.259.09238')).toBe(true);
    expect(isWithin('27.259', '27.259.09238')).toBe(false);
    expect(isWithin('27.2590', '27.259')).toBe(false);
  });

  it('finds the parent path', () => {
    expect(parentPath('27.259.09238')).toBe('27.259');
    expect(parentPath('27')).toBeNull();
  });

  it('refuses a path that is not dotted codes, naming the field', () => {
    expect(() => parseUnitPath('27.%', 'filter.unitPath')).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.unitPath' } }),
    );
  });
});
