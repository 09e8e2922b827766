/**
 * The demo province: Bắc Ninh as it stood in 2018 (three tiers), the setting of the Quế Võ
 * figures in DOMAIN.md. Codes follow the national list's shape; electronic IDs follow
 * `000.{commune}.{district}.H06`.
 */
export const PROVINCE = { code: '27', name: 'Tỉnh Bắc Ninh', letter: 'H06' };

export const DEPARTMENTS: [code: string, name: string][] = [
  ['STP', 'Sở Tư pháp'],
  ['STNMT', 'Sở Tài nguyên và Môi trường'],
  ['SXD', 'Sở Xây dựng'],
  ['SKHDT', 'Sở Kế hoạch và Đầu tư'],
  ['SLDTBXH', 'Sở Lao động – Thương binh và Xã hội'],
  ['SYT', 'Sở Y tế'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo'],
  ['SGTVT', 'Sở Giao thông vận tải'],
  ['SCT', 'Sở Công Thương'],
  ['SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn'],
  ['STC', 'Sở Tài chính'],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch'],
];

export const DISTRICT_OFFICES: [code: string, name: string][] = [
  ['PTP', 'Phòng Tư pháp'],
  ['PTNMT', 'Phòng Tài nguyên và Môi trường'],
  ['PLDTBXH', 'Phòng Lao động – Thương binh và Xã hội'],
  ['PKTHT', 'Phòng Kinh tế và Hạ tầng'],
  ['PTCKH', 'Phòng Tài chính – Kế hoạch'],
];

/** Branches of provincial and central agencies in each district, by the process role they play: steps given by that role go to them. */
export const DISTRICT_BRANCHES: [code: string, name: (district: string) => string, role: string][] = [
  ['CA', (district) => `Công an ${district}`, 'Công an cấp huyện'],
  ['CNDD', (district) => `Chi nhánh Văn phòng đăng ký đất đai ${district}`, 'Chi nhánh Văn phòng đăng ký đất đai'],
];

/** The roles the People's Committee of each tier plays in processes. */
const COMMITTEE_ROLES: Record<string, string[]> = {
  PROVINCE: ['Ủy ban nhân dân tỉnh', 'Chủ tịch Ủy ban nhân dân tỉnh'],
  DISTRICT: ['Ủy ban nhân dân cấp huyện', 'Chủ tịch Ủy ban nhân dân cấp huyện'],
  COMMUNE: ['Ủy ban nhân dân cấp xã', 'Chủ tịch Ủy ban nhân dân cấp xã', 'Công chức Tư pháp – Hộ tịch'],
};

/** Provincial agencies with a role in liên thông processes, by code suffix. */
const PROVINCE_AGENCY_ROLES: Record<string, string[]> = { CA: ['Công an tỉnh'], BHXH: ['Bảo hiểm xã hội tỉnh'] };

/** Vai trò — the process roles a demo unit plays, as the province's catalogue administrators record them. */
export function rolesOf(code: string, name: string, kind: string, level: string): string[] {
  if (kind === 'ADMINISTRATIVE') return COMMITTEE_ROLES[level] ?? [];
  if (kind !== 'AGENCY') return [];
  const suffix = code.slice(code.lastIndexOf('-') + 1);
  if (level === 'PROVINCE') return PROVINCE_AGENCY_ROLES[suffix] ?? [];
  if (level !== 'DISTRICT') return [];
  const branch = DISTRICT_BRANCHES.find(([short]) => short === suffix);
  return branch ? [branch[2]] : DISTRICT_OFFICES.some(([short]) => short === suffix) ? [name] : [];
}

export const DISTRICTS: { code: string; name: string; short: string; communes: [code: string, name: string][] }[] = [
  {
    code: '256',
    name: 'Thành phố Bắc Ninh',
    short: 'thành phố Bắc Ninh',
    communes: [
      ['09163', 'Phường Vũ Ninh'],
      ['09166', 'Phường Suối Hoa'],
      ['09172', 'Phường Kinh Bắc'],
    ],
  },
  {
    code: '258',
    name: 'Huyện Yên Phong',
    short: 'huyện Yên Phong',
    communes: [
      ['09193', 'Thị trấn Chờ'],
      ['09196', 'Xã Dũng Liệt'],
      ['09199', 'Xã Tam Đa'],
    ],
  },
  {
    code: '259',
    name: 'Huyện Quế Võ',
    short: 'huyện Quế Võ',
    communes: [
      ['09238', 'Thị trấn Phố Mới'],
      ['09241', 'Xã Việt Thống'],
      ['09244', 'Xã Đại Xuân'],
      ['09247', 'Xã Nhân Hòa'],
    ],
  },
  {
    code: '260',
    name: 'Huyện Tiên Du',
    short: 'huyện Tiên Du',
    communes: [
      ['09325', 'Thị trấn Lim'],
      ['09328', 'Xã Phú Lâm'],
      ['09331', 'Xã Nội Duệ'],
    ],
  },
  {
    code: '261',
    name: 'Thị xã Từ Sơn',
    short: 'thị xã Từ Sơn',
    communes: [
      ['09367', 'Phường Đông Ngàn'],
      ['09370', 'Phường Đình Bảng'],
    ],
  },
];

export const FIELDS: [code: string, name: string, department: string, districtOffice: string][] = [
  ['HT', 'Hộ tịch', 'STP', 'PTP'],
  ['CT', 'Chứng thực', 'STP', 'PTP'],
  ['DD', 'Đất đai', 'STNMT', 'PTNMT'],
  ['XD', 'Xây dựng', 'SXD', 'PKTHT'],
  ['DKKD', 'Đăng ký kinh doanh', 'SKHDT', 'PTCKH'],
  ['LDTBXH', 'Lao động – Thương binh và Xã hội', 'SLDTBXH', 'PLDTBXH'],
  ['YT', 'Y tế', 'SYT', 'PLDTBXH'],
  ['GDDT', 'Giáo dục và Đào tạo', 'SGDDT', 'PLDTBXH'],
  ['GTVT', 'Giao thông vận tải', 'SGTVT', 'PKTHT'],
  ['MT', 'Môi trường', 'STNMT', 'PTNMT'],
];

type Level = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
/** [national code, field, name, level, working days (null: no due date), fee VND, online, inter-agency] */
export const PROCEDURES: [string, string, string, Level, number | null, number, 'FULL' | 'PARTIAL' | 'NONE', boolean][] = [
  ['1.001193', 'HT', 'Đăng ký khai sinh', 'COMMUNE', 0, 0, 'FULL', false],
  ['1.000894', 'HT', 'Đăng ký kết hôn', 'COMMUNE', 0, 0, 'PARTIAL', false],
  ['1.000656', 'HT', 'Đăng ký khai tử', 'COMMUNE', 0, 0, 'FULL', false],
  ['1.004884', 'HT', 'Đăng ký lại khai sinh', 'COMMUNE', 5, 0, 'PARTIAL', false],
  ['1.004873', 'HT', 'Cấp giấy xác nhận tình trạng hôn nhân', 'COMMUNE', 3, 0, 'FULL', false],
  ['1.004859', 'HT', 'Đăng ký nhận cha, mẹ, con', 'COMMUNE', 3, 0, 'PARTIAL', false],
  ['1.004845', 'HT', 'Thay đổi, cải chính, bổ sung thông tin hộ tịch', 'COMMUNE', 3, 15000, 'PARTIAL', false],
  ['2.000635', 'HT', 'Cấp bản sao trích lục hộ tịch', 'COMMUNE', 0, 8000, 'FULL', false],
  ['1.001022', 'HT', 'Đăng ký khai sinh có yếu tố nước ngoài', 'DISTRICT', 3, 75000, 'PARTIAL', false],
  ['1.000893', 'HT', 'Đăng ký kết hôn có yếu tố nước ngoài', 'DISTRICT', 15, 1000000, 'PARTIAL', true],
  ['2.000815', 'CT', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', 'COMMUNE', 0, 2000, 'NONE', false],
  ['2.000884', 'CT', 'Chứng thực chữ ký trong các giấy tờ, văn bản', 'COMMUNE', 0, 10000, 'NONE', false],
  ['2.001035', 'CT', 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản', 'COMMUNE', 2, 50000, 'NONE', false],
  ['2.000913', 'CT', 'Chứng thực bản sao từ bản chính giấy tờ do cơ quan nước ngoài cấp', 'DISTRICT', 0, 2000, 'NONE', false],
  ['1.004227', 'DD', 'Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất lần đầu', 'DISTRICT', 30, 100000, 'PARTIAL', true],
  ['1.004203', 'DD', 'Đăng ký biến động quyền sử dụng đất do chuyển nhượng', 'DISTRICT', 10, 50000, 'PARTIAL', true],
  ['1.004221', 'DD', 'Cấp đổi Giấy chứng nhận quyền sử dụng đất', 'DISTRICT', 7, 50000, 'PARTIAL', false],
  ['1.004199', 'DD', 'Chuyển mục đích sử dụng đất phải được phép', 'DISTRICT', 15, 0, 'PARTIAL', true],
  ['2.000381', 'DD', 'Giao đất, cho thuê đất cho tổ chức', 'PROVINCE', 20, 0, 'PARTIAL', true],
  ['1.003003', 'DD', 'Hòa giải tranh chấp đất đai', 'COMMUNE', 45, 0, 'NONE', false],
  ['1.009972', 'XD', 'Cấp giấy phép xây dựng nhà ở riêng lẻ', 'DISTRICT', 15, 75000, 'PARTIAL', false],
  ['1.009974', 'XD', 'Cấp giấy phép sửa chữa, cải tạo công trình', 'DISTRICT', 15, 75000, 'PARTIAL', false],
  ['1.009794', 'XD', 'Cấp giấy phép xây dựng công trình cấp I, II', 'PROVINCE', 20, 150000, 'PARTIAL', false],
  ['1.009939', 'XD', 'Thẩm định báo cáo nghiên cứu khả thi đầu tư xây dựng', 'PROVINCE', 30, 0, 'NONE', true],
  ['1.010013', 'XD', 'Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, III', 'PROVINCE', 20, 300000, 'FULL', false],
  ['2.000720', 'DKKD', 'Đăng ký thành lập hộ kinh doanh', 'DISTRICT', 3, 100000, 'FULL', false],
  ['2.000575', 'DKKD', 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', 'DISTRICT', 3, 100000, 'FULL', false],
  ['2.000529', 'DKKD', 'Tạm ngừng kinh doanh hộ kinh doanh', 'DISTRICT', 3, 0, 'FULL', false],
  ['1.010027', 'DKKD', 'Đăng ký thành lập doanh nghiệp tư nhân', 'PROVINCE', 3, 50000, 'FULL', false],
  ['2.002038', 'DKKD', 'Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên', 'PROVINCE', 3, 50000, 'FULL', false],
  ['2.002041', 'DKKD', 'Đăng ký thành lập công ty cổ phần', 'PROVINCE', 3, 50000, 'FULL', false],
  ['1.005050', 'DKKD', 'Cấp Giấy chứng nhận đăng ký đầu tư', 'PROVINCE', 15, 0, 'PARTIAL', true],
  ['1.001776', 'LDTBXH', 'Trợ cấp xã hội hằng tháng cho đối tượng bảo trợ xã hội', 'COMMUNE', 20, 0, 'PARTIAL', true],
  ['1.001758', 'LDTBXH', 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội', 'COMMUNE', 5, 0, 'PARTIAL', true],
  ['1.010801', 'LDTBXH', 'Xác nhận hộ gia đình làm nông nghiệp có mức sống trung bình', 'COMMUNE', 10, 0, 'NONE', false],
  ['1.001699', 'LDTBXH', 'Xác định, xác định lại mức độ khuyết tật', 'COMMUNE', 30, 0, 'PARTIAL', false],
  ['2.000294', 'LDTBXH', 'Giải quyết trợ cấp thất nghiệp', 'PROVINCE', 20, 0, 'FULL', false],
  ['1.001978', 'LDTBXH', 'Cấp giấy phép lao động cho người nước ngoài', 'PROVINCE', 5, 600000, 'FULL', false],
  ['1.003583', 'LDTBXH', 'Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm', 'COMMUNE', 10, 0, 'NONE', false],
  ['1.002425', 'YT', 'Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh', 'PROVINCE', 20, 360000, 'PARTIAL', false],
  ['1.001907', 'YT', 'Cấp giấy chứng nhận đủ điều kiện kinh doanh dược', 'PROVINCE', 30, 3000000, 'PARTIAL', false],
  ['1.003945', 'YT', 'Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', 'DISTRICT', 15, 500000, 'PARTIAL', false],
  ['1.004515', 'GDDT', 'Cho phép trường mầm non tư thục hoạt động giáo dục', 'DISTRICT', 20, 0, 'PARTIAL', false],
  ['1.005092', 'GDDT', 'Chuyển trường đối với học sinh trung học cơ sở', 'DISTRICT', 3, 0, 'FULL', false],
  ['1.001000', 'GDDT', 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc', 'PROVINCE', 0, 0, 'FULL', false],
  ['1.002809', 'GDDT', 'Xét tuyển sinh vào trường phổ thông dân tộc nội trú', 'PROVINCE', null, 0, 'PARTIAL', false],
  ['1.002820', 'GTVT', 'Đổi giấy phép lái xe do ngành giao thông vận tải cấp', 'PROVINCE', 5, 135000, 'FULL', false],
  ['1.002804', 'GTVT', 'Cấp phù hiệu xe ô tô kinh doanh vận tải', 'PROVINCE', 2, 0, 'FULL', false],
  ['1.001733', 'GTVT', 'Cấp giấy phép thi công công trình trên đường bộ đang khai thác', 'DISTRICT', 7, 0, 'PARTIAL', false],
  ['1.004249', 'MT', 'Xác nhận đăng ký kế hoạch bảo vệ môi trường', 'DISTRICT', 10, 0, 'PARTIAL', false],
  ['1.010728', 'MT', 'Cấp giấy phép môi trường', 'PROVINCE', 30, 0, 'PARTIAL', true],
  ['1.004138', 'MT', 'Đăng ký khai thác nước dưới đất', 'PROVINCE', 10, 0, 'PARTIAL', false],
  ['1.008004', 'HT', 'Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi', 'COMMUNE', 5, 0, 'FULL', true],
  ['1.003180', 'DD', 'Xác nhận tiếp tục sử dụng đất nông nghiệp của hộ gia đình khi hết thời hạn', 'DISTRICT', 7, 0, 'PARTIAL', false],
];

export const FAMILY_NAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đào',
  'Trịnh',
];
export const MIDDLE_NAMES = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Ngọc', 'Quang', 'Thanh', 'Hữu', 'Xuân', 'Hồng', 'Bảo'];
export const GIVEN_NAMES = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hà',
  'Hạnh',
  'Hiếu',
  'Hoa',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Trang',
  'Tuấn',
  'Uyên',
  'Việt',
  'Yến',
  'Đạt',
];
export const COMPANY_NAMES = [
  'Công ty TNHH Thương mại Minh Phát',
  'Công ty Cổ phần Xây dựng Kinh Bắc',
  'Công ty TNHH Điện tử Quế Võ',
  'Hợp tác xã Nông nghiệp Đại Xuân',
  'Công ty Cổ phần Gốm Phù Lãng',
  'Công ty TNHH Dệt may Từ Sơn',
];

/** Further provincial departments with officials at the centre (Quảng Nam: 19 departments in all). */
export const MORE_DEPARTMENTS: [code: string, name: string][] = [
  ['SNV', 'Sở Nội vụ'],
  ['STTTT', 'Sở Thông tin và Truyền thông'],
  ['SKHCN', 'Sở Khoa học và Công nghệ'],
  ['SNGV', 'Sở Ngoại vụ'],
  ['BQLKCN', 'Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh'],
  ['VPUBND', 'Văn phòng UBND tỉnh'],
  ['TTRA', 'Thanh tra tỉnh'],
];

/** Central agencies' local offices that place officials at the centre, and how many each. */
export const CENTRAL_OFFICES: [code: string, name: string, officials: number][] = [
  ['CT', 'Cục Thuế tỉnh Bắc Ninh', 6],
  ['CA', 'Công an tỉnh Bắc Ninh', 6],
  ['BHXH', 'Bảo hiểm xã hội tỉnh Bắc Ninh', 5],
  ['KBNN', 'Kho bạc Nhà nước Bắc Ninh', 5],
];

/** The provincial centre's 16 counters: name, fields served, and the home agencies whose officials sit there. */
export const CENTRE_COUNTERS: [name: string, fields: string[], agencies: string[]][] = [
  ['Quầy Tư pháp – Hộ tịch', ['HT'], ['STP']],
  ['Quầy Chứng thực', ['CT'], ['STP']],
  ['Quầy Đất đai', ['DD'], ['STNMT']],
  ['Quầy Môi trường', ['MT'], ['STNMT']],
  ['Quầy Xây dựng', ['XD'], ['SXD']],
  ['Quầy Đăng ký kinh doanh', ['DKKD'], ['SKHDT']],
  ['Quầy Lao động – Thương binh và Xã hội', ['LDTBXH'], ['SLDTBXH']],
  ['Quầy Y tế', ['YT'], ['SYT']],
  ['Quầy Giáo dục và Đào tạo', ['GDDT'], ['SGDDT']],
  // The transport department has no official at its counter: the staffing summary shows the gap.
  ['Quầy Giao thông vận tải', ['GTVT'], []],
  ['Quầy Công Thương – Nông nghiệp', [], ['SCT', 'SNNPTNT']],
  ['Quầy Tài chính – Nội vụ', [], ['STC', 'SNV']],
  ['Quầy Thuế', [], ['CT']],
  ['Quầy Công an', [], ['CA']],
  ['Quầy Bảo hiểm xã hội', [], ['BHXH']],
  ['Quầy Kho bạc – Thu phí, lệ phí', [], ['KBNN']],
];
