import { LEADERS, OFFICIALS } from '../../../../shared/caller';
import { scopedMutation } from '../../../../shared/mutation';
import type { Context } from '../context';
import type { DutyShiftEntity } from '../store/entities/duty-shift.entity';
import { addCounter, assignCounter, endCounterAssignment, setCounterOpen, type Assignment, type NewCounter } from '../staffing/counters';
import { addOfficial, updateOfficial, type NewOfficial, type OfficialChange } from '../staffing/officials';
import { callNext, takeTicket } from '../queue/tickets';
import { addDutyShift, removeDutyShift, type NewDutyShift } from '../staffing/roster';
import { endSecondment, secondOfficial, type EndInput, type SecondInput } from '../staffing/secondments';

type Input<T> = T & { clientRequestId: string };
// Departments' leaders manage their staff and secondments, centres' their counters; rosters and counter seats are everyday desk work (OFFICIALS).

const officialPayload = async (id: string, ctx: Context) => ({ official: await ctx.loaders.officialById.load(id) });
const secondmentPayload = async (id: string, ctx: Context) => ({ secondment: await ctx.loaders.secondmentById.load(id) });
const ticketPayload = async (id: string | null, ctx: Context) => ({ ticket: id ? await ctx.loaders.ticketById.load(id) : null });
const counterPayload = async (id: string, ctx: Context) => ({ counter: await ctx.loaders.counterById.load(id) });
const assignmentPayload = async (id: string, ctx: Context) => ({ assignment: await ctx.loaders.assignmentById.load(id) });

export const Mutation = {
  addOfficial: scopedMutation<Input<NewOfficial>, Context, string, unknown>(
    'addOfficial',
    LEADERS,
    (m, input, ctx) => addOfficial(m, ctx.peers, input),
    officialPayload,
  ),
  updateOfficial: scopedMutation<Input<OfficialChange>, Context, string, unknown>(
    'updateOfficial',
    LEADERS,
    (m, input) => updateOfficial(m, input),
    officialPayload,
  ),
  secondOfficial: scopedMutation<Input<SecondInput>, Context, string, unknown>(
    'secondOfficial',
    LEADERS,
    (m, input, ctx) => secondOfficial(m, ctx.peers, input),
    secondmentPayload,
  ),
  endSecondment: scopedMutation<Input<EndInput>, Context, string, unknown>(
    'endSecondment',
    LEADERS,
    (m, input) => endSecondment(m, input),
    secondmentPayload,
  ),
  addCounter: scopedMutation<Input<NewCounter>, Context, string, unknown>(
    'addCounter',
    LEADERS,
    (m, input, ctx) => addCounter(m, ctx.peers, input),
    counterPayload,
  ),
  setCounterOpen: scopedMutation<Input<{ counterId: string; isOpen: boolean }>, Context, string, unknown>(
    'setCounterOpen',
    OFFICIALS,
    (m, input) => setCounterOpen(m, input),
    counterPayload,
  ),
  assignCounter: scopedMutation<Input<Assignment>, Context, string, unknown>(
    'assignCounter',
    LEADERS,
    (m, input) => assignCounter(m, input),
    assignmentPayload,
  ),
  endCounterAssignment: scopedMutation<Input<{ assignmentId: string; endDate: string }>, Context, string, unknown>(
    'endCounterAssignment',
    LEADERS,
    (m, input) => endCounterAssignment(m, input),
    assignmentPayload,
  ),
  addDutyShift: scopedMutation<Input<NewDutyShift>, Context, string, unknown>(
    'addDutyShift',
    OFFICIALS,
    (m, input, ctx) => addDutyShift(m, ctx.peers, input),
    async (id, ctx) => ({ dutyShift: await ctx.loaders.dutyShiftById.load(id) }),
  ),
  removeDutyShift: scopedMutation<Input<{ dutyShiftId: string }>, Context, DutyShiftEntity, unknown>(
    'removeDutyShift',
    OFFICIALS,
    (m, input) => removeDutyShift(m, input),
    async (shift) => ({ dutyShift: shift }),
  ),
  takeQueueTicket: scopedMutation<Input<{ centreCode: string; fieldCode: string }>, Context, string | null, unknown>(
    'takeQueueTicket',
    'ANYONE',
    (m, input, ctx) => takeTicket(m, input, ctx.clock.now()),
    ticketPayload,
  ),
  callNextTicket: scopedMutation<Input<{ counterId: string }>, Context, string | null, unknown>(
    'callNextTicket',
    OFFICIALS,
    (m, input, ctx) => callNext(m, input.counterId, ctx.clock.now()),
    ticketPayload,
  ),
};
