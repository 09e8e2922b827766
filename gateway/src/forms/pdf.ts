import { createRequire } from 'node:module';
import path from 'node:path';
import bwipjs from 'bwip-js';
import PDFDocument from 'pdfkit';

/** DejaVu Sans covers every Vietnamese letter with its tone marks; the PDF embeds the glyphs it uses. */
const fontDir = path.join(path.dirname(createRequire(__filename).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = path.join(fontDir, 'DejaVuSans.ttf');
const BOLD = path.join(fontDir, 'DejaVuSans-Bold.ttf');

/** A one-page A4 document written with the Vietnamese font, collected into a buffer. */
export async function pdf(
  title: string,
  draw: (doc: PDFKit.PDFDocument, fonts: { regular: string; bold: string }) => Promise<void> | void,
): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 50, bottom: 50, left: 60, right: 60 }, info: { Title: title, Producer: 'motcua' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  doc.font('regular');
  await draw(doc, { regular: 'regular', bold: 'bold' });
  doc.end();
  return done;
}

/** A QR code (what a phone scans) or a Code 128 barcode (what a counter's reader scans) of a text, as PNG. */
export function symbol(kind: 'qrcode' | 'code128', text: string): Promise<Buffer> {
  return bwipjs.toBuffer(
    kind === 'qrcode' ? { bcid: 'qrcode', text, scale: 4 } : { bcid: 'code128', text, scale: 2, height: 12, includetext: false },
  );
}

/** "lúc 08 giờ 30 phút, ngày 20 tháng 11 năm 2026", in Vietnam's time, as the forms write an instant. */
export function vietnameseInstant(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return `lúc ${parts.hour} giờ ${parts.minute} phút, ngày ${parts.day} tháng ${parts.month} năm ${parts.year}`;
}

type Fonts = { regular: string; bold: string };

/** The heading every form shares: the issuing unit (under its parent), the national motto, the title and a line under it. */
export function letterhead(
  doc: PDFKit.PDFDocument,
  font: Fonts,
  unit: { name: string; parent: { name: string } | null } | null,
  title: string,
  subtitle: string,
): void {
  const top = doc.y;
  const half = (doc.page.width - 120) / 2;
  doc
    .font(font.bold)
    .fontSize(10)
    .text((unit?.parent?.name ?? '').toLocaleUpperCase('vi'), 60, top, { width: half, align: 'center' });
  doc.text(unit?.name ?? '', { width: half, align: 'center' });
  doc.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 60 + half, top, { width: half, align: 'center' });
  doc.text('Độc lập - Tự do - Hạnh phúc', { width: half, align: 'center' });
  doc.moveDown(2);
  doc.fontSize(14).text(title, 60, doc.y, { align: 'center' });
  doc.font(font.regular).fontSize(11).text(subtitle, { align: 'center' });
  doc.moveDown();
}

/** "Label: value", the value in bold; nothing when there is no value. */
export function line(doc: PDFKit.PDFDocument, font: Fonts, label: string, value: string | null | undefined): void {
  if (value) doc.font(font.regular).text(`${label}: `, { continued: true }).font(font.bold).text(value);
}
