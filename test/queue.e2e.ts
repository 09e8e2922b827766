import { startTestStack, type TestStack } from './support/stack';

const TAKE = `mutation ($input: TakeQueueTicketInput!) { takeQueueTicket(input: $input) { ticket { id number date field { code } state ahead } } }`;
const CALL = `mutation ($input: CallNextTicketInput!) { callNextTicket(input: $input) { ticket { number state counter { number } waitingMinutes } } }`;
const BOARD = `query ($centre: String!, $date: Date!) { centreBoard(centreCode: $centre, date: $date) {
  queue { taken called nowServing { number counter { number } } waiting { field { code } waiting }
          byCounter { counter { number } field { code } called averageWaitMinutes } } } }`;
const CENTRE = '27-TTHCC';

describe("the centre's queue: numbers from the kiosk, called at the counters", () => {
  let stack: TestStack;
  let desk: string;
  let request = 0;
  beforeAll(async () => {
    stack = await startTestStack({ dossiers: 10 });
    desk = await stack.token({ role: 'OFFICIAL', unit: stack.demo.units.find((u) => u.code === CENTRE)!.path });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const counter = (number: number) => stack.demo.counters.find((c) => c.centreCode === CENTRE && c.number === number)!;
  const take = (fieldCode: string, centreCode = CENTRE) =>
    stack.gql(TAKE, { input: { clientRequestId: `kiosk-${++request}-0123456789abcdef`, centreCode, fieldCode } });
  const call = (counterId: string, token = desk) => stack.gql(CALL, { input: { clientRequestId: `call-${++request}`, counterId } }, token);

  it('gives anyone the next number for a field its counters serve, and refuses a field or centre it has not', async () => {
    const first = await take('HT');
    expect(first.errors).toBeUndefined();
    expect(first.data.takeQueueTicket.ticket).toMatchObject({ number: 1, field: { code: 'HT' }, state: 'WAITING', ahead: 0 });
    expect((await take('HT')).data.takeQueueTicket.ticket).toMatchObject({ number: 2, ahead: 1 });
    expect((await take('DD')).data.takeQueueTicket.ticket).toMatchObject({ number: 3, ahead: 0 });
    const wrongField = await take('XYZ');
    expect(wrongField.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fieldCode' });
    expect(wrongField.errors![0].message).toContain('HT');
    expect((await take('HT', 'NO-SUCH-CENTRE')).errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('never gives two counters the same number, however many call at once', async () => {
    const taken = [];
    for (let i = 0; i < 20; i += 1) taken.push((await take('HT')).data.takeQueueTicket.ticket.number);
    // Counter 1 serves HT; counter 16 names no field (a general counter): it calls any field's numbers.
    const callers = Array.from({ length: 24 }, (_, i) => call(counter(i % 2 ? 1 : 16).id));
    const answers = await Promise.all(callers);
    expect(answers.every((a) => !a.errors)).toBe(true);
    const called = answers.map((a) => a.data.callNextTicket.ticket?.number).filter((n): n is number => n !== undefined);
    // 23 were waiting (2 HT and 1 DD before, 20 HT now); 24 calls: 23 numbers, each once, and one call finds nobody.
    expect(called).toHaveLength(23);
    expect(new Set(called).size).toBe(23);
    expect([...called].sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(taken).toEqual(Array.from({ length: 20 }, (_, i) => i + 4));
  });

  it('lets only the centre call, and shows the day on its board: now serving, waiting, called per counter and field', async () => {
    const stranger = await stack.token({ role: 'OFFICIAL', unit: '27.259.09238' });
    expect((await call(counter(1).id, stranger)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await call(counter(1).id, '')).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    await take('DD');
    const landCounter = counter(3);
    expect((await call(landCounter.id)).data.callNextTicket.ticket).toMatchObject({ number: 24, counter: { number: 3 } });
    const today = (await take('HT')).data.takeQueueTicket.ticket.date;
    const { data } = await stack.gql(BOARD, { centre: CENTRE, date: today });
    const queue = data.centreBoard.queue;
    expect(queue.taken).toBe(25);
    expect(queue.called).toBe(24);
    expect(queue.waiting).toEqual([{ field: { code: 'HT' }, waiting: 1 }]);
    expect(queue.nowServing.map((t: { counter: { number: number } }) => t.counter.number).sort()).toEqual([1, 16, 3].sort());
    const byCounter = queue.byCounter as { counter: { number: number }; field: { code: string }; called: number; averageWaitMinutes: number }[];
    expect(byCounter.reduce((sum, row) => sum + row.called, 0)).toBe(24);
    expect(byCounter.find((row) => row.counter.number === 3 && row.field.code === 'DD')!.called).toBe(1);
    expect(byCounter.every((row) => row.averageWaitMinutes >= 0)).toBe(true);
  });
});
