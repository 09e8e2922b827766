import { requireUnit } from '../../../../shared/caller';
import { inCallerScope } from '../../../../shared/db';
import { once } from '../../../../shared/idempotency';
import type { Context } from '../context';
import { mergeUnits, moveUnit, renameUnit, type Change } from '../units/tree';

interface Input extends Change {
  clientRequestId: string;
}

/** Each tree change: province administrators only, once per clientRequestId, all or nothing. */
function treeChange<I extends Input>(operation: string, change: (manager: Parameters<typeof renameUnit>[0], input: I) => Promise<string>) {
  return async (_: unknown, { input }: { input: I }, ctx: Context) => {
    requireUnit(ctx.caller, 'ADMIN');
    const code = await inCallerScope(ctx.db, ctx.caller, (manager) => once(manager, ctx.caller, input.clientRequestId, operation, () => change(manager, input)));
    return { unit: await ctx.loaders.unitByCode.load(code) };
  };
}

export const Mutation = {
  renameUnit: treeChange<Input & { code: string; name: string }>('renameUnit', (manager, input) => renameUnit(manager, input.code, input.name, input)),
  moveUnit: treeChange<Input & { code: string; parentCode: string }>('moveUnit', (manager, input) => moveUnit(manager, input.code, input.parentCode, input)),
  mergeUnits: treeChange<Input & { codes: string[]; intoCode: string }>('mergeUnits', (manager, input) => mergeUnits(manager, input.codes, input.intoCode, input)),
};
