import { connect } from 'node:net';
import http from 'node:http';
import { serverAudits } from 'graphql-http';
import { startTestStack, type TestStack } from '../support/stack';

/** One keep-alive socket for all requests, as a portal's HTTP client reuses it. */
function keepAliveClient(url: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return {
    post(body: string | Buffer, headers: Record<string, string> = {}): Promise<{ status: number; body: any; ms: number }> {
      const started = Date.now();
      return new Promise((resolve, reject) => {
        const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: response.statusCode!, body: text ? JSON.parse(text) : null, ms: Date.now() - started });
          });
        });
        request.on('error', reject);
        request.setTimeout(5_000, () => request.destroy(new Error('no answer within 5 s')));
        request.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

describe('the gateway over HTTP', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ dossiers: 20 });
  });
  afterAll(() => stack.stop());

  it('answers a 5 MB body with 413 and a code, and the next requests on the same keep-alive connection at once', async () => {
    const client = keepAliveClient(stack.gatewayUrl);
    try {
      const ok = JSON.stringify({ query: '{ fields { code } }' });
      expect((await client.post(ok)).status).toBe(200);
      const huge = await client.post(JSON.stringify({ query: `{ fields { code } } # ${'x'.repeat(5_000_000)}` }));
      expect([huge.status, huge.body.errors[0].extensions.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      for (let i = 0; i < 3; i += 1) {
        const next = await client.post(ok);
        expect(next.status).toBe(200);
        expect(next.ms).toBeLessThan(1_000);
      }
    } finally {
      client.close();
    }
  });

  it('lets a client that sends 5 MB read the 413 instead of a broken pipe', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ fields { code } } # ${'x'.repeat(5_000_000)}` }),
    });
    expect([response.status, (await response.json()).errors[0].extensions.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('answers a Host no URL can be made of, and brackets nested beyond any real operation, with 400 and a code', async () => {
    const raw = (host: string) =>
      new Promise<string>((resolve, reject) => {
        const url = new URL(stack.gatewayUrl);
        const socket = connect(Number(url.port), url.hostname, () => {
          const body = '{"query":"{ fields { code } }"}';
          socket.end(
            `POST /graphql HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
          );
        });
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
    for (const host of ['a b', '[', '%', '', '  ']) {
      const answer = await raw(host);
      expect(answer).toMatch(/^HTTP\/1\.1 400/);
      expect(answer).toContain('"code":"BAD_REQUEST"');
    }
    const deep = await stack.gql(`{ unit(code: ${'['.repeat(3000)}"x"${']'.repeat(3000)}) { code } }`);
    expect([deep.status, deep.errors![0].extensions!.code]).toEqual([400, 'BAD_REQUEST']);
  });

  it('refuses persisted queries with a code, a hash alone included, and reads "bearer" in any case', async () => {
    // Persisted queries are off: no operation named by its hash alone escapes the limits that read its text.
    for (const body of [
      { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } },
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38' } } },
    ]) {
      const response = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const answer = await response.json();
      expect([answer.errors[0].extensions.code, answer.data]).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED', undefined]);
    }
    const token = await stack.token({ role: 'OFFICIAL', unit: '27.259.09238' });
    const lower = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `bearer ${token}` },
      body: JSON.stringify({ query: '{ dossiers(first: 1) { totalCount } }' }),
    });
    expect(lower.status).toBe(200);
  });

  it('answers malformed JSON with 400 and a code', async () => {
    const client = keepAliveClient(stack.gatewayUrl);
    try {
      const answer = await client.post('{"query": "{ fields { code } }"');
      expect([answer.status, answer.body.errors[0].extensions.code]).toEqual([400, 'BAD_REQUEST']);
      expect(JSON.stringify(answer.body)).not.toMatch(/at .*\.js|node_modules|Unexpected end/);
    } finally {
      client.close();
    }
  });

  it('answers a bad token with 401 UNAUTHENTICATED, and a token with a malformed unit too', async () => {
    const bad = await stack.gql('{ fields { code } }', {}, 'not-a-token');
    expect([bad.status, bad.errors![0].extensions!.code]).toEqual([401, 'UNAUTHENTICATED']);
    const malformed = await stack.gql('{ fields { code } }', {}, await stack.token({ role: 'OFFICIAL', unit: '27..x/y' }));
    expect([malformed.status, malformed.errors![0].extensions!.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('answers an operation over the token limit as a request that never ran: 400 for graphql-response+json, 200 for json', async () => {
    const query = `{ ${Array.from({ length: 1500 }, (_, i) => `f${i}: fields { code }`).join(' ')} }`;
    for (const [accept, status] of [
      ['application/graphql-response+json', 400],
      ['application/json', 200],
    ] as const) {
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
      expect([accept, response.status, 'data' in body, body.errors[0].extensions.code]).toEqual([accept, status, false, 'GRAPHQL_VALIDATION_FAILED']);
      expect(body.errors[0].message).toMatch(/Token limit of 2000/);
    }
  });

  it('passes the GraphQL-over-HTTP audit with no warning and no error', async () => {
    const results = await Promise.all(serverAudits({ url: stack.gatewayUrl }).map(async (audit) => ({ ...(await audit.fn()), name: audit.name })));
    const notOk = results
      .filter((r) => r.status === 'warn' || r.status === 'error')
      .map((r) => `${r.status}: ${r.name} — ${'reason' in r ? r.reason : ''}`);
    expect(notOk).toEqual([]);
  });
});
