import type { EntityManager } from 'typeorm';
import { scopedMutation } from '../../../../shared/mutation';
import { parseId } from '../../../../shared/ids';
import type { Context } from '../context';
import type { ProcedureContent } from '../procedures/content';
import { amendProcedure, catalogueProvince, publishProcedure, repealProcedure } from '../procedures/publish';
import { addUnit, mergeUnits, moveUnit, renameUnit, type Change, type NewUnit } from '../units/tree';

interface Input {
  clientRequestId: string;
}

/** A catalogue edit: province administrators only (catalogues are announced by provinces), once per clientRequestId, all or nothing. */
const edit = <I extends Input, P>(
  operation: string,
  work: (manager: EntityManager, input: I, ctx: Context) => Promise<string>,
  payload: (key: string, ctx: Context) => Promise<P>,
) => scopedMutation<I, Context, string, P>(operation, ['ADMIN'], work, payload);

const unitPayload = async (code: string, ctx: Context) => ({ unit: await ctx.loaders.unitByCode.load(code) });
const procedurePayload = async (id: string, ctx: Context) => ({ procedure: await ctx.loaders.procedureById.load(id) });

type Maybe<T> = T | null | undefined;
type ContentInput = Omit<ProcedureContent, 'executingAgencyCode' | 'executingAgencyRole' | 'result' | 'documents' | 'variants'> & {
  executingAgencyCode?: Maybe<string>;
  executingAgencyRole?: Maybe<string>;
  result?: Maybe<string>;
  documents: (Omit<ProcedureContent['documents'][number], 'form'> & { form?: Maybe<string> })[];
  variants: {
    name: string;
    timeLimit?: Maybe<ProcedureContent['variants'][number]['timeLimit']>;
    onlineTimeLimit?: Maybe<number>;
    process: (Omit<ProcedureContent['variants'][number]['process'][number], 'unitCode' | 'role'> & {
      unitCode?: Maybe<string>;
      role?: Maybe<string>;
    })[];
  }[];
};

/** GraphQL leaves omitted optional fields undefined; the stored content says null. */
function contentOf(input: ContentInput): ProcedureContent {
  return {
    ...input,
    executingAgencyCode: input.executingAgencyCode ?? null,
    executingAgencyRole: input.executingAgencyRole ?? null,
    result: input.result ?? null,
    documents: input.documents.map((doc) => ({ ...doc, form: doc.form ?? null })),
    variants: input.variants.map((variant) => ({
      name: variant.name,
      timeLimit: variant.timeLimit ? { amount: variant.timeLimit.amount, unit: variant.timeLimit.unit } : null,
      onlineTimeLimit: variant.onlineTimeLimit ?? null,
      process: variant.process.map((step) => ({
        title: step.title,
        level: step.level,
        unitCode: step.unitCode ?? null,
        role: step.role ?? null,
        time: { amount: step.time.amount, unit: step.time.unit },
      })),
    })),
  };
}

type Announced = Input & { decision: string; effectiveFrom: string };

export const Mutation = {
  addUnit: edit<Input & Change & NewUnit, unknown>('addUnit', (manager, input) => addUnit(manager, input, input), unitPayload),
  renameUnit: edit<Input & Change & { code: string; name: string }, unknown>(
    'renameUnit',
    (manager, input) => renameUnit(manager, input.code, input.name, input),
    unitPayload,
  ),
  moveUnit: edit<Input & Change & { code: string; parentCode: string }, unknown>(
    'moveUnit',
    (manager, input) => moveUnit(manager, input.code, input.parentCode, input),
    unitPayload,
  ),
  mergeUnits: edit<Input & Change & { codes: string[]; intoCode: string }, unknown>(
    'mergeUnits',
    (manager, input) => mergeUnits(manager, input.codes, input.intoCode, input),
    unitPayload,
  ),

  publishProcedure: edit<Announced & { code: string; localCode: string; content: ContentInput }, unknown>(
    'publishProcedure',
    (manager, input, ctx) => publishProcedure(manager, catalogueProvince(ctx.caller), input, input, contentOf(input.content)),
    procedurePayload,
  ),
  amendProcedure: edit<Announced & { procedureId: string; content: ContentInput }, unknown>(
    'amendProcedure',
    (manager, input) => amendProcedure(manager, parseId(input.procedureId, 'input.procedureId'), input, contentOf(input.content)),
    procedurePayload,
  ),
  repealProcedure: edit<Announced & { procedureId: string }, unknown>(
    'repealProcedure',
    (manager, input) => repealProcedure(manager, parseId(input.procedureId, 'input.procedureId'), input),
    procedurePayload,
  ),
};
