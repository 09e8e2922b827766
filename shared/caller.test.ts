import { signCaller, verifyCaller, type Caller } from './caller';

const caller: Caller = {
  sub: 'cb-01',
  role: 'OFFICIAL',
  unit: '27.259.09238',
  officialId: 'a6f1c1de-0000-4000-8000-000000000001',
  citizenId: null,
  taxCode: null,
};
const headersOf = (record: Record<string, string>) => ({ get: (name: string) => record[name] });
const request = { audience: 'dossiers', body: '{"query":"{ dossier(id: \\"1\\") { code } }"}' };

describe('signed caller header', () => {
  it('round-trips the caller signed by the gateway', () => {
    expect(verifyCaller(headersOf(signCaller(caller, 's3cret', request)), 's3cret', request)).toEqual(caller);
  });

  it('refuses a header signed with another secret', () => {
    expect(() => verifyCaller(headersOf(signCaller(caller, 'other', request)), 's3cret', request)).toThrow('does not match this request');
  });

  it('refuses an expired header', () => {
    const signed = signCaller(caller, 's3cret', request, Date.now() - 120_000);
    expect(() => verifyCaller(headersOf(signed), 's3cret', request)).toThrow('expired');
  });

  it('refuses the header with another body or for another service', () => {
    const signed = signCaller(caller, 's3cret', request);
    expect(() => verifyCaller(headersOf(signed), 's3cret', { ...request, body: '{"query":"{ dossiers { totalCount } }"}' })).toThrow(
      'does not match this request',
    );
    expect(() => verifyCaller(headersOf(signed), 's3cret', { ...request, audience: 'feedback' })).toThrow('does not match this request');
  });

  it('refuses a request with no header, telling the caller to use the gateway', () => {
    expect(() => verifyCaller(headersOf({}), 's3cret', request)).toThrow('through the gateway');
  });
});
