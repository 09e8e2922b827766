import { letterhead, line, pdf, vietnameseInstant } from './pdf';

/** What forms 02–05 print, asked through the gateway as the caller: the dossier, its typed history and its steps. */
export const NOTICE_QUERY = `query Forms($id: ID!) { dossier(id: $id) {
  code applicantName applicantAddress receivedAt dueAt procedure { name } receivingUnit { name parent { name } }
  history { action at actorUnit actor { fullName } detail { __typename
    ... on SupplementRequestDetail { missingItems note }
    ... on ReasonDetail { reason }
    ... on RescheduleDetail { reason previousDueAt newDueAt } } }
  steps { position title unit { name } startedAt dueAt finishedAt late handler { fullName } } } }`;

interface Event {
  action: string;
  at: string;
  actorUnit: string;
  actor: { fullName: string } | null;
  detail: { __typename: string; missingItems?: string[]; note?: string | null; reason?: string; previousDueAt?: string; newDueAt?: string } | null;
}

export interface NoticeData {
  code: string;
  applicantName: string;
  applicantAddress: string | null;
  receivedAt: string;
  dueAt: string | null;
  procedure: { name: string } | null;
  receivingUnit: { name: string; parent: { name: string } | null } | null;
  history: Event[];
  steps: {
    position: number;
    title: string;
    unit: { name: string } | null;
    startedAt: string | null;
    dueAt: string | null;
    finishedAt: string | null;
    late: boolean;
    handler: { fullName: string } | null;
  }[];
}

const latest = (data: NoticeData, action: string) => [...data.history].reverse().find((e) => e.action === action) ?? null;
const signedBy = (doc: PDFKit.PDFDocument, font: { regular: string; bold: string }, title: string, name: string | null | undefined) => {
  doc.moveDown(2).font(font.bold).text(title, { align: 'right' });
  doc.font(font.regular).fontSize(9).text('(Ký và ghi rõ họ tên)', { align: 'right' }).fontSize(11);
  doc
    .moveDown(3)
    .font(font.bold)
    .text(name ?? '', { align: 'right' });
};
const about = (doc: PDFKit.PDFDocument, font: { regular: string; bold: string }, data: NoticeData) => {
  line(doc, font, 'Kính gửi', data.applicantName);
  line(doc, font, 'Địa chỉ', data.applicantAddress);
  line(doc, font, 'Hồ sơ', `${data.code} — ${data.procedure?.name ?? ''}`);
  line(doc, font, 'Tiếp nhận', vietnameseInstant(data.receivedAt));
  doc.moveDown(0.5);
};

/**
 * Forms 02–05 (Thông tư 01/2018/TT-VPCP), each read from the history row that records it. A form
 * whose action never happened has nothing to print: null, answered as 404.
 */
export const NOTICES: Record<'02' | '03' | '04' | '05', (data: NoticeData) => Promise<Buffer> | null> = {
  /** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: every missing item, listed at once. */
  '02': (data) => {
    const asked = latest(data, 'REQUEST_SUPPLEMENT');
    if (!asked?.detail?.missingItems) return null;
    return pdf(`Phiếu yêu cầu bổ sung ${data.code}`, (doc, font) => {
      letterhead(doc, font, data.receivingUnit, 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', `Mã hồ sơ: ${data.code}`);
      about(doc, font, data);
      doc.font(font.regular).text('Hồ sơ cần bổ sung, hoàn thiện những nội dung sau:');
      asked.detail!.missingItems!.forEach((item, i) => doc.text(`${i + 1}. ${item}`, { indent: 12 }));
      line(doc, font, 'Lý do', asked.detail!.note ?? null);
      doc.moveDown(0.5).font(font.regular).text('Thời gian giải quyết tạm dừng cho đến khi hồ sơ được bổ sung đầy đủ.');
      line(doc, font, 'Ngày yêu cầu', vietnameseInstant(asked.at));
      signedBy(doc, font, 'NGƯỜI HƯỚNG DẪN', asked.actor?.fullName);
    });
  },
  /** Phiếu từ chối tiếp nhận giải quyết hồ sơ: the reason. */
  '03': (data) => {
    const refused = latest(data, 'REFUSE_DOSSIER');
    if (!refused?.detail?.reason) return null;
    return pdf(`Phiếu từ chối tiếp nhận ${data.code}`, (doc, font) => {
      letterhead(doc, font, data.receivingUnit, 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', `Mã hồ sơ: ${data.code}`);
      about(doc, font, data);
      line(doc, font, 'Lý do từ chối', refused.detail!.reason);
      line(doc, font, 'Ngày từ chối', vietnameseInstant(refused.at));
      signedBy(doc, font, 'NGƯỜI TIẾP NHẬN', refused.actor?.fullName);
    });
  },
  /** Phiếu xin lỗi và hẹn lại ngày trả kết quả: the reason and the appointments before and after. */
  '04': (data) => {
    const moved = latest(data, 'RESCHEDULE_DOSSIER');
    if (!moved?.detail?.newDueAt) return null;
    return pdf(`Phiếu xin lỗi và hẹn lại ${data.code}`, (doc, font) => {
      letterhead(doc, font, data.receivingUnit, 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', `Mã hồ sơ: ${data.code}`);
      about(doc, font, data);
      line(doc, font, 'Ngày hẹn trả kết quả trước đây', vietnameseInstant(moved.detail!.previousDueAt!));
      line(doc, font, 'Lý do chậm', moved.detail!.reason);
      doc.font(font.regular).text('Cơ quan giải quyết xin lỗi ông/bà vì sự chậm trễ này và hẹn lại thời gian trả kết quả:');
      line(doc, font, 'Ngày hẹn mới', vietnameseInstant(moved.detail!.newDueAt!));
      signedBy(doc, font, 'THỦ TRƯỞNG CƠ QUAN', moved.actor?.fullName);
    });
  },
  /** Phiếu kiểm soát quá trình giải quyết hồ sơ: every handover, who and when, on time or late. */
  '05': (data) =>
    pdf(`Phiếu kiểm soát ${data.code}`, (doc, font) => {
      letterhead(doc, font, data.receivingUnit, 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', `Mã hồ sơ: ${data.code}`);
      line(doc, font, 'Thủ tục', data.procedure?.name);
      line(doc, font, 'Người nộp', data.applicantName);
      line(doc, font, 'Ngày hẹn trả kết quả', data.dueAt ? vietnameseInstant(data.dueAt) : 'không quy định thời hạn');
      doc.moveDown(0.5).font(font.bold).text('Các bước xử lý');
      for (const step of data.steps) {
        const state = step.finishedAt ? (step.late ? 'trễ hạn' : 'đúng hạn') : step.startedAt ? 'đang xử lý' : 'chưa đến';
        doc
          .font(font.regular)
          .text(
            `${step.position}. ${step.title} — ${step.unit?.name ?? ''}${step.handler ? ` (${step.handler.fullName})` : ''}: nhận ${step.startedAt ? vietnameseInstant(step.startedAt) : '—'}; hạn ${step.dueAt ? vietnameseInstant(step.dueAt) : '—'}; xong ${step.finishedAt ? vietnameseInstant(step.finishedAt) : '—'}; ${state}`,
            { indent: 12 },
          );
      }
      doc.moveDown(0.5).font(font.bold).text('Nhật ký giao nhận');
      for (const event of data.history) {
        doc.font(font.regular).text(`${vietnameseInstant(event.at)} — ${event.action} — ${event.actor?.fullName ?? event.actorUnit}`, { indent: 12 });
      }
    }),
};
