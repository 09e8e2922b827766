import { signCaller, verifyCaller, type Caller } from './caller';

const caller: Caller = { sub: 'cb-01', role: 'OFFICIAL', unit: '27.259.09238' };
const headersOf = (record: Record<string, string>) => ({ get: (name: string) => record[name] });

describe('signed caller header', () => {
  it('round-trips the caller signed by the gateway', () => {
    expect(verifyCaller(headersOf(signCaller(caller, 's3cret')), 's3cret')).toEqual(caller);
  });

  it('refuses a header signed with another secret', () => {
    expect(() => verifyCaller(headersOf(signCaller(caller, 'other')), 's3cret')).toThrow('does not match its signature');
  });

  it('refuses an expired header', () => {
    const signed = signCaller(caller, 's3cret', Date.now() - 120_000);
    expect(() => verifyCaller(headersOf(signed), 's3cret')).toThrow('expired');
  });

  it('refuses a request with no header, telling the caller to use the gateway', () => {
    expect(() => verifyCaller(headersOf({}), 's3cret')).toThrow('through the gateway');
  });
});
