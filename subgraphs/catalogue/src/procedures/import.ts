import { parse as parseCsv } from 'csv-parse/sync';
import { parseTree, type Node } from 'jsonc-parser';
import type { EntityManager } from 'typeorm';
import { callerOwns } from '../../../../shared/db';
import { forbidden } from '../../../../shared/errors';
import type { UnitLevel } from '../store/entities/administrative-unit.entity';
import type { ProcedureVariantEntity } from '../store/entities/procedure-variant.entity';
import type { ProcedureVersionEntity } from '../store/entities/procedure-version.entity';
import type { ProcedureEntity } from '../store/entities/procedure.entity';
import { latestVersion, procedureByLocalCode, variantsOfVersion } from '../store/procedures';
import { checkAnnouncement, checkContent, checkNationalCode, type Problem } from './check';
import type { Announcement, CaseVariant, OnlineLevel, ProcedureContent, ProcessStep, SubmissionMethod, TimeUnit } from './content';
import { amendProcedure, publishProcedure } from './publish';
import type { Identity } from './rows';

/**
 * A province's catalogue export, one row per procedure / case / process step, as CSV with a
 * header line or as a JSON array of objects with the same keys. A procedure's own columns may
 * repeat on each of its rows or stand on its first row only; lists (steps, documents, …) are one
 * item per line inside the cell; a document is `name | originals | copies | form`, a fee `name | amount`.
 */
export const COLUMNS = [
  'local_code',
  'code',
  'name',
  'field_code',
  'levels',
  'executing_agency_code',
  'executing_agency_role',
  'decision',
  'effective_from',
  'online_level',
  'inter_agency',
  'one_stop',
  'boundary_free',
  'submission_methods',
  'steps',
  'documents',
  'applicants',
  'result',
  'conditions',
  'legal_basis',
  'fees',
  'variant',
  'time_limit',
  'time_unit',
  'online_time_limit',
  'step_title',
  'step_level',
  'step_unit_code',
  'step_role',
  'step_time',
  'step_time_unit',
] as const;
export type Column = (typeof COLUMNS)[number];
const PROCEDURE_COLUMNS = COLUMNS.slice(1, COLUMNS.indexOf('variant'));
const VARIANT_COLUMNS = ['time_limit', 'time_unit', 'online_time_limit'] as const;

export interface Row {
  line: number;
  values: Partial<Record<Column, string>>;
}

/** What is wrong, where: the file's line and the column (CSV header / JSON key). */
export interface ImportProblem {
  line: number;
  column: string;
  message: string;
}

export class ImportRejected extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported.`);
  }
}

function csvRows(text: string): Row[] {
  const records = parseCsv<{ record: Record<string, string>; info: { lines: number }; raw: string }>(text, {
    columns: (header: string[]) => header.map((h) => h.trim()),
    bom: true,
    info: true,
    raw: true,
    skip_empty_lines: true,
    trim: true,
  });
  return records.map(({ record, info, raw }) => ({ line: info.lines - (raw.trim().match(/\n/g)?.length ?? 0), values: record }));
}

function jsonRows(text: string, problems: ImportProblem[]): Row[] {
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  const tree = parseTree(text);
  if (tree?.type !== 'array') {
    problems.push({ line: 1, column: '', message: 'A JSON import is an array of row objects: [{ "local_code": …, … }, …].' });
    return [];
  }
  return (tree.children ?? []).flatMap((node: Node) => {
    if (node.type !== 'object') {
      problems.push({ line: lineAt(node.offset), column: '', message: 'Each row is an object.' });
      return [];
    }
    const values: Record<string, string> = {};
    for (const property of node.children ?? []) {
      const [key, value] = property.children!;
      // A JSON leaf: a string, number, boolean or null.
      const leaf = value.value as string | number | boolean | null | undefined;
      const raw = value.type === 'array' ? (value.children ?? []).map((item) => String(item.value)).join('\n') : leaf;
      values[String(key.value)] = raw === null || raw === undefined ? '' : String(raw).trim();
    }
    return [{ line: lineAt(node.offset), values }];
  });
}

/** Reads the rows of a CSV or JSON export; unknown columns are problems, so a typo never drops data silently. */
export function readRows(text: string, format: 'csv' | 'json'): { rows: Row[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  let rows: Row[] = [];
  try {
    rows = format === 'csv' ? csvRows(text) : jsonRows(text, problems);
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    problems.push({ line, column: '', message: `The file cannot be read as ${format.toUpperCase()}: ${(error as Error).message}` });
  }
  const known = new Set<string>(COLUMNS);
  const reported = new Set<string>();
  for (const row of rows) {
    for (const column of Object.keys(row.values)) {
      if (!known.has(column) && !reported.has(column)) {
        reported.add(column);
        problems.push({ line: row.line, column, message: `Unknown column "${column}"; the columns are: ${COLUMNS.join(', ')}.` });
      }
    }
  }
  return { rows, problems };
}

/** One procedure of the file, with the lines its parts came from, to point problems back at them. */
export interface Draft {
  identity: Identity;
  announcement: Announcement;
  content: ProcedureContent;
  lines: { procedure: Partial<Record<Column, number>>; first: number; variants: number[]; steps: number[][] };
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split('\n')
    .map((item) => item.trim())
    .filter(Boolean);
const words = (value: string | undefined) =>
  (value ?? '')
    .split(/[\s,;|]+/)
    .filter(Boolean)
    .map((word) => word.toUpperCase());

/** Groups rows by local code and reads each group into a draft; format problems come back with their line and column. */
export function draftsFrom(rows: Row[]): { drafts: Draft[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = row.values.local_code;
    if (!key)
      problems.push({ line: row.line, column: 'local_code', message: 'Every row names its procedure by local_code (mã thủ tục địa phương).' });
    else groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const drafts = [...groups].map(([localCode, group]) => draftOf(localCode, group, problems));
  return { drafts, problems };
}

function draftOf(localCode: string, group: Row[], problems: ImportProblem[]): Draft {
  const procedureLines: Partial<Record<Column, number>> = {};
  const taken: Partial<Record<Column, string>> = {};
  /** A column's value from the first row that gives it; a later row may repeat it but not contradict it. */
  const take = (rows: Row[], column: Column, lines: Partial<Record<Column, number>>, values: Partial<Record<Column, string>>) => {
    for (const row of rows) {
      const value = row.values[column];
      if (!value) continue;
      if (values[column] === undefined) {
        values[column] = value;
        lines[column] = row.line;
      } else if (values[column] !== value) {
        problems.push({
          line: row.line,
          column,
          message: `"${value}" differs from "${values[column]}" given for ${localCode} on line ${lines[column]}.`,
        });
      }
    }
    return values[column];
  };
  for (const column of PROCEDURE_COLUMNS) take(group, column, procedureLines, taken);
  const first = group[0].line;
  const at = (column: Column) => procedureLines[column] ?? first;
  const number = (value: string | undefined, line: number, column: string): number | null => {
    if (!value) return null;
    if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
    problems.push({ line, column, message: `"${value}" is not a number; write digits with a dot for decimals (e.g. 1.5).` });
    return null;
  };
  const flag = (column: Column, fallback: boolean): boolean => {
    const value = taken[column]?.toLowerCase();
    if (!value) return fallback;
    if (['true', '1', 'x', 'yes', 'có'].includes(value)) return true;
    if (['false', '0', 'no', 'không'].includes(value)) return false;
    problems.push({ line: at(column), column, message: `"${taken[column]}" is not yes or no; write true or false.` });
    return fallback;
  };
  const choice = <T extends string>(value: string, allowed: readonly T[], line: number, column: string): T => {
    if (!(allowed as readonly string[]).includes(value)) problems.push({ line, column, message: `"${value}" is not one of ${allowed.join(', ')}.` });
    return value as T;
  };

  const content: ProcedureContent = {
    name: taken.name ?? '',
    fieldCode: taken.field_code ?? '',
    levels: words(taken.levels).map((level) => choice<UnitLevel>(level, ['PROVINCE', 'DISTRICT', 'COMMUNE'], at('levels'), 'levels')),
    executingAgencyCode: taken.executing_agency_code ?? null,
    executingAgencyRole: taken.executing_agency_role ?? null,
    onlineLevel: choice<OnlineLevel>(words(taken.online_level)[0] ?? 'NONE', ['FULL', 'PARTIAL', 'NONE'], at('online_level'), 'online_level'),
    interAgency: flag('inter_agency', false),
    oneStop: flag('one_stop', true),
    boundaryFree: flag('boundary_free', false),
    submissionMethods: words(taken.submission_methods).map((method) =>
      choice<SubmissionMethod>(method, ['IN_PERSON', 'POSTAL', 'ONLINE'], at('submission_methods'), 'submission_methods'),
    ),
    steps: list(taken.steps),
    documents: list(taken.documents).map((item) => {
      const [name = '', originals, copies, form] = item.split('|').map((part) => part.trim());
      return {
        name,
        originals: number(originals, at('documents'), 'documents') ?? 1,
        copies: number(copies, at('documents'), 'documents') ?? 0,
        form: form || null,
      };
    }),
    applicants: list(taken.applicants),
    result: taken.result ?? null,
    conditions: list(taken.conditions),
    legalBasis: list(taken.legal_basis),
    fees: list(taken.fees).map((item) => {
      const [name = '', amount] = item.split('|').map((part) => part.trim());
      return { name, amountVnd: number(amount, at('fees'), 'fees') ?? Number.NaN };
    }),
    variants: [],
  };

  const variantLines: number[] = [];
  const stepLines: number[][] = [];
  const byVariant = new Map<string, Row[]>();
  for (const row of group) {
    const name = row.values.variant;
    if (name) byVariant.set(name, [...(byVariant.get(name) ?? []), row]);
    else if (row.values.step_title || VARIANT_COLUMNS.some((column) => row.values[column])) {
      problems.push({ line: row.line, column: 'variant', message: 'A row with a time limit or a step names its case in the variant column.' });
    }
  }
  for (const [name, rows] of byVariant) {
    const lines: Partial<Record<Column, number>> = {};
    const values: Partial<Record<Column, string>> = {};
    for (const column of VARIANT_COLUMNS) take(rows, column, lines, values);
    const line = rows[0].line;
    const unit = choice<TimeUnit>(
      words(values.time_unit)[0] ?? 'WORKING_DAYS',
      ['WORKING_DAYS', 'WORKING_HOURS'],
      lines.time_unit ?? line,
      'time_unit',
    );
    const limit = number(values.time_limit, lines.time_limit ?? line, 'time_limit');
    const stepRows = rows.filter((row) => row.values.step_title || row.values.step_level || row.values.step_time);
    const process: ProcessStep[] = stepRows.map((row) => ({
      title: row.values.step_title ?? '',
      level: choice<UnitLevel>(words(row.values.step_level)[0] ?? '', ['PROVINCE', 'DISTRICT', 'COMMUNE'], row.line, 'step_level'),
      unitCode: row.values.step_unit_code || null,
      role: row.values.step_role || null,
      time: {
        amount: number(row.values.step_time, row.line, 'step_time') ?? 0,
        unit: choice<TimeUnit>(words(row.values.step_time_unit)[0] ?? 'WORKING_DAYS', ['WORKING_DAYS', 'WORKING_HOURS'], row.line, 'step_time_unit'),
      },
    }));
    stepLines.push(stepRows.map((row) => row.line));
    variantLines.push(line);
    const variant: CaseVariant = {
      name,
      timeLimit: limit === null ? null : { amount: limit, unit },
      onlineTimeLimit: number(values.online_time_limit, lines.online_time_limit ?? line, 'online_time_limit'),
      process,
    };
    content.variants.push(variant);
  }
  return {
    identity: { code: taken.code ?? '', localCode },
    announcement: { decision: taken.decision ?? '', effectiveFrom: taken.effective_from ?? '' },
    content,
    lines: { procedure: procedureLines, first, variants: variantLines, steps: stepLines },
  };
}

const CONTENT_COLUMNS: Record<string, Column> = {
  code: 'code',
  name: 'name',
  fieldCode: 'field_code',
  levels: 'levels',
  executingAgencyCode: 'executing_agency_code',
  executingAgencyRole: 'executing_agency_role',
  onlineLevel: 'online_level',
  submissionMethods: 'submission_methods',
  steps: 'steps',
  documents: 'documents',
  applicants: 'applicants',
  result: 'result',
  conditions: 'conditions',
  legalBasis: 'legal_basis',
  fees: 'fees',
  decision: 'decision',
  effectiveFrom: 'effective_from',
  variants: 'variant',
};
const VARIANT_FIELDS: Record<string, Column> = {
  name: 'variant',
  timeLimit: 'time_limit',
  onlineTimeLimit: 'online_time_limit',
  process: 'step_time',
};
const STEP_FIELDS: Record<string, Column> = {
  title: 'step_title',
  level: 'step_level',
  unitCode: 'step_unit_code',
  role: 'step_role',
  time: 'step_time',
};

/** Points a content problem (`variants[0].process[1].unitCode`) back at the line and column it came from. */
function locate(draft: Draft, problem: Problem): ImportProblem {
  const path = /^variants\[(\d+)\](?:\.process\[(\d+)\])?(?:\.(\w+))?/.exec(problem.field);
  if (path) {
    const [, v, s, field] = path;
    if (s !== undefined)
      return { line: draft.lines.steps[Number(v)][Number(s)], column: STEP_FIELDS[field ?? 'title'] ?? 'step_title', message: problem.message };
    return { line: draft.lines.variants[Number(v)], column: VARIANT_FIELDS[field ?? 'name'] ?? 'variant', message: problem.message };
  }
  const column = CONTENT_COLUMNS[problem.field.split(/[.[]/)[0]] ?? problem.field;
  return { line: draft.lines.procedure[column] ?? draft.lines.first, column, message: problem.message };
}

/** The stored content of a version, in the same shape a draft has, to tell an unchanged re-import. */
function storedContent(version: ProcedureVersionEntity, variants: ProcedureVariantEntity[]): ProcedureContent {
  return {
    name: version.name,
    fieldCode: version.fieldCode,
    levels: version.levels,
    executingAgencyCode: version.executingAgencyCode,
    executingAgencyRole: version.executingAgencyRole,
    onlineLevel: version.onlineLevel,
    interAgency: version.interAgency,
    oneStop: version.oneStop,
    boundaryFree: version.boundaryFree,
    submissionMethods: version.submissionMethods,
    steps: version.steps,
    documents: version.documents,
    applicants: version.applicants,
    result: version.result,
    conditions: version.conditions,
    legalBasis: version.legalBasis,
    fees: version.fees,
    variants: variants.map((v) => ({
      name: v.name,
      timeLimit: v.timeUnit ? { amount: v.timeLimit!, unit: v.timeUnit } : null,
      onlineTimeLimit: v.onlineTimeLimit,
      process: v.process,
    })),
  };
}

/** JSON with object keys sorted: jsonb does not keep key order, so plain JSON.stringify would see changes that are not there. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key: string, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

export interface ImportReport {
  published: string[];
  amended: string[];
  unchanged: string[];
}

/**
 * Imports drafts into the province's catalogue inside the caller's transaction: every draft is
 * checked first, and any problem rejects the whole file. A local code not yet in the catalogue
 * is published; one whose newest version has the same decision and content is left alone; a
 * new decision amends it.
 */
export async function importCatalogue(manager: EntityManager, province: string, drafts: Draft[]): Promise<ImportReport> {
  if (!(await callerOwns(manager, province))) throw forbidden(`Only the administrators of province ${province} import into its catalogue.`);
  const problems: ImportProblem[] = [];
  const plans: { draft: Draft; action: keyof ImportReport; procedure?: ProcedureEntity }[] = [];
  for (const draft of drafts) {
    const found = [...checkAnnouncement(draft.announcement), ...(await checkContent(manager, draft.content, province))].map((problem) =>
      locate(draft, problem),
    );
    const existing = await procedureByLocalCode(manager, draft.identity.localCode);
    const line = draft.lines.procedure.decision ?? draft.lines.first;
    if (!existing) {
      const badCode = checkNationalCode(draft.identity.code);
      if (badCode) found.push(locate(draft, badCode));
      plans.push({ draft, action: 'published' });
    } else if (existing.ownerPath !== province) {
      found.push({
        line: draft.lines.first,
        column: 'local_code',
        message: `${existing.localCode} belongs to the catalogue of province ${existing.ownerPath}.`,
      });
    } else if (existing.repealedFrom) {
      found.push({
        line: draft.lines.first,
        column: 'local_code',
        message: `${existing.localCode} was repealed from ${existing.repealedFrom}; publish it under a new local code.`,
      });
    } else {
      const latest = await latestVersion(manager, existing.id);
      if (latest.decision === draft.announcement.decision) {
        const variants = await variantsOfVersion(manager, latest.id);
        if (canonical(storedContent(latest, variants)) === canonical(draft.content)) plans.push({ draft, action: 'unchanged' });
        else
          found.push({
            line,
            column: 'decision',
            message: `${existing.localCode} was announced by ${latest.decision} with other content; give the amending decision and its effective date.`,
          });
      } else if (draft.announcement.effectiveFrom <= latest.effectiveFrom) {
        found.push({
          line: draft.lines.procedure.effective_from ?? line,
          column: 'effective_from',
          message: `An amendment takes effect after ${latest.effectiveFrom}, when ${latest.decision} did.`,
        });
      } else {
        plans.push({ draft, action: 'amended', procedure: existing });
      }
    }
    problems.push(...found);
  }
  if (problems.length) throw new ImportRejected(problems);

  const report: ImportReport = { published: [], amended: [], unchanged: [] };
  for (const { draft, action, procedure } of plans) {
    if (action === 'published') await publishProcedure(manager, province, draft.identity, draft.announcement, draft.content);
    if (action === 'amended') await amendProcedure(manager, procedure!.id, draft.announcement, draft.content);
    report[action].push(draft.identity.localCode);
  }
  return report;
}
