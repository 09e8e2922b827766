/** An example: its title (listed in the explorer's Examples pane), its operations, and their variables. */
export interface Example {
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

/** A dossier's journey, operation by operation, with variables: the explorer test runs them in this order. */
export const JOURNEY_OPERATIONS = ['ReceivedDossiers', 'Transfer', 'RequestSupplement', 'ReceiveSupplement', 'History'] as const;

/** Example operations shown as tabs in the explorer; the end-to-end tests run them too. */
export const EXAMPLES: Example[] = [
  {
    title: 'One dossier across all four subgraphs',
    query: `# Hồ sơ mới nhất của đơn vị bạn: thủ tục, đơn vị tiếp nhận, cán bộ xử lý và đánh giá.
query LatestDossier {
  dossiers(first: 1) {
    totalCount
    nodes {
      code
      applicantName
      status
      statusCode
      receivedAt
      dueAt
      procedure { code name field { name } }
      procedureVersion { number decision effectiveFrom }
      caseVariant { name timeLimit { amount unit } }
      receivingUnit { code name electronicId parent { name } }
      handler { fullName title homeAgency { name } }
      ratings { resultSatisfaction attitudeSatisfaction channel ratedAt }
    }
  }
}`,
  },
  {
    title: 'The unit tree',
    query: `# Cây đơn vị hành chính: tỉnh, huyện, xã và các cơ quan.
query UnitTree {
  units(filter: { level: PROVINCE, kind: ADMINISTRATIVE }) {
    nodes {
      code
      name
      children { code name kind level children { code name kind } }
    }
  }
}`,
  },
  {
    title: 'Procedures with dossier counts',
    query: `# Danh mục thủ tục kèm số hồ sơ đã nộp.
query Procedures {
  procedures(first: 10) {
    totalCount
    nodes { code name field { name } levels onlineLevel feeVnd dossierCount }
    pageInfo { hasNextPage endCursor }
  }
}`,
  },
  {
    title: 'Search the catalogue without diacritics',
    query: `# Tìm thủ tục không cần gõ dấu: "dang ky kinh doanh" tìm thấy "Đăng ký … kinh doanh".
query Search {
  procedures(filter: { search: "dang ky kinh doanh" }, first: 10) {
    totalCount
    nodes { code name levels onlineLevel feeVnd field { name } }
  }
}`,
  },
  {
    title: 'A unit as it was on a date',
    query: `# Đơn vị theo thời điểm: tên, cấp trên và lịch sử thay đổi (đổi tên, điều chỉnh, sáp nhập).
query UnitAsItWas {
  unit(code: "09241", at: "2018-05-02") {
    name
    path
    asOf
    ancestors { name }
    history { name validFrom validTo parent { name } }
  }
}`,
  },
  {
    title: 'A liên thông procedure and its versions',
    query: `# Thủ tục liên thông: các trường hợp, quy trình nội bộ qua xã → huyện → tỉnh, và các phiên bản đã công bố.
query InterAgencyProcedure {
  procedures(filter: { search: "giao dat cho thue dat" }, first: 1) {
    nodes {
      localCode
      name
      state
      versionAt {
        number
        decision
        effectiveFrom
        executingAgency { name }
        documents { name originals copies form }
        fees { name amountVnd }
        legalBasis
        variants {
          name
          timeLimit { amount unit }
          process { position title level role unit { name } time { amount unit } }
        }
      }
      versions { number decision effectiveFrom effectiveTo }
    }
  }
}`,
  },
  {
    title: "A centre's staffing and an official's evaluation",
    query: `# Nhân sự biệt phái tại Trung tâm Phục vụ hành chính công tỉnh và đánh giá một cán bộ:
# hồ sơ đã xử lý (phân hệ hồ sơ) và mức độ hài lòng (phân hệ phản hồi) trong một truy vấn.
query CentreStaffing {
  centreStaffing(centreCode: "27-TTHCC", date: "2026-11-20") {
    seconded
    central
    openCounters
    countersCovered
    fieldsWithoutOfficial { code name }
    byHomeAgency { homeAgency { name } kind officials }
  }
  counters(centreCode: "27-TTHCC") {
    number
    name
    assignments(date: "2026-11-20") {
      official {
        fullName
        title
        homeAgency { name }
        secondments { decisionNumber startDate plannedEndDate actualEndDate endReason }
        workload(from: "2026-06-01", to: "2026-11-20") { received resolved onTimeRate }
        satisfaction(from: "2026-06-01", to: "2026-11-20") { ratings satisfactionRate averageScore }
      }
    }
  }
}`,
  },
  {
    title: 'A provincial dashboard: every district in one request',
    query: `# Bảng điều hành cấp tỉnh: tiếp nhận, tỷ lệ đúng hạn (phân hệ hồ sơ), mức độ hài lòng và
# chỉ số phục vụ theo Quyết định 766 (phân hệ phản hồi) của từng huyện; null là N/A.
query ProvincialDashboard {
  units(filter: { level: DISTRICT, kind: ADMINISTRATIVE }) {
    nodes {
      code
      name
      dossierStats(from: "2026-09-01", to: "2026-10-31") { received resolved resolvedLate onTimeRate inProgressOverdue }
      satisfaction(from: "2026-09-01", to: "2026-10-31") { ratings satisfactionRate averageScore }
      serviceIndex(from: "2026-09-01", to: "2026-10-31") {
        progressRate onlineDossierRate satisfactionRate petitionsInTimeRate procedureSatisfaction
      }
    }
  }
  departments: satisfactionStatistics(filter: { from: "2026-01-01", to: "2026-11-20" }, groupBy: AGENCY) {
    unit { name }
    satisfaction { ratings satisfactionRate }
  }
  overdue: petitions(first: 10, filter: { overdue: true }) {
    totalCount
    nodes { subject unit { name } receivedAt resolveBy repeatOf { receivedAt } }
  }
}`,
  },
  {
    title: "A dossier's journey: mutations with variables",
    query: `# Xử lý một hồ sơ bằng các biến (Variables, bên dưới). Chạy lần lượt:
# 1. ReceivedDossiers — chọn một hồ sơ đã tiếp nhận, chép id vào biến "dossierId";
# 2. Transfer — chuyển xử lý; 3. RequestSupplement — yêu cầu bổ sung (mẫu 02), đồng hồ dừng;
# 4. ReceiveSupplement — nhận bổ sung, đồng hồ chạy tiếp; 5. History — xem lịch sử (mẫu 05/06).
# Mỗi thao tác mang một clientRequestId riêng: gửi lại cùng giá trị thì nhận lại kết quả lần đầu.
query ReceivedDossiers {
  dossiers(first: 5, filter: { status: RECEIVED }) {
    nodes { id code applicantName version procedure { name } receivingUnit { name } }
  }
}

mutation Transfer($dossierId: ID!, $transferRequestId: String!) {
  transferDossier(input: { clientRequestId: $transferRequestId, dossierId: $dossierId }) {
    dossier { code status version currentStep { position title unit { name } } }
  }
}

mutation RequestSupplement($dossierId: ID!, $supplementRequestId: String!, $missingItems: [String!]!) {
  requestSupplement(input: { clientRequestId: $supplementRequestId, dossierId: $dossierId, missingItems: $missingItems }) {
    dossier { code status supplementCount }
  }
}

mutation ReceiveSupplement($dossierId: ID!, $handedInRequestId: String!, $missingItems: [String!]!) {
  receiveSupplement(input: { clientRequestId: $handedInRequestId, dossierId: $dossierId, handedIn: $missingItems }) {
    dossier { code status dueAt }
  }
}

query History($dossierId: ID!) {
  dossier(id: $dossierId) {
    code
    status
    history { at action fromStatus toStatus actorUnit }
  }
}`,
    variables: {
      dossierId: 'chép id từ ReceivedDossiers',
      transferRequestId: 'vi-du-chuyen-xu-ly-0001',
      supplementRequestId: 'vi-du-yeu-cau-bo-sung-0001',
      handedInRequestId: 'vi-du-nhan-bo-sung-0001',
      missingItems: ['Bản sao Giấy khai sinh có chứng thực'],
    },
  },
];
