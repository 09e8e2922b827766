import type { EntityManager } from 'typeorm';
import type { Caller } from '../../../../shared/caller';
import { callerOwns } from '../../../../shared/db';
import { badInput, conflict, forbidden, notFound } from '../../../../shared/errors';
import type { ProcedureVersionEntity } from '../store/entities/procedure-version.entity';
import type { ProcedureEntity } from '../store/entities/procedure.entity';
import { insertProcedure, insertVersion, latestVersion, localCodeTaken, procedureById, updateProcedure } from '../store/procedures';
import { checkAnnouncement, checkContent, checkNationalCode, problemError } from './check';
import type { Announcement, ProcedureContent } from './content';
import { procedureRows, type Identity } from './rows';

/** Field paths in errors start here: the GraphQL input's content object. */
const CONTENT = 'input.content.';

/** The province whose catalogue the caller edits: catalogues are announced by provinces only. */
export function catalogueProvince(caller: Caller): string {
  if (caller.role !== 'ADMIN' || !caller.unit || caller.unit.includes('.')) {
    throw forbidden(
      `The procedure catalogue is announced by the province; only a province's administrators edit it (you sign in as ${caller.role.toLowerCase()} of ${caller.unit ?? 'no unit'}).`,
    );
  }
  return caller.unit;
}

async function check(manager: EntityManager, announcement: Announcement, content: ProcedureContent, provincePath: string): Promise<void> {
  const problems = [
    ...checkAnnouncement(announcement).map((p) => ({ ...p, field: `input.${p.field}` })),
    ...(await checkContent(manager, content, provincePath)).map((p) => ({ ...p, field: CONTENT + p.field })),
  ];
  if (problems.length) throw problemError(problems, '');
}

/** Công bố mới — a new procedure in the caller's province catalogue, as version 1. */
export async function publishProcedure(
  manager: EntityManager,
  province: string,
  identity: Identity,
  announcement: Announcement,
  content: ProcedureContent,
): Promise<string> {
  const badCode = checkNationalCode(identity.code);
  if (badCode) throw badInput('input.code', badCode.message);
  if (!identity.localCode.startsWith(identity.code))
    throw badInput('input.localCode', `The local code starts with the national code ${identity.code}, e.g. ${identity.code}.000.00.00.H06.`);
  if (await localCodeTaken(manager, identity.localCode)) {
    throw conflict(`The catalogue already has ${identity.localCode}; amend it instead of publishing it again.`, 'input.localCode');
  }
  await check(manager, announcement, content, province);
  const rows = procedureRows(identity, province, 1, announcement, content);
  await insertProcedure(manager, rows.procedure);
  await insertVersion(manager, rows.version, rows.variants);
  return rows.procedure.id;
}

/** The procedure to change, if the caller's unit owns it; reading is open, so a stranger learns only who owns it. */
async function ownedProcedure(manager: EntityManager, id: string): Promise<ProcedureEntity> {
  const procedure = await procedureById(manager, id);
  if (!procedure) throw notFound(`No procedure has id ${id}.`, 'input.procedureId');
  if (!(await callerOwns(manager, procedure.ownerPath)))
    throw forbidden(`${procedure.localCode} belongs to the catalogue of province ${procedure.ownerPath}; only its administrators change it.`);
  if (procedure.repealedFrom)
    throw conflict(
      `${procedure.localCode} was repealed from ${procedure.repealedFrom} (${procedure.repealDecision}); publish a new procedure instead.`,
      'input.procedureId',
    );
  return procedure;
}

function checkLater(latest: ProcedureVersionEntity, effectiveFrom: string, what: string): void {
  if (effectiveFrom <= latest.effectiveFrom) {
    throw badInput(
      'input.effectiveFrom',
      `${what} takes effect after ${latest.effectiveFrom}, when version ${latest.number} (${latest.decision}) did; got ${effectiveFrom}.`,
    );
  }
}

/** Công bố sửa đổi, bổ sung — a new version; the earlier ones stay readable and keep their dossiers. */
export async function amendProcedure(
  manager: EntityManager,
  procedureId: string,
  announcement: Announcement,
  content: ProcedureContent,
): Promise<string> {
  const procedure = await ownedProcedure(manager, procedureId);
  await check(manager, announcement, content, procedure.ownerPath);
  const latest = await latestVersion(manager, procedureId);
  checkLater(latest, announcement.effectiveFrom, 'An amendment');
  const rows = procedureRows(procedure, procedure.ownerPath, latest.number + 1, announcement, content);
  const { id: _id, code: _code, localCode: _localCode, ownerPath: _owner, ...projection } = rows.procedure;
  await updateProcedure(manager, procedureId, projection);
  await insertVersion(manager, rows.version, rows.variants);
  return procedureId;
}

/** Bãi bỏ — the procedure is no longer in force from `effectiveFrom`; its versions stay for old dossiers. */
export async function repealProcedure(manager: EntityManager, procedureId: string, announcement: Announcement): Promise<string> {
  await ownedProcedure(manager, procedureId);
  const [problem] = checkAnnouncement(announcement);
  if (problem) throw badInput(`input.${problem.field}`, problem.message);
  checkLater(await latestVersion(manager, procedureId), announcement.effectiveFrom, 'A repeal');
  await updateProcedure(manager, procedureId, { repealedFrom: announcement.effectiveFrom, repealDecision: announcement.decision });
  return procedureId;
}
