import { UNLIMITED_ANONYMOUS } from '../../gateway/src/plugins/anonymous-limits';
import { performance } from 'node:perf_hooks';
import { statementLog } from '../../shared/db';
import { uuidFrom } from '../../shared/ids';
import { config } from '../../shared/config';
import { issueToken } from '../../gateway/src/auth';
import type { ProcedureEntity } from '../../subgraphs/catalogue/src/store/entities/procedure.entity';
import { foldVietnamese as fold } from '../../test/support/oracles';
import { buildDemo } from '../seed/demo';
import { writeDemo } from '../seed/seed';
import { startStack } from '../stack';
import { benchDatabases, percentile, runBench, setupLine } from './harness';

/**
 * `npm run bench:catalogue`: 5,000 procedures, then accent-free searches as a portal sends
 * them, one at a time through the gateway. Prints p50/p95/p99; exits 1 on any wrong answer.
 */
const PROCEDURES = Number(process.env.BENCH_PROCEDURES ?? 5000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const WARMUP = 100;

const VERBS = [
  'Cấp',
  'Cấp lại',
  'Cấp đổi',
  'Đăng ký',
  'Điều chỉnh',
  'Gia hạn',
  'Thu hồi',
  'Xác nhận',
  'Thẩm định',
  'Phê duyệt',
  'Chứng thực',
  'Công nhận',
];
const OBJECTS = [
  'giấy phép xây dựng',
  'giấy chứng nhận quyền sử dụng đất',
  'hộ kinh doanh',
  'giấy phép lái xe',
  'chứng chỉ hành nghề',
  'trợ cấp xã hội',
  'khai sinh',
  'kết hôn',
  'giấy phép môi trường',
  'đăng ký đầu tư',
  'an toàn thực phẩm',
  'hợp đồng lao động',
  'biển hiệu quảng cáo',
  'trường mầm non tư thục',
];
const QUALIFIERS = [
  'cho tổ chức',
  'cho cá nhân',
  'có yếu tố nước ngoài',
  'tại cấp xã',
  'trong khu công nghiệp',
  'đối với công trình cấp III',
  'lần đầu',
  'do bị mất',
  'do hết hạn',
  'theo thủ tục rút gọn',
];
const SEARCHES = [
  'dang ky',
  'cap giay phep',
  'ho kinh doanh',
  'giay phep xay dung',
  'khai sinh',
  'ket hon nuoc ngoai',
  'chung chi hanh nghe',
  'tro cap xa hoi',
  'an toan thuc pham',
  'gia han',
  'thu hoi giay',
  'xac nhan',
  'moi truong',
  'dat',
  'lai xe',
  'mam non',
];

function generatedProcedures(template: ProcedureEntity[]): ProcedureEntity[] {
  return Array.from({ length: PROCEDURES }, (_, i) => {
    const base = template[i % template.length];
    const name = `${VERBS[i % VERBS.length]} ${OBJECTS[Math.floor(i / VERBS.length) % OBJECTS.length]} ${QUALIFIERS[Math.floor(i / (VERBS.length * OBJECTS.length)) % QUALIFIERS.length]} (mẫu ${i + 1})`;
    const code = `9.${String(100000 + i)}`;
    return { ...base, id: uuidFrom(`bench-procedure:${i}`), code, localCode: `${code}.000.00.00.H06`, name };
  });
}

async function main() {
  const databases = await benchDatabases();
  const demo = buildDemo({ dossiers: 50 });
  demo.procedures.push(...generatedProcedures(demo.procedures));
  await writeDemo(databases.urls, demo);
  const stack = await startStack({
    databases: databases.urls,
    ports: { gateway: 0, catalogue: 0, dossiers: 0, personnel: 0, feedback: 0 },
    anonymousLimits: UNLIMITED_ANONYMOUS,
  });
  const token = await issueToken({ sub: 'bench', role: 'OFFICIAL', unit: '27' }, config.jwtSecret);
  const query = `query ($search: String!) { procedures(filter: { search: $search }, first: 20) { totalCount nodes { id code localCode name onlineLevel field { name } } } }`;
  let wrong = 0;

  async function search(text: string): Promise<number> {
    const started = performance.now();
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables: { search: text } }),
    });
    const body = (await response.json()) as {
      data?: { procedures: { totalCount: number; nodes: { name: string; code: string; localCode: string }[] } };
      errors?: unknown;
    };
    const elapsed = performance.now() - started;
    const words = fold(text).split(' ');
    const expected = demo.procedures.filter((p) => words.every((w) => fold(`${p.code} ${p.localCode} ${p.name}`).includes(w))).length;
    const nodes = body.data?.procedures.nodes ?? [];
    if (
      body.errors ||
      body.data?.procedures.totalCount !== expected ||
      nodes.length !== Math.min(20, expected) ||
      !nodes.every((n) => words.every((w) => fold(`${n.code} ${n.localCode} ${n.name}`).includes(w)))
    ) {
      wrong += 1;
      if (wrong <= 3) console.error(`wrong answer for "${text}": expected ${expected}, got ${JSON.stringify(body).slice(0, 300)}`);
    }
    return elapsed;
  }

  for (let i = 0; i < WARMUP; i++) await search(SEARCHES[i % SEARCHES.length]);
  statementLog(stack.dbs.catalogue).reset();
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < REQUESTS; i++) latencies.push(await search(SEARCHES[i % SEARCHES.length]));
  const seconds = (performance.now() - started) / 1000;
  const statements = statementLog(stack.dbs.catalogue).count / REQUESTS;
  latencies.sort((a, b) => a - b);
  const explain = `EXPLAIN (FORMAT JSON) SELECT id FROM procedure p WHERE p.search_text LIKE '%' || motcua_fold('9.104321') || '%'`;
  const planOf = (rows: { 'QUERY PLAN': { Plan: { 'Node Type': string } }[] }[]) => JSON.stringify(rows[0]['QUERY PLAN'][0].Plan);
  const chosen = planOf(await stack.dbs.catalogue.query(explain));
  // With seq scans priced out the plan shows whether the trigram index can serve the search at all.
  const indexed = await stack.dbs.catalogue.transaction(async (manager) => {
    await manager.query('SET LOCAL enable_seqscan = off');
    return planOf(await manager.query(explain));
  });

  console.log(setupLine({ procedures: demo.procedures.length, requests: REQUESTS, concurrency: 1, page: 20 }));
  console.log(
    `catalogue search through gateway: p50=${percentile(latencies, 50).toFixed(2)} ms p95=${percentile(latencies, 95).toFixed(2)} ms p99=${percentile(latencies, 99).toFixed(2)} ms`,
  );
  console.log(`throughput=${(REQUESTS / seconds).toFixed(0)} req/s sql_statements_per_request=${statements.toFixed(2)} wrong_answers=${wrong}`);
  console.log(
    `planner's choice for a selective search: ${chosen.includes('procedure_search_idx') ? 'trigram index' : 'sequential scan'}; trigram index usable: ${indexed.includes('procedure_search_idx')}`,
  );

  await stack.stop();
  await databases.stop();
  return wrong;
}

runBench(main);
