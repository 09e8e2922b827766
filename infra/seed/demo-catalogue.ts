import type { UnitLevel } from '../../subgraphs/catalogue/src/store/entities/administrative-unit.entity';
import type { Announcement, CaseVariant, ProcedureContent, ProcessStep, RequiredDocument } from '../../subgraphs/catalogue/src/procedures/content';
import type { Identity } from '../../subgraphs/catalogue/src/procedures/rows';
import { FIELDS, PROCEDURES, PROVINCE } from './demo-province';

export interface CatalogueEntry {
  identity: Identity;
  /** Oldest first; each later one amends the one before. */
  versions: { announcement: Announcement; content: ProcedureContent }[];
}

/** The decision that announced Bắc Ninh's catalogue, and the one that amended part of it in 2026. */
export const FIRST_ANNOUNCEMENT: Announcement = { decision: '1069/QĐ-UBND', effectiveFrom: '2019-01-01' };
export const AMENDMENT: Announcement = { decision: '487/QĐ-UBND', effectiveFrom: '2026-08-01' };

const LEGAL_BASIS: Record<string, string[]> = {
  HT: ['Luật Hộ tịch số 60/2014/QH13', 'Nghị định số 123/2015/NĐ-CP'],
  CT: ['Nghị định số 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực'],
  DD: ['Luật Đất đai số 31/2024/QH15', 'Nghị định số 101/2024/NĐ-CP'],
  XD: ['Luật Xây dựng số 50/2014/QH13', 'Nghị định số 15/2021/NĐ-CP'],
  DKKD: ['Luật Doanh nghiệp số 59/2020/QH14', 'Nghị định số 01/2021/NĐ-CP'],
  LDTBXH: ['Nghị định số 20/2021/NĐ-CP', 'Bộ luật Lao động số 45/2019/QH14'],
  YT: ['Luật Khám bệnh, chữa bệnh số 15/2023/QH15', 'Luật Dược số 105/2016/QH13'],
  GDDT: ['Luật Giáo dục số 43/2019/QH14'],
  GTVT: ['Luật Trật tự, an toàn giao thông đường bộ số 36/2024/QH15'],
  MT: ['Luật Bảo vệ môi trường số 72/2020/QH14', 'Nghị định số 08/2022/NĐ-CP'],
};

const ORGANISATION_FIELDS = new Set(['DKKD', 'XD', 'YT', 'MT', 'GTVT']);
const days = (amount: number) => ({ amount, unit: 'WORKING_DAYS' as const });
const step = (title: string, level: UnitLevel, who: { unitCode?: string; role?: string }, time: number): ProcessStep => ({
  title,
  level,
  unitCode: who.unitCode ?? null,
  role: who.role ?? null,
  time: days(time),
});
const department = (short: string) => ({ unitCode: `${PROVINCE.code}-${short}` });

/**
 * The liên thông processes, commune → district → province where the law makes them so; every
 * other case is handled by its executing agency alone.
 */
const PROCESSES: Record<string, ProcessStep[]> = {
  // Giao đất, cho thuê đất cho tổ chức
  '2.000381': [
    step('Xác nhận hiện trạng, nguồn gốc khu đất', 'COMMUNE', { role: 'Ủy ban nhân dân cấp xã' }, 3),
    step('Cho ý kiến về quy hoạch, kế hoạch sử dụng đất', 'DISTRICT', { role: 'Phòng Tài nguyên và Môi trường' }, 5),
    step('Thẩm định hồ sơ, trình quyết định giao đất', 'PROVINCE', department('STNMT'), 10),
    step('Quyết định giao đất, cho thuê đất', 'PROVINCE', { role: 'Ủy ban nhân dân tỉnh' }, 2),
  ],
  // Cấp giấy phép môi trường
  '1.010728': [
    step('Tham vấn cộng đồng dân cư nơi thực hiện dự án', 'COMMUNE', { role: 'Ủy ban nhân dân cấp xã' }, 5),
    step('Kiểm tra thực tế, cho ý kiến', 'DISTRICT', { role: 'Phòng Tài nguyên và Môi trường' }, 7),
    step('Thẩm định, cấp giấy phép', 'PROVINCE', department('STNMT'), 18),
  ],
  // Liên thông khai sinh, thường trú, bảo hiểm y tế cho trẻ dưới 6 tuổi
  '1.008004': [
    step('Đăng ký khai sinh', 'COMMUNE', { role: 'Công chức Tư pháp – Hộ tịch' }, 1),
    step('Đăng ký thường trú', 'DISTRICT', { role: 'Công an cấp huyện' }, 2),
    step('Cấp thẻ bảo hiểm y tế', 'PROVINCE', { role: 'Bảo hiểm xã hội tỉnh' }, 2),
  ],
  // Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất lần đầu
  '1.004227': [
    step('Xác nhận nguồn gốc, hiện trạng; niêm yết công khai', 'COMMUNE', { role: 'Ủy ban nhân dân cấp xã' }, 10),
    step('Kiểm tra hồ sơ, trích đo địa chính', 'DISTRICT', { role: 'Chi nhánh Văn phòng đăng ký đất đai' }, 10),
    step('In Giấy chứng nhận', 'PROVINCE', department('STNMT'), 5),
    step('Ký Giấy chứng nhận', 'DISTRICT', { role: 'Ủy ban nhân dân cấp huyện' }, 5),
  ],
  // Trợ cấp xã hội hằng tháng
  '1.001776': [
    step('Hội đồng xét duyệt cấp xã xem xét, niêm yết', 'COMMUNE', { role: 'Ủy ban nhân dân cấp xã' }, 10),
    step('Thẩm định hồ sơ', 'DISTRICT', { role: 'Phòng Lao động – Thương binh và Xã hội' }, 7),
    step('Quyết định trợ cấp', 'DISTRICT', { role: 'Chủ tịch Ủy ban nhân dân cấp huyện' }, 3),
  ],
  // Hỗ trợ chi phí mai táng
  '1.001758': [
    step('Xác nhận, đề nghị hỗ trợ', 'COMMUNE', { role: 'Ủy ban nhân dân cấp xã' }, 2),
    step('Quyết định hỗ trợ', 'DISTRICT', { role: 'Phòng Lao động – Thương binh và Xã hội' }, 3),
  ],
  // Đăng ký kết hôn có yếu tố nước ngoài
  '1.000893': [
    step('Nghiên cứu, thẩm định hồ sơ', 'DISTRICT', { role: 'Phòng Tư pháp' }, 10),
    step('Xác minh nhân thân', 'PROVINCE', { role: 'Công an tỉnh' }, 3),
    step('Ký Giấy chứng nhận kết hôn', 'DISTRICT', { role: 'Chủ tịch Ủy ban nhân dân cấp huyện' }, 2),
  ],
  // Thẩm định báo cáo nghiên cứu khả thi
  '1.009939': [
    step('Lấy ý kiến địa phương nơi có dự án', 'DISTRICT', { role: 'Phòng Kinh tế và Hạ tầng' }, 10),
    step('Thẩm định, thông báo kết quả', 'PROVINCE', department('SXD'), 20),
  ],
};

/** Procedures that also have a case needing verification, with a longer limit. */
const VERIFICATION_CASES = new Set(['1.004884', '1.004873', '1.004859', '1.004845']);
/** Procedures the 2026 amendment shortened by a third. */
const AMENDED = new Set(['1.004884', '1.004227', '1.009972', '2.000720', '1.002425', '1.004249']);

function caseVariants(code: string, limit: number | null, online: boolean): CaseVariant[] {
  const main: CaseVariant = {
    name: 'Trường hợp chung',
    timeLimit: limit === null ? null : days(limit),
    onlineTimeLimit: online && limit !== null && limit >= 3 ? limit - 1 : null,
    process: PROCESSES[code] ?? [],
  };
  if (!VERIFICATION_CASES.has(code) || limit === null) return [main];
  return [main, { name: 'Trường hợp phải xác minh', timeLimit: days(limit + 5), onlineTimeLimit: null, process: [] }];
}

/** Shortens every limit and step by a third, whole days, as the 2026 decision did. */
function shortened(variants: CaseVariant[]): CaseVariant[] {
  const cut = (n: number) => Math.max(1, Math.ceil((n * 2) / 3));
  return variants.map((variant) => ({
    ...variant,
    timeLimit: variant.timeLimit && days(cut(variant.timeLimit.amount)),
    onlineTimeLimit: variant.onlineTimeLimit === null ? null : Math.min(variant.onlineTimeLimit, cut(variant.timeLimit!.amount)),
    process: variant.process.map((s) => ({ ...s, time: days(Math.max(1, Math.floor((s.time.amount * 2) / 3))) })),
  }));
}

const ROLE_BY_LEVEL: Record<UnitLevel, string> = {
  COMMUNE: 'Ủy ban nhân dân cấp xã',
  DISTRICT: 'Ủy ban nhân dân cấp huyện',
  PROVINCE: 'Ủy ban nhân dân tỉnh',
};

/** The demo province's catalogue: every mandatory component, liên thông processes, and a 2026 amendment of a few. */
export function demoCatalogue(): CatalogueEntry[] {
  return PROCEDURES.map(([code, fieldCode, name, level, limit, fee, online, interAgency]) => {
    const field = FIELDS.find((f) => f[0] === fieldCode)!;
    const organisation = ORGANISATION_FIELDS.has(fieldCode) && level !== 'COMMUNE';
    const documents: RequiredDocument[] = [
      { name: `Tờ khai / đơn đề nghị ${name.charAt(0).toLowerCase()}${name.slice(1)}`, originals: 1, copies: 0, form: `${code}-TK01` },
      organisation
        ? { name: 'Giấy chứng nhận đăng ký doanh nghiệp', originals: 0, copies: 1, form: null }
        : { name: 'Căn cước công dân hoặc hộ chiếu', originals: 0, copies: 1, form: null },
    ];
    const content: ProcedureContent = {
      name,
      fieldCode,
      levels: [level],
      executingAgencyCode: level === 'PROVINCE' ? `${PROVINCE.code}-${field[2]}` : null,
      executingAgencyRole: level === 'PROVINCE' ? null : ROLE_BY_LEVEL[level],
      onlineLevel: online,
      interAgency,
      oneStop: true,
      boundaryFree: online === 'FULL',
      submissionMethods: online === 'NONE' ? ['IN_PERSON', 'POSTAL'] : ['IN_PERSON', 'POSTAL', 'ONLINE'],
      steps: [
        'Nộp hồ sơ tại Bộ phận tiếp nhận và trả kết quả' + (online === 'NONE' ? '' : ' hoặc trên Cổng dịch vụ công'),
        'Cơ quan có thẩm quyền thẩm định, giải quyết',
        'Nhận kết quả tại nơi nộp hoặc qua dịch vụ bưu chính công ích',
      ],
      documents,
      applicants: organisation ? ['Tổ chức, doanh nghiệp'] : ['Công dân Việt Nam', 'Người nước ngoài cư trú tại Việt Nam'],
      result: `Văn bản giải quyết thủ tục ${name.charAt(0).toLowerCase()}${name.slice(1)}`,
      conditions: [],
      legalBasis: LEGAL_BASIS[fieldCode] ?? [],
      fees: fee ? [{ name: 'Lệ phí', amountVnd: fee }] : [],
      variants: caseVariants(code, limit, online !== 'NONE'),
    };
    const versions = [{ announcement: FIRST_ANNOUNCEMENT, content }];
    if (AMENDED.has(code)) versions.push({ announcement: AMENDMENT, content: { ...content, variants: shortened(content.variants) } });
    return { identity: { code, localCode: `${code}.000.00.00.${PROVINCE.letter}` }, versions };
  });
}
