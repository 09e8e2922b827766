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
  const [x0, y0, w, h] = [
    Math.floor(page.width * region.x),
    Math.floor(page.height * region.y),
    Math.floor(page.width * region.w),
    Math.floor(page.height * region.h),
  ];
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

  const form = (id: string, token?: string, number = '01') =>
    fetch(stack.gatewayUrl.replace(/\/graphql$/, `/forms/${number}/${id}`), { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('prints form 01 of a new dossier: the code, the name with its diacritics, the appointment date, and a QR code that reads back the code', async () => {
    const COMMUNE = '27.259.09238';
    const clerk = stack.demo.officials.find((o) => o.ownerPath.startsWith(`${COMMUNE}.`))!;
    const token = await stack.token({ role: 'OFFICIAL', unit: COMMUNE, officialId: clerk.id });
    const procedure = stack.demo.procedures.find((p) => p.code === '1.001776')!;
    const version = stack.demo.procedureVersions.find((v) => v.procedureId === procedure.id)!;
    const { data, errors } = await stack.gql(
      RECEIVE,
      {
        input: {
          clientRequestId: 'form-01',
          receivingUnitCode: '09238-MC',
          procedureId: procedure.id,
          channel: 'IN_PERSON',
          applicant: { kind: 'PERSON', name: 'Nguyễn Thị Ánh Tuyết', idNumber: '027185009876', address: 'Thôn Đông Du, xã Đào Viên' },
          documents: version.documents.map(({ name, originals, copies }) => ({ name, originals, copies })),
        },
      },
      token,
    );
    expect(errors).toBeUndefined();
    const dossier = data.receiveDossier.dossier;

    const response = await form(dossier.id, token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const { text, page } = readPdf(Buffer.from(await response.arrayBuffer()));
    const due = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(
      new Date(dossier.dueAt),
    );
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

  it('prints forms 02 to 05 from what the history recorded: the missing items, the refusal, the apology with the new appointment, and every handover', async () => {
    const COMMUNE = '27.259.09238';
    const clerk = stack.demo.officials.find((o) => o.ownerPath.startsWith(`${COMMUNE}.`))!;
    const token = await stack.token({ role: 'OFFICIAL', unit: COMMUNE, officialId: clerk.id });
    const leader = await stack.token({ role: 'LEADER', unit: COMMUNE, officialId: clerk.id });
    const procedure = stack.demo.procedures.find((p) => p.code === '1.001776')!;
    const version = stack.demo.procedureVersions.find((v) => v.procedureId === procedure.id)!;
    const receive = async (clientRequestId: string) =>
      (
        await stack.gql(
          RECEIVE,
          {
            input: {
              clientRequestId,
              receivingUnitCode: '09238-MC',
              procedureId: procedure.id,
              channel: 'IN_PERSON',
              applicant: { kind: 'PERSON', name: 'Hoàng Thị Ngọc Ánh', idNumber: '027185004321' },
              documents: version.documents.map(({ name, originals, copies }) => ({ name, originals, copies })),
            },
          },
          token,
        )
      ).data.receiveDossier.dossier;
    const act = (name: string, input: string, dossierId: string, extra: Record<string, unknown> = {}, as = token) =>
      stack.gql(
        `mutation ($input: ${input}!) { ${name}(input: $input) { dossier { id } } }`,
        { input: { clientRequestId: `forms-${name}-${dossierId}`, dossierId, ...extra } },
        as,
      );
    const text = async (number: string, id: string) => {
      const response = await form(id, token, number);
      expect({ number, status: response.status }).toEqual({ number, status: 200 });
      return readPdf(Buffer.from(await response.arrayBuffer())).text;
    };

    const asked = await receive('forms-02');
    // Nothing asked yet: form 02 has nothing to print.
    expect((await form(asked.id, token, '02')).status).toBe(404);
    expect((await act('transferDossier', 'DossierActionInput', asked.id)).errors).toBeUndefined();
    expect(
      (await act('requestSupplement', 'RequestSupplementInput', asked.id, { missingItems: ['Giấy xác nhận khuyết tật', 'Sổ hộ khẩu bản sao'] }))
        .errors,
    ).toBeUndefined();
    const form02 = await text('02', asked.id);
    expect(form02).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(form02).toContain('1. Giấy xác nhận khuyết tật');
    expect(form02).toContain('2. Sổ hộ khẩu bản sao');
    expect(form02).toContain('Hoàng Thị Ngọc Ánh');
    expect(form02).toContain(clerk.fullName);

    const refused = await receive('forms-03');
    expect((await act('refuseDossier', 'DossierActionInput', refused.id, { reason: 'Hồ sơ không thuộc thẩm quyền của xã.' })).errors).toBeUndefined();
    expect(await text('03', refused.id)).toContain('Hồ sơ không thuộc thẩm quyền của xã.');

    const late = await receive('forms-04');
    expect((await act('transferDossier', 'DossierActionInput', late.id)).errors).toBeUndefined();
    const newDueAt = new Date(new Date(late.dueAt).getTime() + 7 * 86_400_000).toISOString();
    expect(
      (await act('rescheduleDossier', 'RescheduleDossierInput', late.id, { reason: 'Cần xác minh thêm tại thôn.', newDueAt }, leader)).errors,
    ).toBeUndefined();
    const form04 = await text('04', late.id);
    const due = (iso: string) => {
      const parts = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Ho_Chi_Minh',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
      }).formatToParts(new Date(iso));
      const part = (type: string) => parts.find((p) => p.type === type)!.value;
      return `ngày ${part('day')} tháng ${part('month')} năm ${part('year')}`;
    };
    expect(form04).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(form04).toContain('Cần xác minh thêm tại thôn.');
    expect(form04).toContain(due(late.dueAt));
    expect(form04).toContain(due(newDueAt));

    const form05 = await text('05', late.id);
    expect(form05).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(form05).toContain('RESCHEDULE_DOSSIER');
    expect(form05).toContain(clerk.fullName);
    expect((await form(late.id, token, '09')).status).toBe(404);
  });
});
