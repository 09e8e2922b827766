import { emailAddress, phoneNumber } from '../../../../shared/people';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { callerOwns } from '../../../../shared/db';
import { badInput, codedError, notFound } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import type { Peers } from '../../../../shared/peers';
import type { EmploymentStatus, OfficialEntity } from '../store/entities/official.entity';
import { insertOfficial, officialById, patchOfficial } from '../store/officials';
import { lookUpUnits } from '../../../../shared/unit-lookups';

export interface NewOfficial {
  fullName: string;
  title: string;
  homeAgencyCode: string;
  email?: string | null;
  phone?: string | null;
  isLeader?: boolean | null;
}

export interface OfficialChange {
  officialId: string;
  title?: string | null;
  email?: string | null;
  phone?: string | null;
  employmentStatus?: EmploymentStatus | null;
  isLeader?: boolean | null;
}

/** The official with this id, or NOT_FOUND against `field`. */
export async function findOfficial(manager: EntityManager, id: string, field: string): Promise<OfficialEntity> {
  const official = await officialById(manager, parseId(id, field));
  if (!official) throw notFound(`No official has id ${id}.`, field);
  return official;
}

/** FORBIDDEN, naming the owner, unless the caller's unit is `ownerPath` or above it. */
export async function requireOwner(manager: EntityManager, ownerPath: string, what: string, field: string): Promise<void> {
  if (!(await callerOwns(manager, ownerPath)))
    throw codedError('FORBIDDEN', `${what} is managed by unit ${ownerPath} (or a unit above it); your unit may only read it.`, field);
}

function checkContact(input: { email?: string | null; phone?: string | null }): void {
  emailAddress(input.email, 'input.email');
  phoneNumber(input.phone, 'input.phone');
}

const text = (value: string, field: string, label: string) => {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > 200) throw badInput(field, `${label} must be 1 to 200 characters.`);
  return trimmed;
};

/** A new official of the caller's agency (or of an agency below the caller's unit). */
export async function addOfficial(manager: EntityManager, peers: Peers, input: NewOfficial): Promise<string> {
  const fullName = text(input.fullName, 'input.fullName', 'The full name');
  const title = text(input.title, 'input.title', 'The title');
  checkContact(input);
  const { 'input.homeAgencyCode': agency } = await lookUpUnits(peers, { 'input.homeAgencyCode': input.homeAgencyCode });
  if (agency.kind === 'ADMINISTRATIVE')
    throw badInput('input.homeAgencyCode', `${agency.name} is an administrative unit; officials belong to one of its agencies or centres.`);
  await requireOwner(manager, agency.path, `The staff of ${agency.name}`, 'input.homeAgencyCode');
  const id = randomUUID();
  await insertOfficial(manager, {
    id,
    fullName,
    title,
    homeAgencyCode: agency.code,
    email: input.email ?? null,
    phone: input.phone ?? null,
    employmentStatus: 'ACTIVE',
    isLeader: input.isLeader ?? false,
    ownerPath: agency.path,
  });
  return id;
}

export async function updateOfficial(manager: EntityManager, input: OfficialChange): Promise<string> {
  const official = await findOfficial(manager, input.officialId, 'input.officialId');
  await requireOwner(manager, official.ownerPath, `Official ${official.fullName}`, 'input.officialId');
  checkContact(input);
  const patch: Partial<OfficialEntity> = {};
  if (input.title != null) patch.title = text(input.title, 'input.title', 'The title');
  if (input.email !== undefined) patch.email = input.email;
  if (input.phone !== undefined) patch.phone = input.phone;
  if (input.employmentStatus != null) patch.employmentStatus = input.employmentStatus;
  if (input.isLeader != null) patch.isLeader = input.isLeader;
  if (Object.keys(patch).length) await patchOfficial(manager, official.id, patch);
  return official.id;
}
