import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COLUMNS, draftsFrom, readRows, type Column } from '../src/procedures/import';

const EXAMPLE = readFileSync(path.join(__dirname, '..', 'import', 'example.csv'), 'utf8');

/** A CSV file with the import's header and these rows, each cell quoted so commas and line breaks stay inside it. */
function csv(rows: Partial<Record<Column, string>>[]): string {
  const cell = (value: string | undefined) => (value === undefined ? '' : `"${value.replaceAll('"', '""')}"`);
  return [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((column) => cell(row[column])).join(','))].join('\n');
}

/** A procedure's own columns, complete enough that only what a test changes is wrong. */
const PROCEDURE: Partial<Record<Column, string>> = {
  local_code: '1.090001.000.00.00.H06',
  code: '1.090001',
  name: 'Đăng ký khai sinh',
  field_code: 'HT',
  levels: 'COMMUNE',
  executing_agency_role: 'Ủy ban nhân dân cấp xã',
  decision: '9/QĐ-UBND',
  effective_from: '2026-12-20',
  submission_methods: 'IN_PERSON',
  steps: 'Nộp hồ sơ',
  documents: 'Tờ khai | 1 | 0 | TK',
  applicants: 'Công dân Việt Nam',
  variant: 'Trường hợp chung',
  time_limit: '5',
};

/** Reads a file and its drafts, with every problem either step found. */
function parse(text: string, format: 'csv' | 'json' = 'csv') {
  const read = readRows(text, format);
  const { drafts, problems } = draftsFrom(read.rows);
  return { rows: read.rows, drafts, problems: [...read.problems, ...problems] };
}

describe('catalogue import parsing', () => {
  it('reads each CSV row with the line it starts on, cells over several lines included', () => {
    const { rows, drafts, problems } = parse(EXAMPLE);
    expect(problems).toEqual([]);
    expect(rows.map((row) => row.line)).toEqual([2, 9, 10, 11, 12, 18]);
    expect(drafts.map((draft) => draft.identity)).toEqual([
      { code: '1.010940', localCode: '1.010940.000.00.00.H06' },
      { code: '2.002160', localCode: '2.002160.000.00.00.H06' },
    ]);
    const [mining, guardianship] = drafts;
    expect(mining.lines).toMatchObject({ first: 2, variants: [2], steps: [[2, 9, 10, 11]] });
    expect(guardianship.lines).toMatchObject({ first: 12, variants: [12, 18], steps: [[], []] });
  });

  it("takes a procedure's own columns from its first row, and its cases and steps from the rows that name them", () => {
    const [mining, guardianship] = parse(EXAMPLE).drafts;
    expect(mining.announcement).toEqual({ decision: '2210/QĐ-UBND', effectiveFrom: '2026-12-15' });
    expect(mining.content).toMatchObject({
      levels: ['PROVINCE'],
      executingAgencyCode: '27-STNMT',
      executingAgencyRole: null,
      onlineLevel: 'PARTIAL',
      interAgency: true,
      oneStop: true,
      boundaryFree: false,
      submissionMethods: ['IN_PERSON', 'ONLINE'],
      fees: [{ name: 'Lệ phí cấp giấy phép', amountVnd: 1000000 }],
    });
    expect(mining.content.variants).toHaveLength(1);
    expect(mining.content.variants[0].process.map((step) => [step.level, step.unitCode, step.time])).toEqual([
      ['COMMUNE', null, { amount: 5, unit: 'WORKING_DAYS' }],
      ['DISTRICT', null, { amount: 10, unit: 'WORKING_DAYS' }],
      ['PROVINCE', '27-STNMT', { amount: 28, unit: 'WORKING_DAYS' }],
      ['PROVINCE', null, { amount: 16, unit: 'WORKING_HOURS' }],
    ]);
    expect(guardianship.content.variants).toEqual([
      { name: 'Trường hợp chung', timeLimit: { amount: 3, unit: 'WORKING_DAYS' }, onlineTimeLimit: 2, process: [] },
      { name: 'Trường hợp phải xác minh', timeLimit: { amount: 8, unit: 'WORKING_DAYS' }, onlineTimeLimit: null, process: [] },
    ]);
  });

  it('keeps Vietnamese diacritics exactly as written, in names, lists, documents and roles', () => {
    const [mining] = parse(EXAMPLE).drafts;
    const { content } = mining;
    expect(content.name).toBe('Cấp giấy phép khai thác khoáng sản làm vật liệu xây dựng thông thường');
    expect(content.steps).toEqual([
      'Nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh',
      'Sở Tài nguyên và Môi trường thẩm định',
      'Ủy ban nhân dân tỉnh cấp giấy phép',
    ]);
    expect(content.documents[0]).toEqual({ name: 'Đơn đề nghị cấp giấy phép khai thác', originals: 1, copies: 0, form: 'Mẫu 09' });
    expect(content.legalBasis).toEqual(['Luật Khoáng sản số 60/2010/QH12', 'Nghị định số 158/2016/NĐ-CP']);
    expect(content.variants[0].process[0].role).toBe('Ủy ban nhân dân cấp xã');
    // A byte order mark (as spreadsheet programs write) is not part of the first column's name.
    expect(parse(`\uFEFF${EXAMPLE}`).drafts[0].content.name).toBe(content.name);
  });

  it('reads documents as name | originals | copies | form and fees as name | amount, with defaults for what is left out', () => {
    const [draft] = parse(csv([{ ...PROCEDURE, documents: 'Tờ khai\nGiấy chứng sinh | 0 | 2', fees: 'Lệ phí | 1500.5\nPhí khác' }])).drafts;
    expect(draft.content.documents).toEqual([
      { name: 'Tờ khai', originals: 1, copies: 0, form: null },
      { name: 'Giấy chứng sinh', originals: 0, copies: 2, form: null },
    ]);
    // Amounts are read as written: the content check, not the parser, refuses a fee that is not whole đồng.
    expect(draft.content.fees).toEqual([
      { name: 'Lệ phí', amountVnd: 1500.5 },
      { name: 'Phí khác', amountVnd: Number.NaN },
    ]);
  });

  it('reports a time limit that is not a number with its line and column, and goes on to the next problem', () => {
    const text = csv([
      PROCEDURE,
      { ...PROCEDURE, local_code: '1.090002.000.00.00.H06', code: '1.090002', time_limit: 'ba ngày' },
      { local_code: '1.090002.000.00.00.H06', variant: 'Trường hợp chung', step_title: 'Thẩm định', step_level: 'COMMUNE', step_time: '2,5' },
    ]);
    const { drafts, problems } = parse(text);
    expect(problems).toEqual([
      { line: 3, column: 'time_limit', message: '"ba ngày" is not a number; write digits with a dot for decimals (e.g. 1.5).' },
      { line: 4, column: 'step_time', message: '"2,5" is not a number; write digits with a dot for decimals (e.g. 1.5).' },
    ]);
    expect(drafts[1].content.variants[0].timeLimit).toBeNull();
  });

  it('reports values outside the allowed words, and yes/no columns that say neither, at the line that gives them', () => {
    const text = csv([{ ...PROCEDURE, levels: 'COMMUNE, WARD', online_level: 'SOME', inter_agency: 'maybe', time_unit: 'DAYS' }]);
    expect(parse(text).problems).toEqual([
      { line: 2, column: 'levels', message: '"WARD" is not one of PROVINCE, DISTRICT, COMMUNE.' },
      { line: 2, column: 'online_level', message: '"SOME" is not one of FULL, PARTIAL, NONE.' },
      { line: 2, column: 'inter_agency', message: '"maybe" is not yes or no; write true or false.' },
      { line: 2, column: 'time_unit', message: '"DAYS" is not one of WORKING_DAYS, WORKING_HOURS.' },
    ]);
  });

  it('reads yes and no in Vietnamese as well as in English', () => {
    const [draft] = parse(csv([{ ...PROCEDURE, inter_agency: 'có', one_stop: 'không', boundary_free: 'x' }])).drafts;
    expect(draft.content).toMatchObject({ interAgency: true, oneStop: false, boundaryFree: true });
  });

  it('reports a row with no local code, a later row that contradicts an earlier one, and a step with no case', () => {
    const text = csv([
      PROCEDURE,
      { ...PROCEDURE, local_code: '' },
      { local_code: PROCEDURE.local_code, name: 'Đăng ký khai tử' },
      { local_code: PROCEDURE.local_code, step_title: 'Trả kết quả', step_level: 'COMMUNE', step_time: '1' },
    ]);
    expect(parse(text).problems).toEqual([
      { line: 3, column: 'local_code', message: 'Every row names its procedure by local_code (mã thủ tục địa phương).' },
      { line: 4, column: 'name', message: '"Đăng ký khai tử" differs from "Đăng ký khai sinh" given for 1.090001.000.00.00.H06 on line 2.' },
      { line: 5, column: 'variant', message: 'A row with a time limit or a step names its case in the variant column.' },
    ]);
  });

  it('reports an unknown column once, at the first row that fills it, so a typo never drops data silently', () => {
    const text = `${EXAMPLE.split('\n')[0].replace('time_limit', 'time_limt')}\n${EXAMPLE.split('\n').slice(1).join('\n')}`;
    const unknown = readRows(text, 'csv').problems;
    expect(unknown).toEqual([
      { line: 2, column: 'time_limt', message: expect.stringContaining('Unknown column "time_limt"; the columns are: local_code, code,') },
    ]);
  });

  it('reports a CSV it cannot read with the line where reading stopped', () => {
    const text = `${csv([PROCEDURE, PROCEDURE])}\n"1.090002.000.00.00.H06,1.090002\n`;
    const { rows, problems } = readRows(text, 'csv');
    expect(rows).toEqual([]);
    expect(problems).toEqual([{ line: 4, column: '', message: expect.stringMatching(/^The file cannot be read as CSV: Quote Not Closed/) }]);
  });

  it('reads a JSON export with lines from the file, lists given as arrays, and numbers as text', () => {
    const rows = [
      { ...PROCEDURE, submission_methods: ['IN_PERSON', 'ONLINE'], steps: ['Nộp hồ sơ', 'Trả kết quả'], time_limit: 2 },
      { local_code: PROCEDURE.local_code, variant: 'Trường hợp chung', step_title: 'Kiểm tra, trình ký', step_level: 'COMMUNE', step_time: 1.5 },
    ];
    const { rows: read, drafts, problems } = parse(`[\n${rows.map((row) => `  ${JSON.stringify(row)}`).join(',\n')}\n]\n`, 'json');
    expect(problems).toEqual([]);
    expect(read.map((row) => row.line)).toEqual([2, 3]);
    expect(drafts[0].content).toMatchObject({ submissionMethods: ['IN_PERSON', 'ONLINE'], steps: ['Nộp hồ sơ', 'Trả kết quả'] });
    expect(drafts[0].content.variants).toEqual([
      {
        name: 'Trường hợp chung',
        timeLimit: { amount: 2, unit: 'WORKING_DAYS' },
        onlineTimeLimit: null,
        process: [{ title: 'Kiểm tra, trình ký', level: 'COMMUNE', unitCode: null, role: null, time: { amount: 1.5, unit: 'WORKING_DAYS' } }],
      },
    ]);
  });

  it('reports a JSON file that is not an array of row objects', () => {
    expect(readRows('{ "local_code": "1.090001.000.00.00.H06" }', 'json').problems).toEqual([
      { line: 1, column: '', message: 'A JSON import is an array of row objects: [{ "local_code": …, … }, …].' },
    ]);
    expect(readRows('[\n  {"local_code": "1.090001.000.00.00.H06"},\n  "Đăng ký khai sinh"\n]', 'json').problems).toEqual([
      { line: 3, column: '', message: 'Each row is an object.' },
    ]);
  });
});
