import { foldVietnamese as fold } from './support/oracles';
import { sharedStack, type SharedStack } from './support/shared-stack';

const SEARCH = `
  query ($filter: ProcedureFilter, $after: String) {
    procedures(filter: $filter, first: 100, after: $after) { totalCount nodes { id code name levels onlineLevel field { code } } }
  }`;

describe('procedure search for portals and kiosks', () => {
  let stack: SharedStack;
  beforeAll(async () => {
    stack = await sharedStack();
  });
  afterAll(() => stack.stop());

  const expectedFor = (search: string) =>
    stack.demo.procedures
      .filter((p) =>
        fold(search)
          .split(/\s+/)
          .every((word) => fold(`${p.code} ${p.localCode} ${p.name}`).includes(word)),
      )
      .map((p) => p.name)
      .sort();

  it.each(['ho tich', 'HỘ TỊCH', 'dang ky kinh doanh', 'Đăng ký khai sinh', 'giay phep xay dung', '2.0008'])(
    'finds "%s" ignoring diacritics and case',
    async (search) => {
      const { data, errors } = await stack.gql(SEARCH, { filter: { search } });
      expect(errors).toBeUndefined();
      const names = data.procedures.nodes.map((n: { name: string }) => n.name).sort();
      expect(names.length).toBeGreaterThan(0);
      expect(names).toEqual(expectedFor(search));
      expect(data.procedures.totalCount).toBe(names.length);
    },
  );

  it('finds "Hộ tịch" procedures from "ho tich" with their diacritics intact', async () => {
    const { data } = await stack.gql(SEARCH, { filter: { search: 'khai sinh' } });
    expect(data.procedures.nodes.map((n: { name: string }) => n.name)).toContain('Đăng ký khai sinh');
  });

  it('treats % and _ as plain characters, not wildcards', async () => {
    const { data } = await stack.gql(SEARCH, { filter: { search: '%' } });
    expect(data.procedures.nodes).toEqual([]);
  });

  it('combines the search with field, level and online-level filters', async () => {
    const { data } = await stack.gql(SEARCH, { filter: { search: 'dang ky', fieldCode: 'HT', level: 'COMMUNE', onlineLevel: 'FULL' } });
    const expected = stack.demo.procedures
      .filter((p) => fold(p.name).includes('dang ky') && p.fieldCode === 'HT' && p.levels.includes('COMMUNE') && p.onlineLevel === 'FULL')
      .map((p) => p.code)
      .sort();
    expect(data.procedures.nodes.map((n: { code: string }) => n.code).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('lists what a commune desk can receive: commune-level procedures of its province', async () => {
    const commune = stack.demo.units.find((u) => u.kind === 'ADMINISTRATIVE' && u.level === 'COMMUNE')!;
    const { data } = await stack.gql(SEARCH, { filter: { unitCode: commune.code } });
    expect(data.procedures.totalCount).toBe(stack.demo.procedures.filter((p) => p.levels.includes('COMMUNE')).length);
  });

  it('answers an unknown unit with NOT_FOUND naming the field, and an overlong search with BAD_USER_INPUT', async () => {
    const unknown = await stack.gql(SEARCH, { filter: { unitCode: '99999' } });
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'filter.unitCode' });
    const long = await stack.gql(SEARCH, { filter: { search: 'a'.repeat(201) } });
    expect(long.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
  });
});
