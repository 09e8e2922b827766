import { chromium, type Browser } from 'playwright-core';
import { config } from '../shared/config';
import { issueToken } from '../gateway/src/auth';
import { EXAMPLES } from '../gateway/explorer/examples';
import { startTestStack, type TestStack } from './support/stack';

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
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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

    const newest = [...stack.demo.dossiers].sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime())[0]!;
    await expect(result.textContent()).resolves.toContain(newest.code);
    const outside = requested.filter((url) => !/^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:)/.test(url));
    expect(outside).toEqual([]);
    expect(requested.some((url) => url.endsWith('/graphql'))).toBe(true);
  });

  it.each(EXAMPLES.map((example) => [example.title, example.query]))('runs the example "%s" without errors', async (_title, query) => {
    const token = await stack.token({ role: 'ADMIN', unit: '27' });
    const { errors, data } = await stack.gql(query, {}, token);
    expect(errors).toBeUndefined();
    expect(Object.values(data).every((value) => value !== null)).toBe(true);
  });

  it('writes Vietnamese in its editors with a bundled monospace face: "Hồ sơ" and "Bắc Ninh" as wide as their letters without marks', async () => {
    const page = await browser.newPage();
    await page.goto(stack.gatewayUrl.replace(/\/graphql$/, '/'));
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
    const measured = await page.evaluate(async () => {
      await document.fonts.load('16px "Noto Sans Mono"', 'Hồ sơ Bắc Ninh');
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = '16px "Noto Sans Mono"';
      const width = (text: string) => context.measureText(text).width;
      return {
        // The bundled face that carries the Vietnamese letters (ồ, ơ, ắ: U+1EA0–U+1EF9) is there and loaded.
        loaded: Array.from(document.fonts as unknown as Iterable<FontFace>).some((face) => face.family.includes('Noto Sans Mono') && /U\+1EA0/i.test(face.unicodeRange) && face.status === 'loaded'),
        // In one monospace face every letter has one width; a letter drawn from a fallback face would not.
        widths: [width('Hồ sơ'), width('Ho so'), width('Bắc Ninh'), width('Bac Ninh')],
        editorFont: getComputedStyle(document.querySelector('.monaco-editor .view-lines')!).fontFamily,
      };
    });
    expect(measured.loaded).toBe(true);
    expect(measured.widths[0]).toBe(measured.widths[1]);
    expect(measured.widths[2]).toBe(measured.widths[3]);
    expect(measured.editorFont).toContain('Noto Sans Mono');
    await page.close();
  });
});
