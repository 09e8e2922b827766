import { uuidFrom } from '../../shared/ids';
import { HOURS_PER_DAY, type WorkingCalendar } from '../../shared/calendar';
import type { AdministrativeUnitEntity } from '../../subgraphs/catalogue/src/store/entities/administrative-unit.entity';
import type { DossierEntity } from '../../subgraphs/dossiers/src/store/entities/dossier.entity';
import type { DossierApplicantEntity } from '../../subgraphs/dossiers/src/store/entities/dossier-applicant.entity';
import type { PetitionEntity } from '../../subgraphs/feedback/src/store/entities/petition.entity';
import type { SuggestionEntity } from '../../subgraphs/feedback/src/store/entities/suggestion.entity';
import { petitionDeadlines, publishDeadline } from '../../subgraphs/feedback/src/petitions/deadlines';
import type { Random } from './random';

const COMPLAINTS = [
  ['Chậm trả kết quả', 'Đã quá ngày hẹn trên phiếu nhưng chưa nhận được kết quả, cũng không có thư xin lỗi.'],
  ['Yêu cầu bổ sung nhiều lần', 'Cán bộ yêu cầu bổ sung giấy tờ hai lần, lần sau không có trong hướng dẫn ban đầu.'],
  ['Thái độ phục vụ', 'Cán bộ tiếp nhận trả lời thiếu nhiệt tình, không hướng dẫn rõ cách kê khai.'],
  ['Phí, lệ phí', 'Được yêu cầu nộp thêm khoản phí không có trong danh mục công khai.'],
] as const;
const IDEAS = [
  'Đề nghị bố trí thêm ghế chờ và nước uống tại khu vực tiếp nhận.',
  'Nên có hướng dẫn điền tờ khai mẫu dán tại quầy.',
  'Đề nghị mở thêm quầy tiếp nhận vào sáng thứ Bảy.',
  'Cổng dịch vụ công thường bị lỗi khi tải tệp đính kèm lớn.',
];

/**
 * Petitions about a sample of the dossiers — answered and published in time, answered late,
 * still open past their deadline, a repeat of an earlier one — and suggestions to the desks,
 * some answered. `today` is the demo's day: what is open then is open in the data.
 */
export function demoFeedback(
  rnd: Random,
  dossiers: DossierEntity[],
  applicants: DossierApplicantEntity[],
  desks: AdministrativeUnitEntity[],
  calendar: WorkingCalendar,
  today: Date,
) {
  const petitions: PetitionEntity[] = [];
  const pool = dossiers.filter((d) => d.status !== 'NEW' && d.status !== 'NOT_RECEIVED');
  for (let n = 0; pool.length && n < Math.max(6, Math.floor(pool.length / 25)); n++) {
    const dossier = rnd.pick(pool);
    const [subject, content] = rnd.pick(COMPLAINTS);
    const receivedAt = new Date(Math.min(today.getTime() - 3_600_000, dossier.receivedAt.getTime() + (2 + rnd.int(20)) * 86_400_000));
    const deadlines = petitionDeadlines(receivedAt, calendar);
    const roll = rnd.next();
    // Most are answered in time and published; some answered late; some still open past their deadline.
    const answeredAt =
      roll < 0.6
        ? calendar.addWorkingHours(receivedAt, HOURS_PER_DAY * (3 + rnd.int(10)))
        : roll < 0.75
          ? calendar.addWorkingHours(deadlines.resolveBy, HOURS_PER_DAY * (1 + rnd.int(4)))
          : null;
    const answered = answeredAt && answeredAt < today ? answeredAt : null;
    const publishedAt = answered && roll < 0.55 ? calendar.addWorkingHours(answered, 8) : null;
    const earlier = petitions.find((p) => p.dossierId === dossier.id);
    const applicant = applicants.find((a) => a.dossierId === dossier.id)!;
    petitions.push({
      id: uuidFrom(`petition:${dossier.code}:${n}`),
      dossierId: dossier.id,
      dossierCode: dossier.code,
      unitCode: dossier.ownerPath.split('.').pop()!,
      subject,
      content,
      petitionerName: applicant.name,
      petitionerPhone: applicant.phone,
      petitionerEmail: applicant.email,
      status: publishedAt && publishedAt < today ? 'PUBLISHED' : answered ? 'ANSWERED' : 'PROCESSING',
      receivedAt,
      ...deadlines,
      publishBy: answered ? publishDeadline(answered, calendar) : null,
      note: null,
      answer: answered ? 'Đơn vị đã kiểm tra, làm rõ nguyên nhân và chấn chỉnh cán bộ liên quan; kết quả đã được trả cho công dân.' : null,
      answeredAt: answered,
      publishedAnswer: publishedAt && publishedAt < today ? 'Đã xử lý: kiểm tra, chấn chỉnh và trả kết quả cho công dân.' : null,
      publishedAt: publishedAt && publishedAt < today ? publishedAt : null,
      repeatOfId: earlier?.id ?? null,
      version: 1,
      ownerPath: dossier.ownerPath,
    });
  }
  // One repeat for certain: the first petition's applicant writes again about the same dossier.
  const first = petitions[0];
  if (first) {
    const again = new Date(Math.min(today.getTime() - 3_600_000, first.receivedAt.getTime() + 10 * 86_400_000));
    petitions.push({
      ...first,
      id: uuidFrom(`petition:${first.dossierCode}:repeat`),
      status: 'PROCESSING',
      receivedAt: again,
      ...petitionDeadlines(again, calendar),
      publishBy: null,
      answer: null,
      answeredAt: null,
      publishedAnswer: null,
      publishedAt: null,
      repeatOfId: first.id,
    });
  }

  const suggestions: SuggestionEntity[] = desks.slice(0, 8).map((desk, i) => {
    const submittedAt = new Date(today.getTime() - (3 + i * 4) * 86_400_000);
    const answered = i % 2 === 0;
    return {
      id: uuidFrom(`suggestion:${desk.code}:${i}`),
      unitCode: desk.code,
      content: IDEAS[i % IDEAS.length],
      authorName: i % 3 === 0 ? null : `Công dân ${i + 1}`,
      authorContact: i % 3 === 0 ? null : `09${String(11000000 + i * 7919).padStart(8, '0')}`,
      status: answered ? 'ANSWERED' : 'OPEN',
      answer: answered ? 'Cảm ơn ông/bà đã góp ý; đơn vị sẽ bố trí trong tháng tới.' : null,
      submittedAt,
      answeredAt: answered ? new Date(submittedAt.getTime() + 2 * 86_400_000) : null,
      ownerPath: desk.path,
    };
  });
  return { petitions, suggestions };
}
