import { toVietnamIso } from '../../../../shared/scalars';
import { statusCode } from '../status';
import type { WaitingEvent } from '../store/outbox';
import type { DeliveryChannel } from '../store/entities/delivery.entity';

/** What the applicant is told: a subject, the whole text (email), and a short one for SMS and Zalo. */
export interface Notice {
  subject: string;
  body: string;
  short: string;
}

/** `14/12/2026 16:30`: a date and time as read in Vietnam. */
const when = (instant: Date | string | null | undefined) => {
  if (!instant) return 'chưa xác định';
  const iso = toVietnamIso(new Date(instant));
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
};
const day = (instant: Date | string | null | undefined) => when(instant).slice(0, 10);
const vnd = (amount: unknown) => `${Number(amount ?? 0).toLocaleString('vi-VN')} đồng`;
const LOOK_UP = 'Tra cứu tiến độ bằng mã hồ sơ trên Cổng dịch vụ công của tỉnh hoặc tại ki-ốt của Bộ phận Một cửa.';

/** The reason the history row recorded (refusal, delay, stop). */
const reasonOf = (e: WaitingEvent) => (typeof e.details.reason === 'string' ? e.details.reason : '');

type Compose = (event: WaitingEvent) => { subject: string; lines: string[]; short: string };

/**
 * The events a citizen is told of, and what each says: what happened and what to do next. Moves
 * between the units (transfers, steps, handlers, scans) are theirs, not the applicant's.
 */
const NOTICES: Partial<Record<string, Compose>> = {
  file: (e) => ({
    subject: `Hồ sơ ${e.code} đã được nộp trực tuyến`,
    lines: ['Bộ phận Một cửa sẽ kiểm tra và tiếp nhận hoặc hướng dẫn bổ sung; thời hạn giải quyết tính từ khi hồ sơ được tiếp nhận.'],
    short: `Hồ sơ ${e.code} đã nộp trực tuyến, chờ tiếp nhận.`,
  }),
  receive: (e) => received(e),
  accept: (e) => received(e),
  refuse: (e) => ({
    subject: `Hồ sơ ${e.code} không được tiếp nhận`,
    lines: [`Lý do: ${reasonOf(e)}.`, 'Xem hướng dẫn (mẫu 03) và nộp lại khi đã đủ điều kiện.'],
    short: `Hồ sơ ${e.code} không được tiếp nhận. Xem lý do trên Cổng DVC.`,
  }),
  requestSupplement: (e) => ({
    subject: `Hồ sơ ${e.code} cần bổ sung`,
    lines: [
      'Cần bổ sung, hoàn thiện (mẫu 02):',
      ...((e.details.missingItems as string[] | undefined) ?? []).map((item) => `  - ${item}`),
      'Nộp bổ sung trực tuyến (Hồ sơ của tôi) hoặc tại Bộ phận Một cửa. Thời hạn giải quyết tạm dừng cho đến khi nhận đủ.',
    ],
    short: `Hồ sơ ${e.code} cần bổ sung giấy tờ. Xem chi tiết trên Cổng DVC.`,
  }),
  requestFinancialObligation: (e) => ({
    subject: `Hồ sơ ${e.code}: thông báo nghĩa vụ tài chính`,
    lines: [`Số tiền phải nộp: ${vnd(e.details.amountVnd)}.`, 'Nộp trực tuyến trên Cổng dịch vụ công hoặc tại Bộ phận Một cửa.'],
    short: `Hồ sơ ${e.code}: nộp ${vnd(e.details.amountVnd)} để tiếp tục giải quyết.`,
  }),
  reschedule: (e) => ({
    subject: `Hồ sơ ${e.code}: thư xin lỗi và hẹn lại ngày trả kết quả`,
    lines: [
      `Cơ quan giải quyết xin lỗi vì chưa trả kết quả đúng hẹn (mẫu 04). Lý do: ${reasonOf(e)}.`,
      `Ngày hẹn mới: ${when(e.details.newDueAt as string)}.`,
    ],
    short: `Hồ sơ ${e.code} hẹn lại ngày trả kết quả: ${day(e.details.newDueAt as string)}. Xin lỗi ông/bà.`,
  }),
  resolve: (e) => ({
    subject: `Hồ sơ ${e.code} đã có kết quả`,
    lines: [
      e.details.outcome === 'REFUSED' ? `Yêu cầu không được giải quyết. Lý do: ${reasonOf(e)}.` : 'Yêu cầu đã được giải quyết.',
      'Nhận kết quả tại Bộ phận Một cửa (mang theo giấy tiếp nhận) hoặc tải bản điện tử trên Cổng dịch vụ công.',
    ],
    short: `Hồ sơ ${e.code} đã có kết quả. Mời ông/bà nhận kết quả.`,
  }),
  stop: (e) => ({
    subject: `Hồ sơ ${e.code} đã dừng giải quyết`,
    lines: [`Lý do: ${reasonOf(e)}.`],
    short: `Hồ sơ ${e.code} đã dừng giải quyết.`,
  }),
};

function received(e: WaitingEvent) {
  return {
    subject: `Hồ sơ ${e.code} đã được tiếp nhận`,
    lines: [`Tiếp nhận lúc ${when(e.at)}. Ngày hẹn trả kết quả: ${when(e.dueAt)}.`],
    short: `Hồ sơ ${e.code} đã được tiếp nhận, hẹn trả ${day(e.dueAt)}.`,
  };
}

/** The notice of an event for its applicant, or null where the event is the units' own business. */
/**
 * An SMS's text without diacritics: brandname SMS are sent unaccented (GSM 7-bit, 160 characters
 * a message; accented text costs a message per 70 characters and some carriers refuse it).
 */
export const unaccented = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

export function noticeOf(event: WaitingEvent): Notice | null {
  const compose = NOTICES[event.action];
  if (!compose) return null;
  const { subject, lines, short } = compose(event);
  const greeting = event.applicantName ? `Kính gửi ông/bà ${event.applicantName},` : 'Kính gửi ông/bà,';
  return { subject, body: [greeting, '', `${subject}.`, ...lines, '', LOOK_UP, `Mã hồ sơ: ${event.code}`].join('\n'), short };
}

/**
 * Where the applicant hears of their dossier: by their own choices where they made them (as a
 * signed-in citizen), else by the contacts given on the dossier (email and SMS, which the applicant
 * gave for that purpose). Zalo only by choice: its messages go to the Zalo account of the phone number.
 */
export function recipientsOf(event: WaitingEvent): { channel: Exclude<DeliveryChannel, 'PORTAL'>; recipient: string }[] {
  const choice = event.preference;
  const email = choice?.email ?? event.email;
  const phone = choice?.phone ?? event.phone;
  return [
    ...(email && (choice?.byEmail ?? true) ? [{ channel: 'EMAIL' as const, recipient: email }] : []),
    ...(phone && (choice?.bySms ?? true) ? [{ channel: 'SMS' as const, recipient: phone }] : []),
    ...(phone && choice?.byZalo ? [{ channel: 'ZALO' as const, recipient: phone }] : []),
  ];
}

/** The document the national portal receives for a status change: its status codes, the dossier's code, when. */
export function portalStatusOf(event: WaitingEvent): Record<string, unknown> | null {
  if (event.fromStatus === event.toStatus) return null;
  return {
    dossierCode: event.code,
    agencyCode: event.receivingUnitCode,
    statusCode: statusCode(event.toStatus),
    status: event.toStatus,
    previousStatusCode: event.fromStatus ? statusCode(event.fromStatus) : null,
    at: toVietnamIso(new Date(event.at)),
    dueAt: event.dueAt ? toVietnamIso(new Date(event.dueAt)) : null,
    ...(event.action === 'resolve' ? { outcome: event.details.outcome ?? null } : {}),
    sequence: Number(event.eventId),
  };
}
