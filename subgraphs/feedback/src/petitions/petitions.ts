import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { WorkingCalendar } from '../../../../shared/calendar';
import type { Caller } from '../../../../shared/caller';
import { callerOwns } from '../../../../shared/db';
import { badInput, codedError, conflict, notFound } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import { emailAddress, personName, phoneNumber } from '../../../../shared/people';
import type { Peers } from '../../../../shared/peers';
import { dossierByCode, unitPath } from '../peers';
import type { PetitionEntity } from '../store/entities/petition.entity';
import { insertPetition, petitionById, repeatedPetitionId, updatePetitionIfUnchanged } from '../store/petitions';
import { petitionDeadlines, publishDeadline } from './deadlines';
import { PETITION_PROCESS, type PetitionAction } from './transitions';

export interface NewPetition {
  dossierCode?: string | null;
  unitCode?: string | null;
  subject: string;
  content: string;
  petitioner: { name: string; phone?: string | null; email?: string | null };
}

/** A petition repeats an earlier one on the same dossier, or from the same phone to the same unit within this many days. */
const REPEAT_WINDOW_DAYS = 90;

const required = (value: string, field: string, what: string, max = 4000) => {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > max) throw badInput(field, `${what} must be 1 to ${max} characters.`);
  return trimmed;
};

/**
 * Receives a petition about a dossier (routed to the unit answerable for it: the owner of the
 * step that caused a delay, else the dossier's owner) or about a unit's service, with its
 * working-day deadlines. Nobody needs to sign in.
 */
export async function submitPetition(
  manager: EntityManager,
  peers: Peers,
  calendar: WorkingCalendar,
  input: NewPetition,
  now: Date,
): Promise<string> {
  const subject = required(input.subject, 'input.subject', 'The subject', 200);
  const content = required(input.content, 'input.content', 'The content');
  const name = personName(input.petitioner.name, 'input.petitioner.name', 'The petitioner’s name');
  const email = emailAddress(input.petitioner.email, 'input.petitioner.email');
  const phone = phoneNumber(input.petitioner.phone, 'input.petitioner.phone');
  if (!input.dossierCode === !input.unitCode) {
    throw badInput('input.dossierCode', 'Name either the dossier (its code) or the unit the petition is about, not both.');
  }

  let dossier: { id: string; code: string } | null = null;
  let ownerPath: string;
  if (input.dossierCode) {
    const found = await dossierByCode(peers, input.dossierCode, 'input.dossierCode');
    dossier = found;
    ownerPath = found.accountableUnitPath;
  } else {
    ownerPath = await unitPath(peers, input.unitCode!, 'input.unitCode');
  }
  // Asked of the database, which sees petitions the sender may not: the answer is an id only the answering unit is shown.
  const repeatOfId = await repeatedPetitionId(manager, {
    dossierId: dossier?.id ?? null,
    phone,
    ownerPath,
    since: new Date(now.getTime() - REPEAT_WINDOW_DAYS * 86_400_000),
  });
  const id = randomUUID();
  await insertPetition(manager, {
    id,
    dossierId: dossier?.id ?? null,
    dossierCode: dossier?.code ?? null,
    unitCode: ownerPath.slice(ownerPath.lastIndexOf('.') + 1),
    subject,
    content,
    petitionerName: name,
    petitionerPhone: phone,
    petitionerEmail: email,
    status: 'RECEIVED',
    receivedAt: now,
    ...petitionDeadlines(now, calendar),
    publishBy: null,
    note: null,
    answer: null,
    answeredAt: null,
    publishedAnswer: null,
    publishedAt: null,
    repeatOfId,
    version: 1,
    ownerPath,
  });
  return id;
}

export interface PetitionActionInput {
  petitionId: string;
  text?: string | null;
}

/** Requires the text an action records: a reason, the information asked for, the answer or its published form. */
const TEXT_FOR: Record<PetitionAction, string | null> = {
  reject: 'the reason for rejecting it',
  requestInformation: 'the information needed',
  accept: null,
  answer: 'the answer',
  publish: 'the answer as published',
};

/** One move of a petition by its responsible unit, with a version-checked update so of two concurrent moves one wins. */
export async function actOnPetition(
  manager: EntityManager,
  caller: Caller,
  calendar: WorkingCalendar,
  action: PetitionAction,
  input: PetitionActionInput,
  now: Date,
): Promise<string> {
  const petition = await petitionById(manager, parseId(input.petitionId, 'input.petitionId'));
  if (!petition) throw notFound(`No petition has id ${input.petitionId}.`, 'input.petitionId');
  if (!(await callerOwns(manager, petition.ownerPath))) {
    const refusal = `Petition "${petition.subject}" is answered by unit ${petition.ownerPath}; your unit ${caller.unit} may only read it.`;
    throw codedError('FORBIDDEN', refusal, 'input.petitionId');
  }
  const to = PETITION_PROCESS.next(petition.status, action, 'The petition', 'input.petitionId');
  const rule = PETITION_PROCESS.moves[action];
  if (rule.until && now > petition[rule.until]) {
    const ended = petition[rule.until].toISOString();
    throw conflict(`The time to ${action} this petition ended at ${ended}; answer it instead.`, 'input.petitionId');
  }
  const needs = TEXT_FOR[action];
  const text = needs ? required(input.text ?? '', 'input.text', `Give ${needs}; it`) : null;
  const patch: Partial<PetitionEntity> = { status: to };
  if (action === 'reject' || action === 'requestInformation') patch.note = text;
  if (action === 'answer') Object.assign(patch, { answer: text, answeredAt: now, publishBy: publishDeadline(now, calendar) });
  if (action === 'publish') Object.assign(patch, { publishedAnswer: text, publishedAt: now });
  await updatePetitionIfUnchanged(manager, petition, patch, 'input.petitionId');
  return petition.id;
}
