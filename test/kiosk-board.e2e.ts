import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { startTestStack, type TestStack } from './support/stack';

/** Debian's Chromium, installed by .ci/run; never a browser downloaded at install time. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CENTRE = '27-TTHCC';
const CALL = `mutation ($input: CallNextTicketInput!) { callNextTicket(input: $input) { ticket { number } } }`;
/** Screenshots are kept for a person to look at; the test reads them too. */
const SHOTS = path.join(os.tmpdir(), 'motcua-screenshots');

/** How many pixels of a PNG differ from its first pixel: a blank (or unrendered) page has none. */
function inkedPixels(png: Buffer): number {
  const image = PNG.sync.read(png);
  const [r, g, b] = image.data;
  let inked = 0;
  for (let i = 0; i < image.data.length; i += 4)
    if (Math.abs(image.data[i] - r) + Math.abs(image.data[i + 1] - g) + Math.abs(image.data[i + 2] - b) > 60) inked += 1;
  return inked;
}

/** The fonts Chromium really drew an element's text with (DevTools' CSS.getPlatformFontsForNode), and how many glyphs each. */
async function fontsOf(page: Page, selector: string): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return Object.fromEntries(fonts.map((font) => [font.familyName, font.glyphCount]));
}

describe('the kiosk and the public board, in headless Chromium', () => {
  let stack: TestStack;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    stack = await startTestStack({ dossiers: 60 }, undefined, { boardPollMs: 250 });
    base = stack.gatewayUrl.replace(/\/graphql$/, '');
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows a number taken at the kiosk on the board when a counter calls it, without a reload, in Noto Sans with its diacritics', async () => {
    const requested: string[] = [];
    const board = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    board.on('request', (request) => requested.push(request.url()));
    await board.goto(`${base}/board?centre=${CENTRE}`);
    await board.getByTestId('status').getByText('Trực tuyến').waitFor();
    await board.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
    const before = await board.locator('table').screenshot();

    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1600 } });
    kiosk.on('request', (request) => requested.push(request.url()));
    await kiosk.goto(`${base}/kiosk?centre=${CENTRE}`);
    await kiosk.locator('button[data-field="HT"]').click();
    const ticket = kiosk.getByTestId('ticket');
    await ticket.getByText('Số thứ tự của ông/bà').waitFor();
    const number = Number(await ticket.locator('.number').textContent());
    expect(number).toBeGreaterThan(0);
    await expect(ticket.textContent()).resolves.toContain('trước ông/bà còn 0 người');
    writeFileSync(path.join(SHOTS, 'kiosk-ticket.png'), await kiosk.screenshot());

    // Counter 1 (Tư pháp – Hộ tịch) calls it; the board shows it by itself.
    const desk = await stack.token({ role: 'OFFICIAL', unit: stack.demo.units.find((u) => u.code === CENTRE)!.path });
    const counter = stack.demo.counters.find((c) => c.centreCode === CENTRE && c.number === 1)!;
    const called = await stack.gql(CALL, { input: { clientRequestId: 'call-board-1', counterId: counter.id } }, desk);
    expect(called.data.callNextTicket.ticket.number).toBe(number);
    const row = board.getByTestId('serving').locator('tr', { hasText: 'Quầy 1' });
    await row.waitFor({ timeout: 10_000 });
    expect((await row.locator('td').allTextContents()).slice(0, 2)).toEqual(['Quầy 1', String(number)]);
    expect(await board.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true); // the same page: no reload

    // The screenshots: the serving table went from empty to a drawn row; the whole board is drawn.
    const after = await board.locator('table').screenshot();
    const shot = await board.screenshot();
    writeFileSync(path.join(SHOTS, 'board-serving.png'), shot);
    expect(inkedPixels(after)).toBeGreaterThan(inkedPixels(before) + 200);
    expect(inkedPixels(shot)).toBeGreaterThan(10_000);

    // Vietnamese is drawn with the font the pages bring, not a fallback: every glyph of the heading and the day's figures.
    const heading = await fontsOf(board, 'h1');
    expect(Object.keys(heading)).toEqual(['Noto Sans']);
    expect(await board.locator('h1').textContent()).toBe('Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh');
    // (The DevTools call reads a node's own text: the label "Trễ hạn" beside its figure, the ticket's line of Vietnamese.)
    expect(Object.keys(await fontsOf(board, '.figure:nth-child(4)'))).toEqual(['Noto Sans']);
    expect(Object.keys(await fontsOf(kiosk, '[data-testid=ticket] span:last-child'))).toEqual(['Noto Sans']);

    // Nothing but the gateway was asked for anything: the pages work without the internet.
    expect(requested.filter((url) => !url.startsWith(base))).toEqual([]);
    await Promise.all([board.close(), kiosk.close()]);
  });

  it('stops reading a board nobody watches, and opens no stream for a centre that does not exist', async () => {
    const events = `${base}/board/events?centre=${CENTRE}`;
    // Boards that leave at once, some while their first figures are still being read.
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const leaving = new AbortController();
        if (i % 2) setTimeout(() => leaving.abort(), 5);
        const answer = await fetch(events, { signal: leaving.signal }).catch(() => null);
        leaving.abort();
        await answer?.body?.cancel().catch(() => undefined);
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Nobody watches: in a second of four polling intervals, no service is asked for the board.
    expect(await stack.servicesCalled(() => new Promise((resolve) => setTimeout(resolve, 1000)))).toEqual([]);
    const unknown = await fetch(`${base}/board/events?centre=NO-SUCH-CENTRE`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await fetch(`${base}/board/events?centre=`)).status).toBe(400);
    // The pages say what may load them: the gateway only.
    const page = await fetch(`${base}/board?centre=${CENTRE}`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('looks a dossier up by its scanned receipt code and rates it with the secret the code carries', async () => {
    const rated = new Set(stack.demo.ratings.map((r) => r.dossierId));
    const dossier = stack.demo.dossiers.find((d) => d.status === 'RESULT_RETURNED' && !rated.has(d.id))!;
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1600 } });
    await kiosk.goto(`${base}/kiosk?centre=${CENTRE}`);
    // A scanner types the rating QR code's text, then Enter.
    await kiosk.getByLabel('Mã hồ sơ').fill(`${dossier.code}#${dossier.ratingSecret}`);
    await kiosk.getByLabel('Mã hồ sơ').press('Enter');
    const shown = kiosk.getByTestId('dossier');
    await shown.getByText(`Mã hồ sơ: ${dossier.code}`).waitFor();
    await expect(shown.textContent()).resolves.toContain('Trạng thái: Đã trả kết quả');
    await kiosk.locator('#result-score button').nth(4).click();
    await kiosk.locator('#attitude-score button').nth(3).click();
    await kiosk.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await kiosk.getByTestId('rating-answer').getByText('Cảm ơn ông/bà đã đánh giá.').waitFor();
    writeFileSync(path.join(SHOTS, 'kiosk-rated.png'), await kiosk.screenshot());
    const { rows } = await stack.ownerQuery(
      'feedback',
      `SELECT result_satisfaction, attitude_satisfaction, channel FROM rating WHERE dossier_id = $1`,
      [dossier.id],
    );
    expect(rows).toEqual([{ result_satisfaction: 'VERY_SATISFIED', attitude_satisfaction: 'SATISFIED', channel: 'KIOSK' }]);
    // A code typed without its secret shows the dossier, and no rating.
    await kiosk.getByLabel('Mã hồ sơ').fill(dossier.code);
    await kiosk.getByLabel('Mã hồ sơ').press('Enter');
    await shown.getByText('Đang tra cứu…').waitFor({ state: 'detached' });
    await shown.getByText(`Mã hồ sơ: ${dossier.code}`).waitFor();
    expect(await kiosk.locator('#rating').isHidden()).toBe(true);
  });
});
