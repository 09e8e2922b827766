import { chromium, type Browser } from 'playwright-core';
import { config } from '../shared/config';
import { issueToken } from '../gateway/src/auth';
import { EXAMPLES, JOURNEY_OPERATIONS } from '../gateway/explorer/examples';
import { postGraphQL, startTestStack, type TestStack } from './support/stack';

/** Debian's Chromium, installed by .ci/run; never a browser downloaded at install time. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('the explorer page', () => {
  let stack: TestStack;
  let browser: Browser;
  beforeAll(async () => {
    const token = await issueToken({ sub: 'explorer-test', role: 'ADMIN', unit: '27' }, config.jwtSecret);
    stack = await startTestStack({ dossiers: 30 }, token);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('loads GraphiQL from the gateway, runs the example query, and requests nothing outside localhost', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const explorerUrl = stack.gatewayUrl.replace(/\/graphql$/, '/');

    await page.goto(explorerUrl);
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await result.getByText('"totalCount"').waitFor({ timeout: 30_000 });

    const newest = [...stack.demo.dossiers].sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime())[0];
    // The pane wraps long lines (the examples pane beside it takes room): compare without the wrapping.
    expect((await result.textContent())!.replace(/\s+/g, '')).toContain(newest.code);
    const outside = requested.filter((url) => !/^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:)/.test(url));
    expect(outside).toEqual([]);
    expect(requested.some((url) => url.endsWith('/graphql'))).toBe(true);
  });

  const queries = EXAMPLES.filter((example) => !example.variables);
  it.each(queries.map((example) => [example.title, example.query]))('runs the example "%s" without errors', async (_title, query) => {
    const token = await stack.token({ role: 'ADMIN', unit: '27' });
    const { errors, data } = await stack.gql(query, {}, token);
    expect(errors).toBeUndefined();
    expect(Object.values(data).every((value) => value !== null)).toBe(true);
  });

  it("runs the journey example's operations in order with its variables: transfer, supplement asked and given, history", async () => {
    const journey = EXAMPLES.find((example) => example.variables)!;
    const token = await stack.token({ role: 'ADMIN', unit: '27' });
    const run = async (operationName: string, variables: Record<string, unknown>) => {
      const answer = await postGraphQL<any>(
        stack.gatewayUrl,
        { query: journey.query, operationName, variables },
        { authorization: `Bearer ${token}` },
      );
      expect(answer.errors).toBeUndefined();
      return answer.data;
    };
    const variables = { ...journey.variables };
    const seen: unknown[] = [];
    for (const operation of JOURNEY_OPERATIONS) {
      const data = await run(operation, operation === 'ReceivedDossiers' ? {} : variables);
      if (operation === 'ReceivedDossiers') variables.dossierId = data.dossiers.nodes[0].id;
      seen.push(Object.values(data)[0]);
    }
    expect(seen.slice(1, 4).map((answer: any) => answer.dossier.status)).toEqual(['PROCESSING', 'SUPPLEMENT_REQUESTED', 'PROCESSING']);
    expect((seen[4] as any).history.map((event: { action: string }) => event.action).slice(-3)).toEqual([
      'TRANSFER_DOSSIER',
      'REQUEST_SUPPLEMENT',
      'RECEIVE_SUPPLEMENT',
    ]);
  });

  it('lists every example by its title, and opens one with its variables', async () => {
    const page = await browser.newPage();
    await page.goto(stack.gatewayUrl.replace(/\/graphql$/, '/'));
    const pane = page.getByRole('navigation', { name: 'Ví dụ' });
    for (const example of EXAMPLES) await pane.getByRole('button', { name: example.title }).waitFor({ timeout: 30_000 });
    await pane.getByRole('button', { name: EXAMPLES.at(-1)!.title }).click();
    await page.getByText('transferRequestId').first().waitFor({ timeout: 10_000 });
    // Monaco draws spaces as no-break spaces.
    expect((await page.locator('.graphiql-query-editor').textContent())!.replace(/\s/g, ' ')).toContain('mutation Transfer(');
    await page.close();
  });

  it('writes Vietnamese in its editors with a bundled monospace face: "Hồ sơ" and "Bắc Ninh" as wide as their letters without marks', async () => {
    const page = await browser.newPage();
    await page.goto(stack.gatewayUrl.replace(/\/graphql$/, '/'));
    // The query pane, and the result pane once an answer with Vietnamese names is in it.
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText('"totalCount"').waitFor({ timeout: 30_000 });
    const measured = await page.evaluate(async () => {
      await document.fonts.load('16px "Noto Sans Mono"', 'Hồ sơ Bắc Ninh');
      /** Widths of text drawn inside a pane's own lines, in the face that pane uses. */
      const inPane = (selector: string) => {
        const lines = document.querySelector(`${selector} .view-lines`)!;
        const width = (text: string) => {
          const span = document.createElement('span');
          span.textContent = text;
          lines.appendChild(span);
          const measuredWidth = span.getBoundingClientRect().width;
          span.remove();
          return measuredWidth;
        };
        return { font: getComputedStyle(lines).fontFamily, widths: [width('Hồ sơ'), width('Ho so'), width('Bắc Ninh'), width('Bac Ninh')] };
      };
      return {
        // The bundled face that carries the Vietnamese letters (ồ, ơ, ắ: U+1EA0–U+1EF9) is there and loaded.
        loaded: Array.from(document.fonts as unknown as Iterable<FontFace>).some(
          (face) => face.family.includes('Noto Sans Mono') && /U\+1EA0/i.test(face.unicodeRange) && face.status === 'loaded',
        ),
        query: inPane('.graphiql-query-editor'),
        result: inPane('.result-window'),
      };
    });
    expect(measured.loaded).toBe(true);
    // In one monospace face every letter has one width; a letter drawn from a fallback face would not.
    for (const pane of [measured.query, measured.result]) {
      expect(pane.font).toContain('Noto Sans Mono');
      expect(pane.widths[0]).toBeGreaterThan(0);
      expect(pane.widths[0]).toBeCloseTo(pane.widths[1], 3);
      expect(pane.widths[2]).toBeCloseTo(pane.widths[3], 3);
    }
    await page.close();
  });
});
