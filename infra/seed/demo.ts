import { uuidFrom } from '../../shared/ids';
import { random } from './random';
import { demoStaffing, type DemoStaffing } from './demo-personnel';
import { demoFeedback } from './demo-feedback';
import type { PetitionEntity } from '../../subgraphs/feedback/src/store/entities/petition.entity';
import type { SuggestionEntity } from '../../subgraphs/feedback/src/store/entities/suggestion.entity';
import type { AdministrativeUnitEntity, UnitLevel } from '../../subgraphs/catalogue/src/store/entities/administrative-unit.entity';
import type { FieldEntity } from '../../subgraphs/catalogue/src/store/entities/field.entity';
import type { ProcedureEntity } from '../../subgraphs/catalogue/src/store/entities/procedure.entity';
import type { ProcedureVariantEntity } from '../../subgraphs/catalogue/src/store/entities/procedure-variant.entity';
import type { ProcedureVersionEntity } from '../../subgraphs/catalogue/src/store/entities/procedure-version.entity';
import { procedureRows } from '../../subgraphs/catalogue/src/procedures/rows';
import { vietnamDate } from '../../shared/scalars';
import { demoCatalogue } from './demo-catalogue';
import { HOURS_PER_DAY, WorkingCalendar } from '../../shared/calendar';
import { isWithin } from '../../shared/units';
import type { DossierStepEntity } from '../../subgraphs/dossiers/src/store/entities/dossier-step.entity';
import { playLifecycle, type DemoEvent } from './demo-lifecycle';
import type { Channel, DossierEntity } from '../../subgraphs/dossiers/src/store/entities/dossier.entity';
import type { RatingCommentEntity } from '../../subgraphs/feedback/src/store/entities/rating-comment.entity';
import type { DossierApplicantEntity } from '../../subgraphs/dossiers/src/store/entities/dossier-applicant.entity';
import { publicName } from '../../subgraphs/dossiers/src/lifecycle/applicant';
import type { DossierStatus } from '../../subgraphs/dossiers/src/status';
import type { RatingEntity } from '../../subgraphs/feedback/src/store/entities/rating.entity';
import type { SatisfactionLevel } from '../../subgraphs/feedback/src/ratings/levels';
import type { OfficialEntity } from '../../subgraphs/personnel/src/store/entities/official.entity';
import {
  CENTRAL_OFFICES,
  COMPANY_NAMES,
  DEPARTMENTS,
  DISTRICT_BRANCHES,
  DISTRICT_OFFICES,
  DISTRICTS,
  FAMILY_NAMES,
  FIELDS,
  GIVEN_NAMES,
  MIDDLE_NAMES,
  PROVINCE,
  rolesOf,
} from './demo-province';

export interface DemoData {
  fields: FieldEntity[];
  units: AdministrativeUnitEntity[];
  procedures: ProcedureEntity[];
  procedureVersions: ProcedureVersionEntity[];
  procedureVariants: ProcedureVariantEntity[];
  officials: OfficialEntity[];
  secondments: DemoStaffing['secondments'];
  counters: DemoStaffing['counters'];
  counterAssignments: DemoStaffing['counterAssignments'];
  dutyShifts: DemoStaffing['dutyShifts'];
  dossiers: DossierEntity[];
  dossierApplicants: DossierApplicantEntity[];
  dossierSteps: DossierStepEntity[];
  dossierEvents: DemoEvent[];
  codeSequences: { agencyElectronicId: string; day: string; lastNumber: number; ownerPath: string }[];
  ratings: RatingEntity[];
  ratingComments: RatingCommentEntity[];
  petitions: PetitionEntity[];
  suggestions: SuggestionEntity[];
}

/** Who applied, as the demo draws it; seeded apart from the dossier, as reception stores it. */
interface DemoApplicant {
  applicantName: string;
  applicantIdNumber: string;
  applicantPhone: string | null;
  applicantEmail: string | null;
  applicantAddress: string;
  proxyName: string | null;
  proxyIdNumber: string | null;
}

export interface DemoOptions {
  dossiers?: number;
  seed?: number;
}

const VALID_FROM = '2008-08-01';
/** The demo's dossiers were received in the six months before this day. */
export const DEMO_UNTIL = new Date('2026-11-20T10:00:00Z');
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export function buildDemo(options: DemoOptions = {}): DemoData {
  const rnd = random(options.seed ?? 2018);
  const units: AdministrativeUnitEntity[] = [];
  const unit = (
    code: string,
    name: string,
    kind: AdministrativeUnitEntity['kind'],
    level: UnitLevel,
    parent: AdministrativeUnitEntity | null,
    electronicId: string | null,
  ) => {
    const made = units.find((u) => u.code === code);
    if (made) return made;
    const row: AdministrativeUnitEntity = {
      code,
      name,
      kind,
      level,
      electronicId,
      parentCode: parent?.code ?? null,
      path: parent ? `${parent.path}.${code}` : code,
      validFrom: VALID_FROM,
      validTo: null,
      ownerPath: PROVINCE.code,
      roles: rolesOf(code, name, kind, level),
    };
    units.push(row);
    return row;
  };
  const eid = (commune: number, district: number) =>
    `000.${String(commune).padStart(2, '0')}.${String(district).padStart(2, '0')}.${PROVINCE.letter}`;

  const province = unit(PROVINCE.code, PROVINCE.name, 'ADMINISTRATIVE', 'PROVINCE', null, null);
  const provinceCentre = unit(
    `${PROVINCE.code}-TTHCC`,
    'Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh',
    'SERVICE_CENTRE',
    'PROVINCE',
    province,
    eid(0, 0),
  );
  const departments = new Map(
    DEPARTMENTS.map(([short, name], i) => [short, unit(`${PROVINCE.code}-${short}`, name, 'AGENCY', 'PROVINCE', province, eid(i + 1, 0))]),
  );
  // The central agencies' provincial offices hold liên thông steps (the police, social insurance); staffing places their officials later.
  for (const [code, name] of CENTRAL_OFFICES) unit(`${PROVINCE.code}-${code}`, name, 'AGENCY', 'PROVINCE', province, null);
  const desks: { desk: AdministrativeUnitEntity; owner: AdministrativeUnitEntity; level: UnitLevel }[] = [
    { desk: provinceCentre, owner: province, level: 'PROVINCE' },
  ];
  const agencies: { agency: AdministrativeUnitEntity; owner: AdministrativeUnitEntity; fieldOffice?: string }[] = [...departments].map(
    ([short, agency]) => ({ agency, owner: province, fieldOffice: short }),
  );
  /** District branches of the police and the land registry: their officials are drawn last, from their own stream. */
  const branches: AdministrativeUnitEntity[] = [];

  DISTRICTS.forEach((d, di) => {
    const district = unit(d.code, d.name, 'ADMINISTRATIVE', 'DISTRICT', province, null);
    const centre = unit(`${d.code}-MC`, `Bộ phận Một cửa ${d.short}`, 'SERVICE_CENTRE', 'DISTRICT', district, eid(0, di + 20));
    desks.push({ desk: centre, owner: district, level: 'DISTRICT' });
    agencies.push({ agency: centre, owner: district });
    DISTRICT_OFFICES.forEach(([short, name]) =>
      agencies.push({ agency: unit(`${d.code}-${short}`, name, 'AGENCY', 'DISTRICT', district, null), owner: district, fieldOffice: short }),
    );
    DISTRICT_BRANCHES.forEach(([short, name]) => branches.push(unit(`${d.code}-${short}`, name(d.short), 'AGENCY', 'DISTRICT', district, null)));
    d.communes.forEach(([code, name], ci) => {
      const commune = unit(code, name, 'ADMINISTRATIVE', 'COMMUNE', district, null);
      // "Xã Việt Thống" reads "xã Việt Thống" inside another name.
      const inName = name.replace(/^(Xã|Phường|Thị trấn) /, (kind) => kind.toLowerCase());
      const desk = unit(`${code}-MC`, `Bộ phận tiếp nhận và trả kết quả ${inName}`, 'SERVICE_CENTRE', 'COMMUNE', commune, eid(ci + 1, di + 20));
      desks.push({ desk, owner: commune, level: 'COMMUNE' });
      agencies.push({ agency: unit(`${code}-VP`, `Văn phòng HĐND và UBND ${inName}`, 'AGENCY', 'COMMUNE', commune, null), owner: commune });
    });
  });

  const fields: FieldEntity[] = FIELDS.map(([code, name]) => ({ code, name }));
  const procedures: ProcedureEntity[] = [];
  const procedureVersions: ProcedureVersionEntity[] = [];
  const procedureVariants: ProcedureVariantEntity[] = [];
  for (const entry of demoCatalogue()) {
    entry.versions.forEach(({ announcement, content }, i) => {
      const rows = procedureRows(entry.identity, province.path, i + 1, announcement, content);
      if (i === entry.versions.length - 1) procedures.push(rows.procedure);
      procedureVersions.push(rows.version);
      procedureVariants.push(...rows.variants);
    });
  }
  /** The version in force on a day, as the catalogue's versionAt answers. */
  const versionAt = (procedure: ProcedureEntity, day: string) =>
    procedureVersions.filter((v) => v.procedureId === procedure.id && v.effectiveFrom <= day).sort((a, b) => b.number - a.number)[0];

  const personName = () => `${rnd.pick(FAMILY_NAMES)} ${rnd.pick(MIDDLE_NAMES)} ${rnd.pick(GIVEN_NAMES)}`;
  const officials: OfficialEntity[] = [];
  for (const { agency } of agencies) {
    const count = agency.kind === 'SERVICE_CENTRE' ? 2 : agency.level === 'DISTRICT' ? 1 : 2;
    for (let i = 0; i < count; i++) {
      const leader = agency.level === 'COMMUNE' && i === 0;
      officials.push({
        id: uuidFrom(`official:${agency.code}:${i}`),
        fullName: personName(),
        title: leader
          ? 'Phó Chủ tịch UBND'
          : agency.level === 'COMMUNE'
            ? 'Công chức Văn phòng – Thống kê'
            : i === 0 && agency.kind === 'AGENCY'
              ? 'Phó Trưởng phòng'
              : 'Chuyên viên',
        homeAgencyCode: agency.code,
        email: `canbo${officials.length + 1}@bacninh.gov.vn`,
        phone: `0222${String(3800000 + officials.length * 37).padStart(7, '0')}`,
        employmentStatus: 'ACTIVE',
        isLeader: leader,
        ownerPath: agency.path,
      });
    }
  }
  /** Officials of the agencies a unit owns: who handles the dossiers received at its desk. */
  const officialsUnder = (path: string) => officials.filter((o) => o.ownerPath.slice(0, o.ownerPath.lastIndexOf('.')) === path);
  // A few officials are rated clearly better or worse, so indicators have something to show.
  const temper = new Map(officials.map((o, i) => [o.id, i % 17 === 3 ? -2 : i % 13 === 5 ? 1 : 0]));

  const calendar = new WorkingCalendar();
  const adminUnits = units.filter((u) => u.kind === 'ADMINISTRATIVE');
  const unitsByCode = new Map(units.map((u) => [u.code, u]));
  const dossiers: DossierEntity[] = [];
  const dossierApplicants: DossierApplicantEntity[] = [];
  const dossierSteps: DossierStepEntity[] = [];
  const dossierEvents: DemoEvent[] = [];
  const sequences = new Map<string, number>();
  const windowMs = 180 * DAY_MS;
  for (let n = 0; n < (options.dossiers ?? 400); n++) {
    const roll = rnd.next();
    const candidates = desks.filter((d) => d.level === (roll < 0.25 ? 'PROVINCE' : roll < 0.6 ? 'DISTRICT' : 'COMMUNE'));
    const { desk, owner, level } = rnd.pick(candidates);
    const procedure = rnd.pick(procedures.filter((p) => p.levels.includes(level)));
    let received = new Date(DEMO_UNTIL.getTime() - rnd.next() * windowMs);
    while (received.getUTCDay() === 0 || received.getUTCDay() === 6) received = new Date(received.getTime() - DAY_MS);
    received.setUTCHours(1 + rnd.int(8), rnd.int(60), 0, 0); // 08:00–16:59 local
    const day = received.toISOString().slice(2, 10).replace(/-/g, '');
    const seqKey = `${desk.electronicId}-${day}`;
    const seq = (sequences.get(seqKey) ?? 0) + 1;
    sequences.set(seqKey, seq);
    const version = versionAt(procedure, vietnamDate(received));
    const cases = procedureVariants.filter((v) => v.versionId === version.id);
    const variant = cases.length > 1 && rnd.next() < 0.2 ? cases[1] : cases[0];
    const channel: Channel = rnd.next() < 0.3 && procedure.onlineLevel !== 'NONE' ? 'ONLINE' : rnd.next() < 0.1 ? 'POSTAL' : 'IN_PERSON';
    const limit = channel === 'ONLINE' && variant.onlineTimeLimit !== null ? variant.onlineTimeLimit : variant.timeLimit;
    const limitHours = limit === null ? null : variant.timeUnit === 'WORKING_HOURS' ? limit : limit * HOURS_PER_DAY;
    const due = limitHours === null ? null : calendar.dueAt(received, limitHours);
    const ageDays = (DEMO_UNTIL.getTime() - received.getTime()) / DAY_MS;
    let status = pickStatus(rnd.next(), ageDays, procedure.onlineLevel !== 'NONE');
    let finished = finishedAt(status, received, due, rnd.next());
    if (finished && finished > DEMO_UNTIL) [status, finished] = ['PROCESSING', null]; // not finished yet on the demo's "today"

    const organisation = rnd.next() < 0.15;
    const handlers = officialsUnder(owner.path);
    const communes = adminUnits.filter((u) => u.level === 'COMMUNE' && isWithin(u.path, owner.path));
    const areaCommune = owner.level === 'COMMUNE' ? owner : rnd.pick(communes);
    const area = adminUnits.filter((u) => isWithin(areaCommune.path, u.path));
    const version1 = procedureVersions.find((v) => v.id === version.id)!;
    const id = uuidFrom(`dossier:${seqKey}-${seq}`);
    const filed: Omit<DossierEntity, 'applicantPublicName'> & DemoApplicant = {
      id,
      // Derived from the id so the demo is the same on every machine; real dossiers draw theirs at random.
      ratingSecret: uuidFrom(`rating-secret:${id}`).replace(/-/g, '').slice(0, 16),
      code: `${seqKey}-${String(seq).padStart(4, '0')}`,
      procedureId: procedure.id,
      procedureVersionId: version.id,
      caseVariantId: variant.id,
      fieldCode: version.fieldCode,
      onlineLevel: procedure.onlineLevel,
      receivingUnitCode: desk.code,
      handlerId: status === 'NEW' ? null : rnd.pick(handlers).id,
      receivingCounterNumber: null,
      applicantKind: organisation ? 'ORGANISATION' : 'PERSON',
      applicantName: organisation ? rnd.pick(COMPANY_NAMES) : personName(),
      applicantIdNumber: organisation ? `230${String(rnd.int(1e7)).padStart(7, '0')}` : `027${String(rnd.int(1e9)).padStart(9, '0')}`,
      channel: status === 'NEW' && procedure.onlineLevel !== 'NONE' ? 'ONLINE' : channel,
      status,
      receivedAt: received,
      dueAt: due,
      finishedAt: finished,
      ownerPath: owner.path,
      version: 1,
      // The NEW ones were submitted online and wait at the desk; nobody in the demo filed a draft.
      submittedAt: status === 'NEW' ? received : null,
      filedBy: null,
      applicantPhone: organisation ? null : `09${String(rnd.int(1e8)).padStart(8, '0')}`,
      applicantEmail: organisation ? 'vanthu@doanhnghiep.vn' : null,
      applicantAddress: `${areaCommune.name}, ${PROVINCE.name}`,
      proxyName: rnd.next() < 0.05 ? personName() : null,
      proxyIdNumber: null,
      documents: version1.documents.map(({ name, originals, copies }) => ({ name, originals, copies })),
      areaUnitCode: areaCommune.code,
      timeLimitHours: limitHours,
      currentStep: null,
      pausedAt: status === 'SUPPLEMENT_REQUESTED' ? calendar.addWorkingHours(received, 8) : null,
      supplementCount: status === 'SUPPLEMENT_REQUESTED' ? 1 : 0,
      // As the demo's history asks it (demo-lifecycle): 500,000 đồng, not yet paid.
      feeOwedVnd: status === 'FINANCIAL_OBLIGATION' ? 500_000 : null,
      feePaidVnd: null,
      catalogueFeeVnd: version1.fees.reduce((sum, fee) => sum + fee.amountVnd, 0),
      rescheduled: false,
      outcome: status === 'PROCESSED' || status === 'RESULT_RETURNED' ? (rnd.next() < 0.05 ? 'REFUSED' : 'APPROVED') : null,
      returnedAt: status === 'RESULT_RETURNED' ? calendar.addWorkingHours(finished!, 4) : null,
      returnMethod: status === 'RESULT_RETURNED' ? (channel === 'POSTAL' ? 'POSTAL' : 'IN_PERSON') : null,
    };
    filed.proxyIdNumber = filed.proxyName ? `027${String(rnd.int(1e9)).padStart(9, '0')}` : null;
    // Who applied is kept apart from the dossier, as reception does (personal data under its own read policy).
    const { applicantName, applicantIdNumber, applicantPhone, applicantEmail, applicantAddress, proxyName, proxyIdNumber, ...rest } = filed;
    const dossier: DossierEntity = { ...rest, applicantPublicName: publicName(rest.applicantKind, applicantName) };
    dossierApplicants.push({
      dossierId: id,
      name: applicantName,
      idNumber: applicantIdNumber,
      phone: applicantPhone,
      email: applicantEmail,
      address: applicantAddress,
      proxyName,
      proxyIdNumber,
      ownerPath: dossier.ownerPath,
    });
    const played = playLifecycle(
      { dossier, variant, area, units: unitsByCode, deskOfficial: `seed:${dossier.handlerId ?? 'desk'}`, roll: rnd.next() },
      calendar,
      DEMO_UNTIL,
    );
    dossiers.push(dossier);
    dossierSteps.push(...played.steps);
    dossierEvents.push(...played.events);
  }
  const codeSequences = [...sequences].map(([key, lastNumber]) => {
    const cut = key.lastIndexOf('-');
    const yymmdd = key.slice(cut + 1);
    const desk = units.find((u) => u.electronicId === key.slice(0, cut))!;
    return {
      agencyElectronicId: key.slice(0, cut),
      day: `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4)}`,
      lastNumber,
      ownerPath: desk.path,
    };
  });

  const levels: SatisfactionLevel[] = ['VERY_SATISFIED', 'SATISFIED', 'NEUTRAL', 'DISSATISFIED', 'VERY_DISSATISFIED'];
  const ratings: RatingEntity[] = [];
  const ratingComments: RatingCommentEntity[] = [];
  for (const dossier of dossiers) {
    if (dossier.status !== 'RESULT_RETURNED' || rnd.next() > 0.65) continue;
    const shift = temper.get(dossier.handlerId!) ?? 0;
    const level = () => levels[Math.min(4, Math.max(0, Math.floor(rnd.next() * 2.2) - shift))];
    const channel = rnd.pick(['COUNTER_BUTTON', 'COUNTER_BUTTON', 'KIOSK', 'QR_CODE', 'PORTAL'] as const);
    const id = uuidFrom(`rating:${dossier.code}:${channel}`);
    // Drawn in the order the demo always drew them, so the figures stay what they were.
    const [counterNumber, resultSatisfaction, attitudeSatisfaction] = [channel === 'COUNTER_BUTTON' ? 1 + rnd.int(16) : null, level(), level()];
    if (shift < 0 && rnd.next() < 0.5)
      ratingComments.push({ ratingId: id, comment: 'Cán bộ hướng dẫn chưa rõ ràng, phải đi lại nhiều lần.', ownerPath: dossier.ownerPath });
    ratings.push({
      id,
      dossierId: dossier.id,
      officialId: dossier.handlerId,
      counterNumber,
      channel,
      resultSatisfaction,
      attitudeSatisfaction,
      ratedAt: new Date(dossier.finishedAt!.getTime() + HOUR_MS),
      ownerPath: dossier.ownerPath,
      receivingUnitCode: dossier.receivingUnitCode,
      agencyCode: officials.find((o) => o.id === dossier.handlerId)?.homeAgencyCode ?? null,
      procedureId: dossier.procedureId,
      fieldCode: dossier.fieldCode,
    });
  }
  const { petitions, suggestions } = demoFeedback(
    random((options.seed ?? 2018) + 2),
    dossiers,
    dossierApplicants,
    desks.map((d) => d.desk),
    calendar,
    DEMO_UNTIL,
  );
  // Staffing comes last, from its own random stream, so the dossiers above stay what they were.
  const staffRnd = random((options.seed ?? 2018) + 1);
  const staffing = demoStaffing({
    province,
    centre: provinceCentre,
    departments: [...departments.values()],
    desks,
    officials,
    calendar,
    today: vietnamDate(DEMO_UNTIL),
    unit: (code, name, kind, level, parent) => unit(code, name, kind, level, parent, null),
    personName: () => `${staffRnd.pick(FAMILY_NAMES)} ${staffRnd.pick(MIDDLE_NAMES)} ${staffRnd.pick(GIVEN_NAMES)}`,
  });
  // The district branches' officials, from a stream of their own so everything drawn before stays as it was.
  const branchRnd = random((options.seed ?? 2018) + 3);
  const branchOfficials: OfficialEntity[] = branches.flatMap((branch) =>
    [0, 1].map((i) => ({
      id: uuidFrom(`official:${branch.code}:${i}`),
      fullName: `${branchRnd.pick(FAMILY_NAMES)} ${branchRnd.pick(MIDDLE_NAMES)} ${branchRnd.pick(GIVEN_NAMES)}`,
      title: i === 0 ? 'Phó Trưởng' : 'Cán bộ',
      homeAgencyCode: branch.code,
      email: null,
      phone: null,
      employmentStatus: 'ACTIVE' as const,
      isLeader: i === 0,
      ownerPath: branch.path,
    })),
  );
  return {
    fields,
    units,
    procedures,
    procedureVersions,
    procedureVariants,
    officials: [...officials, ...staffing.officials, ...branchOfficials],
    secondments: staffing.secondments,
    counters: staffing.counters,
    counterAssignments: staffing.counterAssignments,
    dutyShifts: staffing.dutyShifts,
    dossiers,
    dossierApplicants,
    dossierSteps,
    dossierEvents,
    codeSequences,
    ratings,
    ratingComments,
    petitions,
    suggestions,
  };
}

function pickStatus(roll: number, ageDays: number, online: boolean): DossierStatus {
  if (ageDays > 30) {
    if (roll < 0.72) return 'RESULT_RETURNED';
    if (roll < 0.82) return 'PROCESSED';
    if (roll < 0.87) return 'NOT_RECEIVED';
    if (roll < 0.92) return 'WITHDRAWN';
    if (roll < 0.95) return 'STOPPED';
    return 'PROCESSING';
  }
  if (online && roll < 0.08) return 'NEW';
  if (roll < 0.2) return 'RECEIVED';
  if (roll < 0.55) return 'PROCESSING';
  if (roll < 0.63) return 'SUPPLEMENT_REQUESTED';
  if (roll < 0.68) return 'FINANCIAL_OBLIGATION';
  if (roll < 0.85) return 'PROCESSED';
  return 'RESULT_RETURNED';
}

/**
 * About 55% early, 38% on time, 7% late, as Quế Võ published for the first half of 2018, by the
 * national rule: early means finished on a day before the due date. Same-day procedures cannot
 * be early, so the others are early a little more often.
 */
function finishedAt(status: DossierStatus, received: Date, due: Date | null, roll: number): Date | null {
  if (!['PROCESSED', 'RESULT_RETURNED', 'NOT_RECEIVED', 'WITHDRAWN', 'STOPPED'].includes(status)) return null;
  if (status === 'NOT_RECEIVED') return new Date(received.getTime() + HOUR_MS);
  const end = due ?? new Date(received.getTime() + 5 * DAY_MS);
  const dueDayStart = Date.parse(`${vietnamDate(end)}T00:00:00+07:00`);
  if (roll < 0.68 && dueDayStart > received.getTime() + HOUR_MS)
    return new Date(received.getTime() + (dueDayStart - received.getTime()) * (0.3 + roll)); // early
  if (roll < 0.93) return new Date(end.getTime() - 2 * HOUR_MS); // on the due date
  return new Date(end.getTime() + (1 + (Math.floor(roll * 40) % 5)) * DAY_MS); // late
}
