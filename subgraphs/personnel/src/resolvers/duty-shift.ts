import { unitRef } from '../../../../shared/units';
import type { Context } from '../context';
import type { DutyShiftEntity } from '../store/entities/duty-shift.entity';

export const DutyShift = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.dutyShiftById.load(ref.id),
  unit: (shift: DutyShiftEntity) => unitRef(shift.unitCode),
  official: (shift: DutyShiftEntity, _: unknown, ctx: Context) => ctx.loaders.officialById.load(shift.officialId),
};
