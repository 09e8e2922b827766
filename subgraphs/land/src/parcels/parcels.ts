import type { EntityManager } from 'typeorm';
import { conflict, badInput, notFound } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import { isWithin, parentPath, parseUnitPath } from '../../../../shared/units';
import type { Context } from '../context';
import { attachParcel, insertParcel, parcelAt } from '../store/parcels';
import { maskName } from './owners';

export interface RegisterParcelInput {
  clientRequestId: string;
  unitPath: string;
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

function positive(value: number, field: string, what: string): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_SHEET_OR_NUMBER) {
    throw badInput(field, `${what} must be a whole number from 1 to ${MAX_SHEET_OR_NUMBER}, as printed on the cadastral map.`);
  }
  return value;
}

/**
 * Đăng ký thửa đất: a parcel of the branch's district, at a place no other parcel holds. The
 * kernel has already refused callers outside the branch (`scopedMutation`).
 */
export async function registerParcel(db: EntityManager, input: RegisterParcelInput, ctx: Context): Promise<string> {
  const branch = ctx.owner!;
  const district = parentPath(branch) ?? branch;
  const unitPath = parseUnitPath(input.unitPath.trim(), 'input.unitPath');
  if (!isWithin(unitPath, district) || unitPath === district) {
    throw badInput('input.unitPath', `Unit ${unitPath} is not a commune or ward of ${district}, the district this branch registers land in.`);
  }
  const mapSheet = positive(input.mapSheet, 'input.mapSheet', 'The map sheet');
  const parcelNumber = positive(input.parcelNumber, 'input.parcelNumber', 'The parcel number');
  if (!Number.isFinite(input.areaM2) || input.areaM2 <= 0 || input.areaM2 > MAX_AREA_M2) {
    throw badInput('input.areaM2', `The area is in square metres, more than 0 and at most ${MAX_AREA_M2}.`);
  }
  const landUse = input.landUse.trim().toUpperCase();
  if (!LAND_USE.test(landUse))
    throw badInput('input.landUse', `"${input.landUse}" is not a land-use code; write its 2–4 letters (ONT, ODT, LUC, CLN…).`);
  const ownerName = input.ownerName.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!ownerName || ownerName.length > 200) throw badInput('input.ownerName', "Write the land user's full name (at most 200 characters).");
  if (await parcelAt(db, unitPath, mapSheet, parcelNumber)) {
    throw conflict(`Parcel ${parcelNumber} of map sheet ${mapSheet} in ${unitPath} is already registered.`, 'input.parcelNumber');
  }
  return insertParcel(db, {
    unitPath,
    unitCode: unitPath.slice(unitPath.lastIndexOf('.') + 1),
    mapSheet,
    parcelNumber,
    areaM2: Math.round(input.areaM2 * 100) / 100,
    landUse,
    ownerName,
    ownerMasked: maskName(ownerName),
    ownerPath: branch,
    registeredAt: ctx.clock.now(),
  });
}

/** Gắn thửa đất: which of the branch's parcels a dossier concerns; the last call stands. */
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
