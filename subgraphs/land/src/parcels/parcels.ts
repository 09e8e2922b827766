import type { EntityManager } from 'typeorm';
import { badInput, conflict, notFound } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import { lookUpUnits } from '../../../../shared/unit-lookups';
import { isWithin, parentPath } from '../../../../shared/units';
import type { Context } from '../context';
import { attachParcel, insertParcel, parcelAt } from '../store/parcels';
import { maskName } from './owners';

export interface RegisterParcelInput {
  clientRequestId: string;
  unitCode: string;
  mapSheet: number;
  parcelNumber: number;
  areaM2: number;
  landUse: string;
  ownerName: string;
}

/** Land-use codes are two to four capitals (Thông tư 08/2024/TT-BTNMT: ONT, ODT, LUC, CLN, …). */
const LAND_USE = /^[A-Z]{2,4}$/;
const MAX_SHEET_OR_NUMBER = 100_000;
/** The largest area a parcel may have, in m² (100 km²); anything larger is a typing error. */
const MAX_AREA_M2 = 100_000_000;
/** A person's or an organisation's name: letters (any script, with their marks), digits and the punctuation names carry. */
const NAME = /^[\p{L}\p{M}\p{N}'’.,()&/ -]+$/u;

/** Lĩnh vực Đất đai: the field of the procedures whose dossiers concern a parcel. */
const LAND_FIELD = 'DD';

/** The district whose land the branch registers: the unit the branch sits in. */
export const districtOf = (branch: string) => parentPath(branch) ?? branch;

/** A map sheet or parcel number as printed on the cadastral map, or BAD_USER_INPUT naming the field. */
export function mapNumber(value: number, field: string, what: string): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_SHEET_OR_NUMBER) {
    throw badInput(field, `${what} must be a whole number from 1 to ${MAX_SHEET_OR_NUMBER}, as printed on the cadastral map.`);
  }
  return value;
}

/**
 * Đăng ký thửa đất: a parcel of a commune or ward of the branch's district (asked of the
 * catalogue through the public graph), at a place no other parcel holds. The kernel has already
 * refused callers outside the branch (`scopedMutation`).
 */
export async function registerParcel(db: EntityManager, input: RegisterParcelInput, ctx: Context): Promise<string> {
  const branch = ctx.owner!;
  const district = districtOf(branch);
  const mapSheet = mapNumber(input.mapSheet, 'input.mapSheet', 'The map sheet');
  const parcelNumber = mapNumber(input.parcelNumber, 'input.parcelNumber', 'The parcel number');
  const areaM2 = Math.round(input.areaM2 * 100) / 100;
  if (!Number.isFinite(areaM2) || areaM2 <= 0 || areaM2 > MAX_AREA_M2) {
    throw badInput('input.areaM2', `The area is in square metres, from 0.01 to ${MAX_AREA_M2}.`);
  }
  const landUse = input.landUse.trim().toUpperCase();
  if (!LAND_USE.test(landUse))
    throw badInput('input.landUse', `"${input.landUse}" is not a land-use code; write its 2–4 letters (ONT, ODT, LUC, CLN…).`);
  const ownerName = input.ownerName.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!ownerName || ownerName.length > 200 || !NAME.test(ownerName) || !/\p{L}/u.test(ownerName)) {
    throw badInput(
      'input.ownerName',
      "Write the land user's full name in letters (at most 200 characters), as on their identity card or business registration.",
    );
  }
  if (!input.unitCode.trim()) throw badInput('input.unitCode', 'Write the code of the commune or ward the parcel lies in (e.g. 09163).');
  const { 'input.unitCode': unit } = await lookUpUnits(ctx.peers, { 'input.unitCode': input.unitCode.trim() });
  if (unit.kind !== 'ADMINISTRATIVE' || unit.level !== 'COMMUNE' || parentPath(unit.path) !== district) {
    throw badInput(
      'input.unitCode',
      `${unit.name} (${unit.code}) is not a commune or ward of ${district}, the district this branch registers land in.`,
    );
  }
  if (await parcelAt(db, unit.code, mapSheet, parcelNumber)) {
    throw conflict(`Parcel ${parcelNumber} of map sheet ${mapSheet} in ${unit.name} is already registered.`, 'input.parcelNumber');
  }
  return insertParcel(db, {
    unitPath: unit.path,
    unitCode: unit.code,
    mapSheet,
    parcelNumber,
    areaM2,
    landUse,
    ownerName,
    ownerMasked: maskName(ownerName),
    ownerPath: branch,
    registeredAt: ctx.clock.now(),
  });
}

/**
 * Gắn thửa đất: which of the branch's parcels a dossier concerns; the last call stands. This
 * service cannot see the dossier; `Dossier.landParcel` shows the link only on a land dossier of
 * the branch's district, so a mistyped id shows nowhere.
 */
export async function attachToDossier(
  db: EntityManager,
  input: { clientRequestId: string; dossierId: string; parcelId: string },
  ctx: Context,
): Promise<string> {
  const dossierId = parseId(input.dossierId, 'input.dossierId');
  const parcelId = parseId(input.parcelId, 'input.parcelId');
  const parcel = await ctx.loaders.parcelById.load(parcelId);
  if (!parcel || parcel.ownerPath !== ctx.owner) throw notFound(`No parcel of this registry has id ${parcelId}.`, 'input.parcelId');
  await attachParcel(db, { dossierId, parcelId, ownerPath: parcel.ownerPath, attachedAt: ctx.clock.now() });
  return parcelId;
}

/** Whether a dossier (as the dossiers subgraph showed it to the caller) is one the branch's parcels belong on. */
export const showsParcels = (dossier: { ownerPath?: string | null; fieldCode?: string | null }, branch: string) =>
  typeof dossier.ownerPath === 'string' && dossier.fieldCode === LAND_FIELD && isWithin(dossier.ownerPath, districtOf(branch));
