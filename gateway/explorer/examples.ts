/** Example operations shown as tabs in the explorer; the end-to-end tests run them too. */
export const EXAMPLES: { title: string; query: string }[] = [
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
      procedure { code name field { name } timeLimitDays }
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
];
