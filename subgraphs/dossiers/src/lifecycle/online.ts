import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { filerIds, requireCitizen, type Caller } from '../../../../shared/caller';
import type { WorkingCalendar } from '../../../../shared/calendar';
import { badInput, conflict, notFound } from '../../../../shared/errors';
import type { Peers } from '../../../../shared/peers';
import type { Context } from '../context';
import type { DossierEntity } from '../store/entities/dossier.entity';
import { dossierById, insertApplicant, insertDossier, updateDossierIfUnchanged } from '../store/dossiers';
import { record, type Effect, type Situation } from './actions';
import { attachFiles, requireFileForEach, splitFiles, type DocumentWithFiles } from '../documents/files';
import { removeDraftAttachments } from '../store/documents';
import {
  admit,
  applicantRow,
  askCatalogue,
  checkApplicant,
  checkDocuments,
  deskOf,
  dossierRow,
  issueCode,
  layOutSteps,
  type Matter,
  type ReceiveInput,
} from './reception';

/** Nộp hồ sơ trực tuyến — what a citizen files: the matter, who applies, and whether it goes to the desk now. */
export interface FileInput extends Omit<ReceiveInput, 'channel' | 'proxy'> {
  /** false: a draft, kept to complete later; true: submitted to the desk. */
  submit: boolean;
}

/**
 * Online the applicant is the citizen signed in, or the organisation they sign in for: filing in
 * someone else's name needs their authorisation seen, which the desk does. Answers who files
 * (`filed_by`): the citizen, or the organisation through them. The database checks the same.
 */
function filerOf(caller: Caller, applicant: ReceiveInput['applicant']): string {
  const { citizenId, taxCode } = requireCitizen(caller);
  if (applicant.kind === 'PERSON' && applicant.idNumber === citizenId) return citizenId;
  if (applicant.kind === 'ORGANISATION' && taxCode && applicant.idNumber === taxCode) return `${citizenId}/${taxCode}`;
  throw badInput(
    'input.applicant.idNumber',
    'Online you file as yourself (your citizen ID, as you signed in) or for the organisation you sign in for; ' +
      "a dossier in someone else's name, under their authorisation, is filed at the desk.",
  );
}

/** Until the desk accepts it an online dossier has no number of the desk's: a code to follow it by. */
const PROVISIONAL = 'TRUCTUYEN-';
const provisionalCode = () => `${PROVISIONAL}${randomBytes(5).toString('hex').toUpperCase()}`;

/**
 * Files a dossier online for a procedure offered online, at any desk of the province (online
 * filing is boundary-free): a draft, or submitted to the desk, which then accepts or refuses it.
 * Submitting checks the required documents; a draft may lack some.
 */
export async function fileDossier(manager: EntityManager, caller: Caller, peers: Peers, input: FileInput, now: Date): Promise<string> {
  checkApplicant({ ...input, proxy: null });
  if (input.submit) requireFileForEach(input.documents);
  const filedBy = filerOf(caller, input.applicant);
  const matter: Matter = { ...input, channel: 'ONLINE' };
  const answer = await askCatalogue(peers, matter, now);
  const { desk, owner } = deskOf(answer, matter);
  const { procedure, version, variant, area, limit } = admit(answer, matter, { online: true, filing: true, complete: input.submit });
  const dossier = dossierRow({ procedure, version, variant, area, limit }, desk, owner, input, {
    code: provisionalCode(),
    channel: 'ONLINE',
    status: 'NEW',
    // Until the desk accepts it: when it was filed.
    receivedAt: now,
    dueAt: null,
    handlerId: null,
    receivingCounterNumber: null,
    submittedAt: input.submit ? now : null,
    filedBy,
  });
  await insertDossier(manager, dossier);
  await insertApplicant(manager, applicantRow(dossier, { ...input, proxy: null }));
  await attachFiles(manager, caller, dossier.id, splitFiles(input.documents).files, 'SUBMITTED', now);
  if (input.submit) await recordFiling(manager, caller, dossier);
  return dossier.id;
}

export interface SubmitDraftInput {
  dossierId: string;
  /** The documents as they now stand, with their files, replacing the draft's list. */
  documents: DocumentWithFiles[];
}

/** Completes a draft and submits it: the documents are checked against the catalogue as in force now. */
export async function submitDraft(manager: EntityManager, caller: Caller, peers: Peers, input: SubmitDraftInput, now: Date): Promise<string> {
  requireCitizen(caller);
  const dossier = await dossierById(manager, input.dossierId);
  if (!dossier?.filedBy || !filerIds(caller).includes(dossier.filedBy))
    throw notFound(`No dossier of yours has id ${input.dossierId}.`, 'input.dossierId');
  if (dossier.submittedAt || dossier.status !== 'NEW') {
    throw conflict(
      `Dossier ${dossier.code} is no longer a draft (${dossier.submittedAt ? 'submitted' : dossier.status}); only a draft is submitted.`,
      'input.dossierId',
    );
  }
  checkDocuments(input.documents);
  requireFileForEach(input.documents);
  const { papers, files } = splitFiles(input.documents);
  const matter = { ...matterOf(dossier), documents: papers };
  admit(await askCatalogue(peers, matter, now), matter, { online: true, filing: true, complete: true });
  // The draft's files are replaced while it is still a draft (the database lets its citizen remove them only then).
  await removeDraftAttachments(manager, dossier.id);
  await attachFiles(manager, caller, dossier.id, files, 'SUBMITTED', now);
  await updateDossierIfUnchanged(
    manager,
    dossier,
    { documents: papers, submittedAt: now, receivedAt: now },
    `Dossier ${dossier.code}`,
    'input.dossierId',
  );
  // The history row says when it was submitted and with how many documents: the draft as it now stands.
  await recordFiling(manager, caller, { ...dossier, documents: papers, submittedAt: now });
  return dossier.id;
}

const recordFiling = (manager: EntityManager, caller: Caller, dossier: DossierEntity) =>
  record(
    manager,
    caller,
    { id: dossier.id, status: null, ownerPath: dossier.ownerPath },
    'file',
    'NEW',
    null,
    { documents: dossier.documents.length },
    dossier.submittedAt ?? dossier.receivedAt,
  );

/** The matter of a dossier already filed, as the catalogue is asked about it again. */
const matterOf = (dossier: DossierEntity): Matter => ({
  receivingUnitCode: dossier.receivingUnitCode,
  procedureId: dossier.procedureId,
  caseVariantId: dossier.caseVariantId,
  channel: dossier.channel,
  // The area as filed: none named means the desk's own.
  areaUnitCode: dossier.areaUnitCode === dossier.receivingUnitCode ? null : dossier.areaUnitCode,
  documents: dossier.documents,
});

/**
 * Tiếp nhận hồ sơ trực tuyến — the desk accepts an online dossier: from this moment it has the
 * desk's code, its appointment (the case's online time limit where it has one) and its liên
 * thông steps, laid out with the catalogue as in force today; the accepting official handles it.
 */
export async function acceptOnline(
  manager: EntityManager,
  ctx: Context,
  situation: Situation,
  effect: Effect,
  calendar: WorkingCalendar,
): Promise<Effect> {
  const { dossier, now } = situation;
  if (!dossier.code.startsWith(PROVISIONAL)) return effect;
  const answer = await askCatalogue(ctx.peers, matterOf(dossier), now);
  const { desk } = deskOf(answer, matterOf(dossier));
  // The desk accepts what was filed online (any area): whether the procedure is still offered online does not undo a filing.
  const { version, steps, limit } = admit(answer, matterOf(dossier), { online: true, filing: false, complete: true });
  const code = await issueCode(manager, desk, now);
  await layOutSteps(manager, dossier.id, steps);
  return {
    ...effect,
    dossier: {
      ...effect.dossier,
      code,
      procedureVersionId: version.id,
      onlineLevel: version.onlineLevel,
      timeLimitHours: limit?.workingHours ?? null,
      dueAt: limit ? calendar.dueAt(now, limit.workingHours) : null,
      handlerId: ctx.caller.officialId ?? dossier.handlerId,
    },
    details: { ...effect.details, form: '01', code, dueAt: limit ? calendar.dueAt(now, limit.workingHours) : null },
  };
}
