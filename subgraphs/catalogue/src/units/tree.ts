import type { EntityManager } from 'typeorm';
import { addDays } from '../../../../shared/calendar';
import { callerOwns } from '../../../../shared/db';
import { badInput, conflict, forbidden, notFound } from '../../../../shared/errors';
import { isWithin, normaliseCode } from '../../../../shared/units';
import type { AdministrativeUnitEntity, UnitKind, UnitLevel } from '../store/entities/administrative-unit.entity';
import type { UnitVersionEntity, UnitChange } from '../store/entities/unit-version.entity';
import { electronicIdTaken, insertUnit, insertUnitVersions, unitByCode, unitSubtree, unitsInside, updateUnit } from '../store/units';

/** The version row that records a unit's shape from `validFrom` on. */
export function versionOf(
  unit: AdministrativeUnitEntity,
  change: UnitChange,
  validFrom: string,
  decision: string | null = null,
  ended = false,
): Omit<UnitVersionEntity, 'id'> {
  const { code, name, kind, level, parentCode, path, electronicId, ownerPath, roles } = unit;
  return { code, name, kind, level, parentCode, path, electronicId, ownerPath, roles, validFrom, change, decision, ended };
}

export interface Change {
  effectiveFrom: string;
  decision?: string | null;
}

async function load(manager: EntityManager, code: string, field: string): Promise<AdministrativeUnitEntity> {
  const unit = await unitByCode(manager, code);
  if (!unit) throw notFound(`No unit has code ${code}.`, field);
  if (unit.validTo) throw badInput(field, `Unit ${code} (${unit.name}) ended on ${unit.validTo}; change the unit it was merged into.`);
  return unit;
}

function checkDate(unit: AdministrativeUnitEntity, change: Change): void {
  if (change.effectiveFrom < unit.validFrom) {
    throw badInput(
      'input.effectiveFrom',
      `The change must take effect on or after ${unit.validFrom}, when the current shape of ${unit.name} began; got ${change.effectiveFrom}.`,
    );
  }
}

/** Writes the current row; row-level security turns a non-owner's write into zero rows. */
async function save(manager: EntityManager, unit: AdministrativeUnitEntity, values: Partial<AdministrativeUnitEntity>): Promise<void> {
  if (!(await updateUnit(manager, unit.code, values))) {
    throw forbidden(`${unit.name} (${unit.code}) belongs to the catalogue of unit ${unit.ownerPath}; only its administrators can change it.`);
  }
}

export async function renameUnit(manager: EntityManager, code: string, name: string, change: Change): Promise<string> {
  const unit = await load(manager, code, 'input.code');
  if (!name.trim()) throw badInput('input.name', 'The new name is empty.');
  checkDate(unit, change);
  await save(manager, unit, { name, validFrom: change.effectiveFrom });
  await insertUnitVersions(manager, [versionOf({ ...unit, name }, 'RENAMED', change.effectiveFrom, change.decision)]);
  return code;
}

/** Re-roots a unit and everything below it under `parent`, recording a version for each. */
async function reparent(
  manager: EntityManager,
  unit: AdministrativeUnitEntity,
  parent: AdministrativeUnitEntity,
  change: Change,
  kind: UnitChange,
): Promise<void> {
  const oldPath = unit.path;
  const newPath = `${parent.path}.${unit.code}`;
  const subtree = await unitSubtree(manager, oldPath);
  for (const row of subtree) {
    const moved = { ...row, path: newPath + row.path.slice(oldPath.length), parentCode: row.code === unit.code ? parent.code : row.parentCode };
    await save(manager, row, { path: moved.path, parentCode: moved.parentCode, validFrom: change.effectiveFrom });
  }
  await insertUnitVersions(
    manager,
    subtree.map((row) =>
      versionOf(
        { ...row, path: newPath + row.path.slice(oldPath.length), parentCode: row.code === unit.code ? parent.code : row.parentCode },
        kind,
        change.effectiveFrom,
        change.decision,
      ),
    ),
  );
}

export async function moveUnit(manager: EntityManager, code: string, parentCode: string, change: Change): Promise<string> {
  const unit = await load(manager, code, 'input.code');
  const parent = await load(manager, parentCode, 'input.parentCode');
  if (isWithin(parent.path, unit.path)) {
    throw badInput(
      'input.parentCode',
      `Moving ${unit.name} under ${parent.name} would put it inside itself (${parent.path} lies within ${unit.path}).`,
    );
  }
  if (parent.path.split('.')[0] !== unit.path.split('.')[0]) {
    throw badInput('input.parentCode', `${parent.name} is in another province; a unit moves only within its province.`);
  }
  checkDate(unit, change);
  await reparent(manager, unit, parent, change, 'MOVED');
  return code;
}

/**
 * Merges units into one (the July 2025 reform merged communes): what sat inside each merged
 * unit moves into the target, and the merged units end the day before. Their codes stay, so
 * old dossiers still find them as they were.
 */
export async function mergeUnits(manager: EntityManager, codes: string[], intoCode: string, change: Change): Promise<string> {
  if (!codes.length) throw badInput('input.codes', 'Name at least one unit to merge.');
  const target = await load(manager, intoCode, 'input.intoCode');
  checkDate(target, change);
  for (const code of codes) {
    if (code === intoCode) throw badInput('input.codes', `${target.name} cannot be merged into itself.`);
    const unit = await load(manager, code, 'input.codes');
    if (unit.level !== target.level || unit.kind !== target.kind) {
      throw badInput(
        'input.codes',
        `${unit.name} is a ${unit.level.toLowerCase()} ${unit.kind.toLowerCase()} and ${target.name} a ${target.level.toLowerCase()} ${target.kind.toLowerCase()}; merge units of one tier and kind.`,
      );
    }
    checkDate(unit, change);
    const children = await unitsInside(manager, code);
    for (const child of children) if (!child.validTo) await reparent(manager, child, target, change, 'MOVED');
    await save(manager, unit, { validTo: addDays(change.effectiveFrom, -1) });
    await insertUnitVersions(manager, [versionOf(unit, 'MERGED_INTO', change.effectiveFrom, change.decision, true)]);
  }
  await insertUnitVersions(manager, [versionOf(target, 'ABSORBED', change.effectiveFrom, change.decision)]);
  return intoCode;
}

const LEVEL_RANK: Record<UnitLevel, number> = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2 };

export interface NewUnit {
  code: string;
  name: string;
  kind: UnitKind;
  level: UnitLevel;
  parentCode: string;
  electronicId?: string | null;
  /** The process roles it plays, e.g. "Công an cấp huyện". */
  roles?: string[] | null;
}

/** Adds a unit, agency or centre under a current unit of the caller's province. */
export async function addUnit(manager: EntityManager, given: NewUnit, change: Change): Promise<string> {
  const input = { ...given, code: normaliseCode(given.code) };
  if (!/^[A-Za-z0-9-]+$/.test(input.code))
    throw badInput('input.code', `"${input.code}" is not a unit code; use letters, digits and dashes (no dots).`);
  if (!input.name.trim()) throw badInput('input.name', 'The unit needs a name.');
  const existing = await unitByCode(manager, input.code);
  if (existing) throw conflict(`Code ${input.code} is already ${existing.name}.`, 'input.code');
  const parent = await load(manager, input.parentCode, 'input.parentCode');
  if (!(await callerOwns(manager, parent.ownerPath)))
    throw forbidden(`${parent.name} belongs to the catalogue of unit ${parent.ownerPath}; only its administrators add units to it.`);
  if (
    input.kind === 'ADMINISTRATIVE'
      ? parent.kind !== 'ADMINISTRATIVE' || LEVEL_RANK[input.level] <= LEVEL_RANK[parent.level]
      : input.level !== parent.level
  ) {
    throw badInput(
      'input.level',
      input.kind === 'ADMINISTRATIVE'
        ? `An administrative unit sits in an administrative unit of a higher tier; ${parent.name} is a ${parent.level.toLowerCase()} ${parent.kind.toLowerCase()}.`
        : `An agency or centre has the tier of the unit it sits in: ${parent.name} is ${parent.level}.`,
    );
  }
  if (input.electronicId && (await electronicIdTaken(manager, input.electronicId))) {
    throw conflict(`Electronic ID ${input.electronicId} is already taken by another agency.`, 'input.electronicId');
  }
  checkDate(parent, change);
  const unit: AdministrativeUnitEntity = {
    code: input.code,
    name: input.name,
    kind: input.kind,
    level: input.level,
    parentCode: parent.code,
    path: `${parent.path}.${input.code}`,
    electronicId: input.electronicId ?? null,
    validFrom: change.effectiveFrom,
    validTo: null,
    ownerPath: parent.ownerPath,
    roles: [...new Set((input.roles ?? []).map((role) => role.trim()).filter(Boolean))],
  };
  await insertUnit(manager, unit);
  await insertUnitVersions(manager, [versionOf(unit, 'CREATED', change.effectiveFrom, change.decision)]);
  return unit.code;
}
