import './pages.css';
import { byId, centreCode, el, gql, requestId, when } from './common';

/** Ki-ốt: take a number for a field, look a dossier up by typing or scanning its code, and rate it with the receipt's secret. */

const STATUS: Record<string, string> = {
  NEW: 'Mới nộp, chờ tiếp nhận',
  RECEIVED: 'Đã tiếp nhận',
  NOT_RECEIVED: 'Không được tiếp nhận',
  PROCESSING: 'Đang giải quyết',
  SUPPLEMENT_REQUESTED: 'Chờ bổ sung giấy tờ',
  FINANCIAL_OBLIGATION: 'Chờ thực hiện nghĩa vụ tài chính',
  WITHDRAWN: 'Đã rút',
  STOPPED: 'Dừng giải quyết',
  PROCESSED: 'Đã có kết quả',
  RESULT_RETURNED: 'Đã trả kết quả',
};

interface Field {
  code: string;
  name: string;
}

async function loadFields() {
  const centre = centreCode();
  const { data, errors } = await gql<{ counters: { isOpen: boolean; fields: Field[] }[]; unit: { name: string } | null }>(
    `query ($centre: String!) { counters(centreCode: $centre) { isOpen fields { code name } } unit(code: $centre) { name } }`,
    { centre },
  );
  const fields = byId('fields');
  if (errors || !data) return void fields.replaceChildren(el('p', 'Không tải được danh sách lĩnh vực; vui lòng thử lại.', 'error'));
  if (data.unit) byId('centre-name').textContent = data.unit.name;
  // The fields the open counters serve: all the centre's, when an open counter is a general one (it names none).
  const openCounters = data.counters.filter((counter) => counter.isOpen);
  const serving = openCounters.some((counter) => counter.fields.length === 0) ? data.counters : openCounters;
  const open = new Map<string, Field>();
  for (const counter of serving) for (const field of counter.fields) open.set(field.code, field);
  fields.replaceChildren(
    ...[...open.values()]
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
      .map((field) => {
        const button = el('button', field.name) as HTMLButtonElement;
        button.dataset.field = field.code;
        button.addEventListener('click', () => void take(field));
        return button;
      }),
  );
}

async function take(field: Field) {
  const { data, errors } = await gql<{ takeQueueTicket: { ticket: { number: number; ahead: number } } }>(
    `mutation ($input: TakeQueueTicketInput!) { takeQueueTicket(input: $input) { ticket { number ahead } } }`,
    { input: { clientRequestId: requestId(), centreCode: centreCode(), fieldCode: field.code } },
  );
  const ticket = byId('ticket');
  ticket.hidden = false;
  if (errors || !data) return void ticket.replaceChildren(el('p', errors?.[0]?.message ?? 'Không lấy được số; vui lòng thử lại.', 'error'));
  const { number, ahead } = data.takeQueueTicket.ticket;
  ticket.replaceChildren(
    el('span', 'Số thứ tự của ông/bà'),
    el('span', number, 'number'),
    el('span', `${field.name} — trước ông/bà còn ${ahead} người. Vui lòng theo dõi bảng thông tin.`),
  );
}

let rating: { code: string; secret: string } | null = null;
const scores: Record<string, number> = {};

function stars(id: string) {
  const box = byId(id);
  box.replaceChildren(
    ...[1, 2, 3, 4, 5].map((score) => {
      const button = el('button', '★'.repeat(score)) as HTMLButtonElement;
      button.type = 'button';
      button.setAttribute('aria-pressed', 'false');
      button.setAttribute('aria-label', `${score} sao`);
      button.addEventListener('click', () => {
        scores[id] = score;
        for (const other of Array.from(box.querySelectorAll('button'))) other.setAttribute('aria-pressed', String(other === button));
      });
      return button;
    }),
  );
}

/** A code typed, or scanned from the receipt's QR code: `code` or `code#secret` (the rating QR carries the secret). */
async function lookUp(text: string) {
  const [code, secret] = text.trim().split('#');
  const out = byId('dossier');
  // A new look-up replaces the last one at once: its dossier and its rating are not the new one's.
  out.replaceChildren(el('p', 'Đang tra cứu…'));
  byId('rating').hidden = true;
  const { data, errors } = await gql<{
    publicDossier: {
      code: string;
      status: string;
      applicantName: string;
      procedure: { name: string } | null;
      appointmentAt: string | null;
      missingItems: string[] | null;
    } | null;
  }>(`query ($code: String!) { publicDossier(code: $code) { code status applicantName procedure { name } appointmentAt missingItems } }`, { code });
  if (errors) return void out.replaceChildren(el('p', errors[0].message, 'error'));
  const dossier = data?.publicDossier;
  if (!dossier) return void out.replaceChildren(el('p', `Không tìm thấy hồ sơ có mã ${code}.`, 'error'));
  out.replaceChildren(
    el('p', `Mã hồ sơ: ${dossier.code}`),
    el('p', `Người nộp: ${dossier.applicantName}`),
    el('p', `Thủ tục: ${dossier.procedure?.name ?? '—'}`),
    el('p', `Trạng thái: ${STATUS[dossier.status] ?? dossier.status}`),
    el('p', `Ngày hẹn trả: ${when(dossier.appointmentAt)}`),
    ...(dossier.missingItems?.length ? [el('p', `Cần bổ sung: ${dossier.missingItems.join('; ')}`)] : []),
  );
  if (secret) {
    rating = { code: dossier.code, secret };
    stars('result-score');
    stars('attitude-score');
    byId('rating-answer').textContent = '';
    byId('rating').hidden = false;
  }
}

async function rate() {
  const answer = byId('rating-answer');
  if (!rating || !scores['result-score'] || !scores['attitude-score'])
    return void (answer.textContent = 'Vui lòng chọn số sao cho cả kết quả và thái độ phục vụ.');
  const { errors } = await gql(`mutation ($input: RateDossierInput!) { rateDossier(input: $input) { rating { id } } }`, {
    input: {
      clientRequestId: requestId(),
      dossierCode: rating.code,
      ratingSecret: rating.secret,
      channel: 'KIOSK',
      resultScore: scores['result-score'],
      attitudeScore: scores['attitude-score'],
    },
  });
  answer.textContent = errors ? errors[0].message : 'Cảm ơn ông/bà đã đánh giá.';
}

byId<HTMLFormElement>('lookup').addEventListener('submit', (event) => {
  event.preventDefault();
  void lookUp(byId<HTMLInputElement>('code').value);
});
byId('send-rating').addEventListener('click', () => void rate());
void loadFields();
