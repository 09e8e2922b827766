import { CALLER_HEADER, callerClaims, SIGNATURE_HEADER, signature, signCaller, subgraphKey, verifyCaller, type Caller } from './caller';

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
const dossiersKey = subgraphKey('s3cret', 'dossiers');

describe('signed caller header', () => {
  it('round-trips the caller signed by the gateway, checked with the receiving subgraph key', () => {
    expect(verifyCaller(headersOf(signCaller(caller, 's3cret', request)), dossiersKey, request)).toEqual(caller);
  });

  it('refuses a header signed with another secret', () => {
    expect(() => verifyCaller(headersOf(signCaller(caller, 'other', request)), dossiersKey, request)).toThrow('does not match this request');
  });

  it("refuses a header a subgraph signs with its own key for another subgraph: a unit's subgraph cannot act as the gateway", () => {
    const claims = callerClaims({ ...caller, role: 'ADMIN', unit: '27' });
    const forged = { [CALLER_HEADER]: claims, [SIGNATURE_HEADER]: signature(claims, request, subgraphKey('s3cret', 'land')) };
    expect(() => verifyCaller(headersOf(forged), dossiersKey, request)).toThrow('does not match this request');
    expect(subgraphKey('s3cret', 'land')).not.toEqual(dossiersKey);
  });

  it('refuses an expired header', () => {
    const signed = signCaller(caller, 's3cret', request, Date.now() - 120_000);
    expect(() => verifyCaller(headersOf(signed), dossiersKey, request)).toThrow('expired');
  });

  it('refuses the header with another body or for another service', () => {
    const signed = signCaller(caller, 's3cret', request);
    expect(() => verifyCaller(headersOf(signed), dossiersKey, { ...request, body: '{"query":"{ dossiers { totalCount } }"}' })).toThrow(
      'does not match this request',
    );
    expect(() => verifyCaller(headersOf(signed), subgraphKey('s3cret', 'feedback'), { ...request, audience: 'feedback' })).toThrow(
      'does not match this request',
    );
  });

  it('refuses a request with no header, telling the caller to use the gateway', () => {
    expect(() => verifyCaller(headersOf({}), dossiersKey, request)).toThrow('through the gateway');
  });
});
