import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../../../shared/caller';
import type { WorkingCalendar } from '../../../../shared/calendar';
import { badInput, forbidden, notFound } from '../../../../shared/errors';
import type { Peers } from '../../../../shared/peers';
import { vietnamDate } from '../../../../shared/scalars';
import { isWithin, parentPath, type UnitLevel } from '../../../../shared/units';
import type { ApplicantKind, Channel, DossierEntity, SubmittedDocument } from '../store/entities/dossier.entity';
import type { DossierApplicantEntity } from '../store/entities/dossier-applicant.entity';
import { emailOf, phoneOf } from '../../../../shared/contacts';
import { insertApplicant, insertDossier, insertSteps, nextDossierNumber } from '../store/dossiers';
import { receptionCatalogue, type CatalogueUnit, type ReceptionCatalogue } from '../peers';
import { record } from './actions';
import { publicName } from './applicant';
import { isCitizenId, isTaxCode, personName } from '../../../../shared/people';
import { servingOfficial } from '../../../../shared/officials';
import { attachFiles, splitFiles, type DocumentWithFiles } from '../documents/files';

export interface ReceiveInput {
  receivingUnitCode: string;
  procedureId: string;
  caseVariantId?: string | null;
  channel: Channel;
  applicant: { kind: ApplicantKind; name: string; idNumber: string; phone?: string | null; email?: string | null; address?: string | null };
  proxy?: { name: string; idNumber: string } | null;
  /** The commune or district the matter belongs to, when it is not the receiving unit's own (boundary-free reception). */
  areaUnitCode?: string | null;
  /** The papers handed in, each with the files given for it (scans at the desk, uploads online). */
  documents: DocumentWithFiles[];
}

/** Where each tier's procedures are received. */
const LEVEL_DESKS: Record<UnitLevel, string> = {
  PROVINCE: 'the provincial public administration centre',
  DISTRICT: 'the district one-stop desks',
  COMMUNE: 'the commune reception desks',
};

/** Compares document names as a person at the counter would: case, diacritics and spacing aside. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').replace(/\s+/g, ' ').trim().toLowerCase();

/** More documents than any procedure asks for: a dossier of paper is dozens, not thousands. */
const MAX_DOCUMENTS = 100;
/** More copies of one paper than anyone hands in. */
const MAX_COPIES = 100;

export function checkDocuments(documents: SubmittedDocument[]): void {
  if (documents.length > MAX_DOCUMENTS)
    throw badInput('input.documents', `A dossier lists at most ${MAX_DOCUMENTS} documents; got ${documents.length}.`);
  const odd = documents.find((d) => [d.originals, d.copies].some((n) => !Number.isInteger(n) || n < 0 || n > MAX_COPIES));
  if (odd) throw badInput('input.documents', `"${odd.name.slice(0, 60)}": originals and copies are whole numbers from 0 to ${MAX_COPIES}.`);
}

export function checkApplicant(input: Pick<ReceiveInput, 'applicant' | 'proxy' | 'documents'>): void {
  checkDocuments(input.documents);
  const { applicant, proxy } = input;
  if (!applicant.name.trim()) throw badInput('input.applicant.name', "Write the applicant's name as on their papers.");
  if (applicant.kind === 'PERSON') applicant.name = personName(applicant.name, 'input.applicant.name', "The applicant's name");
  if (proxy) proxy.name = personName(proxy.name, 'input.proxy.name', "The authorised person's name");
  if (applicant.kind === 'PERSON' && !isCitizenId(applicant.idNumber)) {
    throw badInput('input.applicant.idNumber', 'A citizen ID (căn cước) has 12 digits.');
  }
  if (applicant.kind === 'ORGANISATION' && !isTaxCode(applicant.idNumber)) {
    throw badInput('input.applicant.idNumber', 'A tax code has 10 digits, or 10 digits, a dash and 3 digits for a branch.');
  }
  if (proxy && !proxy.name.trim()) throw badInput('input.proxy.name', "Write the authorised person's name.");
  if (proxy && !isCitizenId(proxy.idNumber)) throw badInput('input.proxy.idNumber', "The authorised person's citizen ID has 12 digits.");
}

/** The matter a desk receives, in person or online: what the catalogue is asked about. */
export type Matter = Pick<ReceiveInput, 'receivingUnitCode' | 'procedureId' | 'caseVariantId' | 'channel' | 'areaUnitCode' | 'documents'>;

/** What the catalogue says of a matter on a day: the procedure in force, the desk and the area. */
export async function askCatalogue(peers: Peers, matter: Matter, now: Date): Promise<ReceptionCatalogue> {
  return receptionCatalogue(peers, {
    procedureId: matter.procedureId,
    date: vietnamDate(now),
    desk: matter.receivingUnitCode,
    area: matter.areaUnitCode?.trim() || matter.receivingUnitCode,
  });
}

/** A reception desk: a unit with an electronic ID; what it receives belongs to the unit it sits in. */
export function deskOf(answer: ReceptionCatalogue, matter: Matter): { desk: CatalogueUnit & { electronicId: string }; owner: string } {
  const { desk } = answer;
  if (!desk) throw notFound(`No unit has code ${matter.receivingUnitCode}.`, 'input.receivingUnitCode');
  if (!desk.electronicId)
    throw badInput('input.receivingUnitCode', `${desk.name} has no electronic ID, so it is not a reception desk; receive at its centre or desk.`);
  return { desk: { ...desk, electronicId: desk.electronicId }, owner: parentPath(desk.path) ?? desk.path };
}

export interface Admission {
  procedure: NonNullable<ReceptionCatalogue['procedure']>;
  version: NonNullable<NonNullable<ReceptionCatalogue['procedure']>['versionAt']>;
  variant: NonNullable<NonNullable<ReceptionCatalogue['procedure']>['versionAt']>['variants'][number];
  area: CatalogueUnit;
  steps: {
    position: number;
    title: string;
    level: UnitLevel;
    role: string | null;
    unit: { code: string; path: string };
    time: { workingHours: number };
  }[];
  /** The case's time limit for the channel: the online one where the case has one. */
  limit: { workingHours: number } | null;
}

/**
 * What a desk may receive, checked against the catalogue as in force that day: the procedure at
 * the desk's tier and (unless it is boundary-free, or filed online) for the desk's own area, the
 * case, the required documents (unless `complete` is false: a citizen's draft), and the liên
 * thông steps laid out with the units that hold them for the matter's area.
 */
export function admit(
  answer: ReceptionCatalogue,
  matter: Matter,
  options: {
    /** Filed online: any desk, any area. */ online: boolean;
    /** Filing now: the version in force must be offered online. */ filing: boolean;
    complete: boolean;
  },
): Admission {
  const { procedure, area } = answer;
  const { desk, owner } = deskOf(answer, matter);
  if (!area) throw notFound(`No unit has code ${matter.areaUnitCode}.`, 'input.areaUnitCode');
  if (matter.areaUnitCode && area.kind !== 'ADMINISTRATIVE') {
    throw badInput('input.areaUnitCode', `${area.name} is not an administrative unit; name the commune or district the matter belongs to.`);
  }
  if (!procedure) throw notFound(`No procedure has id ${matter.procedureId}.`, 'input.procedureId');
  // A desk receives matters of its own area; only a boundary-free procedure is received for another.
  // Online filing is boundary-free: any desk of the province, for any area.
  if (!procedure.boundaryFree && !options.online && !isWithin(area.path, owner)) {
    throw badInput(
      'input.areaUnitCode',
      `${area.name} is outside ${desk.name}'s area; ${procedure.name} is not boundary-free, so it is received where the matter belongs.`,
    );
  }
  if (!procedure.levels.includes(desk.level)) {
    throw badInput(
      'input.procedureId',
      `${procedure.name} is received at ${procedure.levels.map((l) => LEVEL_DESKS[l]).join(' or ')}, not at ${desk.name}.`,
    );
  }
  const version = procedure.versionAt;
  if (!version) throw badInput('input.procedureId', `${procedure.name} is not in force today (not yet effective, or repealed).`);
  if (options.filing && version.onlineLevel === 'NONE')
    throw badInput('input.procedureId', `${procedure.name} is not offered online as in force today; file it at ${desk.name} in person.`);
  const variant = matter.caseVariantId
    ? version.variants.find((v) => v.id === matter.caseVariantId)
    : version.variants.length === 1
      ? version.variants[0]
      : undefined;
  if (!variant) {
    throw badInput('input.caseVariantId', `Choose the case of ${procedure.name}: ${version.variants.map((v) => `${v.name} (${v.id})`).join('; ')}.`);
  }

  if (options.complete) {
    const handed = new Set(matter.documents.filter((d) => d.originals + d.copies > 0).map((d) => fold(d.name)));
    const missing = version.documents.filter((d) => d.originals + d.copies > 0 && !handed.has(fold(d.name))).map((d) => d.name);
    if (missing.length) {
      throw badInput(
        'input.documents',
        `Missing: ${missing.join('; ')}. Receive the dossier once it is complete, or refuse it with the reason (form 03).`,
      );
    }
  }

  // Role steps go to the unit of the matter's area at the step's tier: the area itself or one of its ancestors.
  // Each step goes to the unit the catalogue names competent for the matter's area: by role, the police or
  // the social insurance agency, not the People's Committee.
  const tiers = new Set([...area.ancestors, area].filter((u) => u.kind === 'ADMINISTRATIVE').map((u) => u.level));
  const steps = variant.process.map(({ unit, ...step }) => {
    if (unit) return { ...step, unit };
    if (!tiers.has(step.level))
      throw badInput(
        'input.areaUnitCode',
        `Step ${step.position} (${step.title}) goes to a ${step.level.toLowerCase()}; name the ${step.level.toLowerCase()} the matter belongs to.`,
      );
    throw badInput(
      'input.procedureId',
      `No unit of ${area.name} plays the role "${step.role}" that step ${step.position} (${step.title}) needs; ` +
        'the catalogue administrator records which unit does.',
    );
  });
  const limit = matter.channel === 'ONLINE' && variant.onlineTimeLimit ? variant.onlineTimeLimit : variant.timeLimit;
  return { procedure, version, variant, area, steps, limit };
}

/** The dossier code `{e-ID}-{yyMMdd}-{NNNN}`, the desk's next number of the day. */
export async function issueCode(manager: EntityManager, desk: { electronicId: string; path: string }, now: Date): Promise<string> {
  const number = await nextDossierNumber(manager, desk.electronicId, vietnamDate(now), desk.path);
  return `${desk.electronicId}-${vietnamDate(now).slice(2).replace(/-/g, '')}-${String(number).padStart(4, '0')}`;
}

/** The liên thông steps of a dossier, each held by its unit, none started. */
export async function layOutSteps(manager: EntityManager, dossierId: string, steps: Admission['steps']): Promise<void> {
  if (!steps.length) return;
  await insertSteps(
    manager,
    steps.map((step) => ({
      id: randomUUID(),
      dossierId,
      position: step.position,
      title: step.title,
      level: step.level,
      unitCode: step.unit.code,
      role: step.role,
      allottedHours: step.time.workingHours,
      finishedAt: null,
      handlerId: null,
      ownerPath: step.unit.path,
    })),
  );
}

/**
 * Tiếp nhận — receives a dossier at a desk: checks the applicant and the documents against the
 * version in force today, pins that version and case, lays out the liên thông steps with the
 * units that hold them, issues the code `{e-ID}-{yyMMdd}-{NNNN}` and the appointment.
 */
export async function receiveDossier(
  manager: EntityManager,
  caller: Caller,
  peers: Peers,
  calendar: WorkingCalendar,
  input: ReceiveInput,
  now: Date,
): Promise<string> {
  checkApplicant(input);
  const answer = await askCatalogue(peers, input, now);
  const { desk, owner } = deskOf(answer, input);
  if (!isWithin(desk.path, caller.unit ?? '-'))
    throw forbidden(`${desk.name} is not your unit's desk; officials of ${caller.unit} receive at desks of their own unit.`);
  if (!isWithin(owner, caller.unit ?? '-'))
    throw forbidden(`Dossiers received at ${desk.name} belong to unit ${owner}; sign in as an official acting for ${owner} to receive them.`);
  const { procedure, version, variant, area, steps, limit } = admit(answer, input, { online: false, filing: false, complete: true });
  // The receiving official handles it at the desk, at the counter the centre assigned them today.
  const counter = caller.officialId ? (await servingOfficial(peers, caller.officialId, desk.code, vietnamDate(now))).counterNumber : null;
  const dossier = dossierRow({ procedure, version, variant, area, limit }, desk, owner, input, {
    code: await issueCode(manager, desk, now),
    channel: input.channel,
    status: 'RECEIVED',
    receivedAt: now,
    dueAt: limit ? calendar.dueAt(now, limit.workingHours) : null,
    handlerId: caller.officialId ?? null,
    receivingCounterNumber: counter,
    submittedAt: null,
    filedBy: null,
  });
  await insertDossier(manager, dossier);
  await insertApplicant(manager, applicantRow(dossier, input));
  // Papers scanned as they are handed in are the dossier's digitised copies.
  await attachFiles(manager, caller, dossier.id, splitFiles(input.documents).files, 'DIGITISED', now);
  await layOutSteps(manager, dossier.id, steps);
  await record(
    manager,
    caller,
    { id: dossier.id, status: null, ownerPath: dossier.ownerPath },
    'receive',
    'RECEIVED',
    null,
    { form: '01', dueAt: dossier.dueAt, documents: input.documents.length },
    now,
  );
  return dossier.id;
}

/** How a dossier came in: at the desk (received, its code and appointment now) or online (waiting for the desk). */
type Arrival = Pick<
  DossierEntity,
  'code' | 'channel' | 'status' | 'receivedAt' | 'dueAt' | 'handlerId' | 'receivingCounterNumber' | 'submittedAt' | 'filedBy'
>;

/** A new dossier's row: the matter as admitted, nothing done to it yet, and how it came in. */
export function dossierRow(
  admitted: Pick<Admission, 'procedure' | 'version' | 'variant' | 'area' | 'limit'>,
  desk: { code: string },
  owner: string,
  input: Pick<ReceiveInput, 'applicant' | 'documents'>,
  arrival: Arrival,
): DossierEntity {
  return {
    id: randomUUID(),
    ratingSecret: randomBytes(8).toString('hex'),
    procedureId: admitted.procedure.id,
    procedureVersionId: admitted.version.id,
    caseVariantId: admitted.variant.id,
    fieldCode: admitted.version.field.code,
    receivingUnitCode: desk.code,
    applicantKind: input.applicant.kind,
    applicantPublicName: publicName(input.applicant.kind, input.applicant.name),
    documents: splitFiles(input.documents).papers,
    onlineLevel: admitted.version.onlineLevel,
    areaUnitCode: admitted.area.code,
    timeLimitHours: admitted.limit?.workingHours ?? null,
    finishedAt: null,
    currentStep: null,
    pausedAt: null,
    supplementCount: 0,
    feeOwedVnd: null,
    feePaidVnd: null,
    catalogueFeeVnd: admitted.version.feeVnd,
    rescheduled: false,
    outcome: null,
    returnedAt: null,
    returnMethod: null,
    ownerPath: owner,
    version: 1,
    ...arrival,
  };
}

/** Who applied, as stored apart from the dossier (personal data). */
export function applicantRow(
  dossier: Pick<DossierEntity, 'id' | 'ownerPath'>,
  input: Pick<ReceiveInput, 'applicant' | 'proxy'>,
): DossierApplicantEntity {
  return {
    dossierId: dossier.id,
    name: input.applicant.name.trim(),
    idNumber: input.applicant.idNumber,
    phone: phoneOf(input.applicant.phone, 'input.applicant.phone'),
    email: emailOf(input.applicant.email, 'input.applicant.email'),
    address: input.applicant.address ?? null,
    proxyName: input.proxy?.name.trim() ?? null,
    proxyIdNumber: input.proxy?.idNumber ?? null,
    ownerPath: dossier.ownerPath,
  };
}
