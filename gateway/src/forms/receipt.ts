import { letterhead, line as field, pdf, symbol, vietnameseInstant } from './pdf';

/** What form 01 prints, asked through the gateway as the caller: what the caller may not read, it cannot print. */
export const RECEIPT_QUERY = `query Form01($id: ID!) { dossier(id: $id) {
  status applicantAddress applicantPhone procedure { name }
  receipt { code barcode ratingSecret applicantName proxyName receivedAt appointmentAt documents { name originals copies }
    receivingUnit { name parent { name } } receivingOfficial { fullName } counterNumber } } }`;

export interface ReceiptData {
  status: string;
  applicantAddress: string | null;
  applicantPhone: string | null;
  procedure: { name: string } | null;
  receipt: {
    code: string;
    barcode: string;
    /** Null for a caller other than the receiving unit: only it prints the rating code. */
    ratingSecret: string | null;
    applicantName: string;
    proxyName: string | null;
    receivedAt: string;
    appointmentAt: string | null;
    documents: { name: string; originals: number; copies: number }[];
    receivingUnit: { name: string; parent: { name: string } | null } | null;
    receivingOfficial: { fullName: string } | null;
    counterNumber: number | null;
  };
}

/**
 * Mẫu số 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Thông tư 01/2018/TT-VPCP): who handed in
 * what, when, and when to come back; a QR code and a barcode of the dossier code for the public
 * lookup and the counter's reader, and the rating code beside it.
 */
/** A dossier the desk has not received (filed online and waiting, or refused at reception) has no receipt. */
const UNRECEIVED = ['NEW', 'NOT_RECEIVED'];

export function receiptPdf({ status, receipt, procedure, applicantAddress, applicantPhone }: ReceiptData): Promise<Buffer> | null {
  if (UNRECEIVED.includes(status)) return null;
  return pdf(`Giấy tiếp nhận hồ sơ ${receipt.code}`, async (doc, font) => {
    const [qr, barcode, ratingQr] = await Promise.all([
      symbol('qrcode', receipt.code),
      symbol('code128', receipt.barcode),
      receipt.ratingSecret ? symbol('qrcode', `${receipt.code}#${receipt.ratingSecret}`) : null,
    ]);
    const half = (doc.page.width - 120) / 2;
    letterhead(doc, font, receipt.receivingUnit, 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', `Mã hồ sơ: ${receipt.code}`);
    const symbols = doc.y - 6;
    doc.image(qr, 60, symbols, { width: 70 });
    doc.image(barcode, 150, symbols + 15, { width: 220, height: 40 });
    if (ratingQr) {
      doc.image(ratingQr, doc.page.width - 130, symbols, { width: 70 });
      doc.fontSize(8).text('Đánh giá', doc.page.width - 130, symbols + 72, { width: 70, align: 'center' });
    }
    doc.fontSize(11).text('', 60, symbols + 95);

    const line = (label: string, value: string | null | undefined) => field(doc, font, label, value);
    doc.font(font.regular).text(`${receipt.receivingUnit?.name ?? 'Bộ phận tiếp nhận và trả kết quả'} tiếp nhận hồ sơ của:`);
    line('Ông/Bà', receipt.applicantName);
    line('Người được ủy quyền', receipt.proxyName);
    line('Địa chỉ', applicantAddress);
    line('Số điện thoại', applicantPhone);
    line('Nội dung yêu cầu giải quyết', procedure?.name);
    doc.moveDown(0.5).font(font.regular).text('Thành phần hồ sơ nộp gồm:');
    receipt.documents.forEach((d, i) => doc.text(`${i + 1}. ${d.name} — bản chính: ${d.originals}, bản sao: ${d.copies}`, { indent: 12 }));
    doc.moveDown(0.5);
    line('Số lượng hồ sơ', `01 bộ`);
    line('Thời gian nhận hồ sơ', vietnameseInstant(receipt.receivedAt));
    line('Thời gian trả kết quả giải quyết hồ sơ', receipt.appointmentAt ? vietnameseInstant(receipt.appointmentAt) : 'không quy định thời hạn');
    line('Nhận kết quả tại', receipt.receivingUnit?.name);
    line('Quầy tiếp nhận', receipt.counterNumber ? `số ${receipt.counterNumber}` : null);
    line('Mã đánh giá dịch vụ', receipt.ratingSecret);
    doc.moveDown(2);
    const signatures = doc.y;
    doc.font(font.bold).text('NGƯỜI NỘP HỒ SƠ', 60, signatures, { width: half, align: 'center' });
    doc.text('NGƯỜI TIẾP NHẬN HỒ SƠ', 60 + half, signatures, { width: half, align: 'center' });
    doc.font(font.regular).fontSize(9).text('(Ký và ghi rõ họ tên)', 60, doc.y, { width: half, align: 'center' });
    doc.text('(Ký và ghi rõ họ tên)', 60 + half, signatures + 14, { width: half, align: 'center' });
    doc.fontSize(11).font(font.bold);
    doc.text(receipt.applicantName, 60, signatures + 80, { width: half, align: 'center' });
    doc.text(receipt.receivingOfficial?.fullName ?? '', 60 + half, signatures + 80, { width: half, align: 'center' });
  });
}
