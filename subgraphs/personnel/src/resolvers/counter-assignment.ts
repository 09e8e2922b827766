import type { Context } from '../context';
import type { CounterAssignmentEntity } from '../store/entities/counter-assignment.entity';

export const CounterAssignment = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.assignmentById.load(ref.id),
  counter: (a: CounterAssignmentEntity, _: unknown, ctx: Context) => ctx.loaders.counterById.load(a.counterId),
  official: (a: CounterAssignmentEntity, _: unknown, ctx: Context) => ctx.loaders.officialById.load(a.officialId),
  secondment: (a: CounterAssignmentEntity, _: unknown, ctx: Context) => ctx.loaders.secondmentById.load(a.secondmentId),
};
