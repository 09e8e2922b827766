import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { startTestStack, type TestStack } from './support/stack';

const RECEIVE = `mutation ($input: ReceiveDossierInput!) { receiveDossier(input: $input) { dossier { id code dueAt receipt { ratingSecret } } } }`;

/** Text and a page image of a PDF, by Debian's poppler-utils, as a reader's viewer would show them. */
function readPdf(bytes: Buffer): { text: string; page: PNG } {
  const dir = mkdtempSync(path.join(tmpdir(), 'form-'));
  try {
    writeFileSync(path.join(dir, 'form.pdf'), bytes);
    const text = execFileSync('pdftotext', [path.join(dir, 'form.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', path.join(dir, 'form.pdf'), path.join(dir, 'page')]);
    return { text, page: PNG.sync.read(readFileSync(path.join(dir, 'page.png'))) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The QR codes in a region of the page (fractions of its width and height), decoded. */
function qrIn(page: PNG, region: { x: number; y: number; w: number; h: number }): string | null {
  const [x0, y0, w, h] = [Math.floor(page.width * region.x), Math.floor(page.height * region.y), Math.floor(page.width * region.w), Math.floor(page.height * region.h)];
  const pixels = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) pixels.set(page.data.subarray(((y0 + y) * page.width + x0) * 4, ((y0 + y) * page.width + x0 + w) * 4), y * w * 4);
  return jsQR(pixels, w, h)?.data ?? null;
}

describe('printable forms, served by the gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ dossiers: 30 });
  });
  afterAll(() => stack.stop());

  const form = (id: string, token?: string) => fetch(stack.gatewayUrl.replace(/\/graphql$/, `/forms/01/${id}`), { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('prints form 01 of a new dossier: the code, the name with its diacritics, the appointment date, and a QR code that reads back the code', async () => {
    const COMMUNE = '27.259.09238';
    const clerk = stack.demo.officials.find((o) => o.ownerPath.startsWith(`${COMMUNE}.`))!;
    const token = await stack.token({ role: 'OFFICIAL', unit: COMMUNE, officialId: clerk.id });
    const procedure = stack.demo.procedures.find((p) => p.code === '1.001776')!;
    const version = stack.demo.procedureVersions.find((v) => v.procedureId === procedure.id)!;
    const { data, errors } = await stack.gql(RECEIVE, { input: {
      clientRequestId: 'form-01', receivingUnitCode: '09238-MC', procedureId: procedure.id, channel: 'IN_PERSON',
      applicant: { kind: 'PERSON', name: 'Nguyễn Thị Ánh Tuyết', idNumber: '027185009876', address: 'Thôn Đông Du, xã Đào Viên' },
      documents: version.documents.map(({ name, originals, copies }) => ({ name, originals, copies })),
    } }, token);
    expect(errors).toBeUndefined();
    const dossier = data.receiveDossier.dossier;

    const response = await form(dossier.id, token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const { text, page } = readPdf(Buffer.from(await response.arrayBuffer()));
    const due = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(new Date(dossier.dueAt));
    const part = (type: string) => due.find((p) => p.type === type)!.value;
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(dossier.code);
    expect(text).toContain('Nguyễn Thị Ánh Tuyết');
    expect(text).toContain('Thôn Đông Du, xã Đào Viên');
    expect(text).toContain(`ngày ${part('day')} tháng ${part('month')} năm ${part('year')}`);
    expect(text).toContain(clerk.fullName);
    expect(text).toContain(data.receiveDossier.dossier.receipt.ratingSecret);
    // The lookup QR code at the top left, the rating one at the top right.
    expect(qrIn(page, { x: 0, y: 0, w: 0.3, h: 0.35 })).toBe(dossier.code);
    expect(qrIn(page, { x: 0.7, y: 0, w: 0.3, h: 0.35 })).toBe(`${dossier.code}#${data.receiveDossier.dossier.receipt.ratingSecret}`);
  });

  it("answers 404 for another commune's dossier or without sign-in, 401 for a bad token, 400 for a malformed id", async () => {
    const theirs = stack.demo.dossiers.find((d) => d.ownerPath === '27.258.09193' || d.ownerPath.startsWith('27.258'))!;
    const stranger = await stack.token({ role: 'OFFICIAL', unit: '27.259.09238' });
    for (const answer of [await form(theirs.id, stranger), await form(theirs.id)]) {
      expect(answer.status).toBe(404);
      expect((await answer.json()).errors[0].extensions.code).toBe('NOT_FOUND');
    }
    const forged = await form(theirs.id, `${stranger.slice(0, -4)}AAAA`);
    expect([forged.status, (await forged.json()).errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const malformed = await form('not-an-id', stranger);
    expect([malformed.status, (await malformed.json()).errors[0].extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
  });
});
