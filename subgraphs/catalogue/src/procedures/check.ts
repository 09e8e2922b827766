import type { EntityManager } from 'typeorm';
import { codedError, type ErrorCode } from '../../../../shared/errors';
import { isWithin } from '../../../../shared/units';
import { fieldByCode } from '../store/fields';
import { unitsByCodes } from '../store/units';
import { workingHours, type Announcement, type ProcedureContent, type TimeLimit } from './content';

/** One thing wrong with a procedure; `field` is dotted from the content root, e.g. `variants[0].process[1].unitCode`. */
export interface Problem {
  code: Extract<ErrorCode, 'BAD_USER_INPUT' | 'NOT_FOUND'>;
  field: string;
  message: string;
}

const bad = (field: string, message: string): Problem => ({ code: 'BAD_USER_INPUT', field, message });
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The largest fee the API's Int carries; real fees are far below it. */
const MAX_FEE_VND = 2_000_000_000;

/** A national procedure code looks like 1.006714. */
export function checkNationalCode(code: string): Problem | null {
  return /^\d+\.\d{6}$/.test(code) ? null : bad('code', `"${code}" is not a national procedure code; it looks like 1.006714.`);
}

export function checkAnnouncement({ decision, effectiveFrom }: Announcement): Problem[] {
  const problems: Problem[] = [];
  if (!decision?.trim()) problems.push(bad('decision', 'Give the announcing decision (quyết định công bố), e.g. 1234/QĐ-UBND.'));
  if (!DATE.test(effectiveFrom ?? '') || Number.isNaN(Date.parse(effectiveFrom)))
    problems.push(bad('effectiveFrom', `"${effectiveFrom ?? ''}" is not a date; write YYYY-MM-DD.`));
  return problems;
}

function checkTime(time: TimeLimit, field: string, problems: Problem[], allowZero: boolean): void {
  if (!Number.isFinite(time.amount) || time.amount < 0 || (!allowZero && time.amount === 0)) {
    problems.push(
      bad(
        `${field}.amount`,
        `A time limit is ${allowZero ? 'zero or more' : 'more than zero'} working ${time.unit === 'WORKING_HOURS' ? 'hours' : 'days'}; got ${time.amount}.`,
      ),
    );
  }
}

const nonEmpty = (items: readonly string[]) => items.some((item) => item.trim());

/**
 * Every rule a procedure's content must meet before it is published: the mandatory components
 * are present, codes exist, amounts are sane, and each process step stays inside the province
 * that owns the catalogue and fits in its case's time limit.
 */
export async function checkContent(manager: EntityManager, content: ProcedureContent, provincePath: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  const unitCodes = [content.executingAgencyCode, ...content.variants.flatMap((v) => v.process.map((s) => s.unitCode))].filter(
    (c): c is string => !!c,
  );
  const [units, field] = await Promise.all([unitCodes.length ? unitsByCodes(manager, unitCodes) : [], fieldByCode(manager, content.fieldCode)]);
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const checkUnit = (code: string, fieldName: string) => {
    const unit = unitByCode.get(code);
    if (!unit) problems.push({ code: 'NOT_FOUND', field: fieldName, message: `No unit or agency has code ${code}.` });
    else if (!isWithin(unit.path, provincePath))
      problems.push(bad(fieldName, `${unit.name} (${code}) is outside the province ${provincePath} whose catalogue this is.`));
    else if (unit.validTo) problems.push(bad(fieldName, `${unit.name} (${code}) ended on ${unit.validTo}; name the unit it was merged into.`));
    return unit;
  };

  if (!content.name.trim()) problems.push(bad('name', 'The procedure needs a name.'));
  if (!field) problems.push({ code: 'NOT_FOUND', field: 'fieldCode', message: `No field (lĩnh vực) has code ${content.fieldCode}.` });
  if (!content.levels.length) problems.push(bad('levels', 'Name at least one tier that executes the procedure.'));
  if (content.executingAgencyCode) checkUnit(content.executingAgencyCode, 'executingAgencyCode');
  else if (!content.executingAgencyRole?.trim())
    problems.push(bad('executingAgencyCode', 'Name the executing agency: a unit code, or a role such as "Ủy ban nhân dân cấp xã".'));
  if (!content.submissionMethods.length) problems.push(bad('submissionMethods', 'Say how a dossier is submitted (in person, by post, online).'));
  if (content.onlineLevel !== 'NONE' && !content.submissionMethods.includes('ONLINE'))
    problems.push(bad('submissionMethods', `An online level of ${content.onlineLevel} needs ONLINE among the ways to submit.`));
  if (!nonEmpty(content.steps)) problems.push(bad('steps', 'Describe the sequence of steps (trình tự thực hiện).'));
  if (!nonEmpty(content.applicants)) problems.push(bad('applicants', 'Name who may apply (đối tượng thực hiện).'));
  content.documents.forEach((doc, i) => {
    if (!doc.name.trim()) problems.push(bad(`documents[${i}].name`, 'Each required document needs a name.'));
    for (const count of ['originals', 'copies'] as const) {
      if (!Number.isInteger(doc[count]) || doc[count] < 0)
        problems.push(bad(`documents[${i}].${count}`, `The number of ${count} is a whole number, zero or more; got ${doc[count]}.`));
    }
  });
  content.fees.forEach((fee, i) => {
    if (!fee.name.trim()) problems.push(bad(`fees[${i}].name`, 'Each fee or charge needs a name (phí …, lệ phí …).'));
    if (!Number.isInteger(fee.amountVnd) || fee.amountVnd < 0 || fee.amountVnd > MAX_FEE_VND) {
      problems.push(bad(`fees[${i}].amountVnd`, `A fee is a whole number of đồng, from 0 to ${MAX_FEE_VND}; got ${fee.amountVnd}.`));
    }
  });

  if (!content.variants.length) problems.push(bad('variants', 'A procedure has at least one case (trường hợp) with its time limit.'));
  const names = new Set<string>();
  content.variants.forEach((variant, v) => {
    const at = `variants[${v}]`;
    if (!variant.name.trim()) problems.push(bad(`${at}.name`, 'Each case needs a name.'));
    else if (names.has(variant.name)) problems.push(bad(`${at}.name`, `Two cases are named "${variant.name}"; name each case once.`));
    names.add(variant.name);
    if (variant.timeLimit) checkTime(variant.timeLimit, `${at}.timeLimit`, problems, true);
    if (variant.onlineTimeLimit !== null) {
      if (!variant.timeLimit) problems.push(bad(`${at}.onlineTimeLimit`, 'A case with no due date has no online time limit.'));
      else if (!(variant.onlineTimeLimit >= 0 && variant.onlineTimeLimit <= variant.timeLimit.amount)) {
        problems.push(
          bad(
            `${at}.onlineTimeLimit`,
            `The online limit is from 0 up to the case's limit of ${variant.timeLimit.amount}; got ${variant.onlineTimeLimit}.`,
          ),
        );
      }
    }
    variant.process.forEach((step, s) => {
      const stepAt = `${at}.process[${s}]`;
      if (!step.title.trim()) problems.push(bad(`${stepAt}.title`, 'Each process step needs a title.'));
      checkTime(step.time, `${stepAt}.time`, problems, false);
      if (step.unitCode) {
        const unit = checkUnit(step.unitCode, `${stepAt}.unitCode`);
        if (unit && unit.level !== step.level) problems.push(bad(`${stepAt}.level`, `${unit.name} is at ${unit.level} level, not ${step.level}.`));
      } else if (!step.role?.trim()) {
        problems.push(bad(`${stepAt}.unitCode`, 'Name who handles the step: a unit code, or a role at its tier.'));
      }
    });
    const allotted = variant.process.reduce((sum, step) => sum + workingHours(step.time), 0);
    if (variant.timeLimit && variant.process.length && allotted > workingHours(variant.timeLimit)) {
      problems.push(
        bad(`${at}.process`, `The steps add up to ${allotted} working hours, more than the case's limit of ${workingHours(variant.timeLimit)}.`),
      );
    }
  });
  return problems;
}

/** The first problem as the GraphQL error a client gets, its field dotted from `prefix`. */
export function problemError(problems: Problem[], prefix: string) {
  const [first] = problems;
  const more = problems.length > 1 ? ` (${problems.length - 1} more problem${problems.length > 2 ? 's' : ''} after this one)` : '';
  return codedError(first.code, first.message + more, `${prefix}${first.field}`);
}
