import { uuidFrom } from '../../shared/ids';
import type { WorkingCalendar } from '../../shared/calendar';
import type { AdministrativeUnitEntity } from '../../subgraphs/catalogue/src/store/entities/administrative-unit.entity';
import type { CounterAssignmentEntity } from '../../subgraphs/personnel/src/store/entities/counter-assignment.entity';
import type { CounterEntity } from '../../subgraphs/personnel/src/store/entities/counter.entity';
import type { DutyShiftEntity } from '../../subgraphs/personnel/src/store/entities/duty-shift.entity';
import type { OfficialEntity } from '../../subgraphs/personnel/src/store/entities/official.entity';
import type { SecondmentEntity, SecondmentKind } from '../../subgraphs/personnel/src/store/entities/secondment.entity';
import { CENTRAL_OFFICES, CENTRE_COUNTERS, MORE_DEPARTMENTS } from './demo-province';

export interface DemoStaffing {
  officials: OfficialEntity[];
  secondments: SecondmentEntity[];
  counters: CounterEntity[];
  counterAssignments: CounterAssignmentEntity[];
  dutyShifts: DutyShiftEntity[];
}

type UnitMaker = (
  code: string,
  name: string,
  kind: AdministrativeUnitEntity['kind'],
  level: AdministrativeUnitEntity['level'],
  parent: AdministrativeUnitEntity,
) => AdministrativeUnitEntity;

interface Setting {
  province: AdministrativeUnitEntity;
  centre: AdministrativeUnitEntity;
  /** The departments that already have officials (they handle the centre's dossiers). */
  departments: AdministrativeUnitEntity[];
  /** Commune and district desks with the unit each serves. */
  desks: { desk: AdministrativeUnitEntity; owner: AdministrativeUnitEntity }[];
  officials: OfficialEntity[];
  unit: UnitMaker;
  personName: () => string;
  calendar: WorkingCalendar;
  /** The demo's today: rosters cover its month. */
  today: string;
}

const TERM = { decisionDate: '2025-01-02', startDate: '2025-01-06', plannedEndDate: '2027-12-31' };
const ENDED_ON = '2026-06-15';

/**
 * The provincial centre as Quảng Nam staffs its own: officials seconded from 19 departments and
 * placed by 4 central agencies' offices (60 in all), 16 counters, the leaders' duty roster for
 * the demo's month, and one secondment ended early for a violation, with its replacement. Commune
 * desks get their month's roster too: the commune's officer at the desk, its leader taking turns.
 */
export function demoStaffing(setting: Setting): DemoStaffing {
  const { province, centre, unit, personName, officials: existing } = setting;
  const officials: OfficialEntity[] = [];
  const hire = (agency: AdministrativeUnitEntity, i: number, title: string, isLeader = false) => {
    const official: OfficialEntity = {
      id: uuidFrom(`official:${agency.code}:${i}`),
      fullName: personName(),
      title,
      homeAgencyCode: agency.code,
      email: `canbo.${agency.code.toLowerCase()}.${i}@bacninh.gov.vn`,
      phone: `0222${String(3900000 + officials.length * 41).padStart(7, '0')}`,
      employmentStatus: 'ACTIVE',
      isLeader,
      ownerPath: agency.path,
    };
    officials.push(official);
    return official;
  };

  const centreLeaders = [hire(centre, 0, 'Giám đốc Trung tâm', true), hire(centre, 1, 'Phó Giám đốc Trung tâm', true)];
  const seconded: { official: OfficialEntity; kind: SecondmentKind }[] = [];
  for (const agency of setting.departments) {
    for (const official of existing.filter((o) => o.homeAgencyCode === agency.code)) seconded.push({ official, kind: 'DEPARTMENT' });
  }
  for (const [code, name] of MORE_DEPARTMENTS) {
    const agency = unit(`${province.code}-${code}`, name, 'AGENCY', 'PROVINCE', province);
    for (let i = 0; i < 2; i++) seconded.push({ official: hire(agency, i, 'Chuyên viên'), kind: 'DEPARTMENT' });
  }
  for (const [code, name, count] of CENTRAL_OFFICES) {
    const agency = unit(`${province.code}-${code}`, name, 'AGENCY', 'PROVINCE', province);
    for (let i = 0; i < count; i++)
      seconded.push({ official: hire(agency, i, i === 0 ? 'Phó Trưởng phòng' : 'Chuyên viên'), kind: 'CENTRAL_AGENCY' });
  }

  const secondments: SecondmentEntity[] = seconded.map(({ official, kind }, i) => ({
    id: uuidFrom(`secondment:${official.id}:1`),
    officialId: official.id,
    homeAgencyCode: official.homeAgencyCode,
    centreCode: centre.code,
    centrePath: centre.path,
    kind,
    decisionNumber: `${kind === 'DEPARTMENT' ? 15 : 16}/QĐ-UBND-${String(i + 1).padStart(2, '0')}`,
    ...TERM,
    actualEndDate: null,
    endReason: null,
    replacesId: null,
    replacedById: null,
    ownerPath: official.ownerPath,
  }));

  // The justice department's second official is replaced after a violation.
  const justice = setting.departments.find((d) => d.code.endsWith('-STP'))!;
  const ended = secondments.find((s) => s.homeAgencyCode === justice.code && s.officialId === uuidFrom(`official:${justice.code}:1`))!;
  const replacement = hire(justice, 2, 'Chuyên viên');
  const next: SecondmentEntity = {
    ...ended,
    id: uuidFrom(`secondment:${replacement.id}:1`),
    officialId: replacement.id,
    decisionNumber: '212/QĐ-STP',
    decisionDate: ENDED_ON,
    startDate: '2026-06-16',
    replacesId: ended.id,
    replacedById: null,
  };
  Object.assign(ended, {
    actualEndDate: ENDED_ON,
    endReason: 'Vi phạm quy chế văn hóa công sở: thái độ không đúng mực với công dân',
    replacedById: next.id,
  });
  secondments.push(next);

  const counters: CounterEntity[] = CENTRE_COUNTERS.map(([name, fieldCodes], i) => ({
    id: uuidFrom(`counter:${centre.code}:${i + 1}`),
    centreCode: centre.code,
    number: i + 1,
    name,
    fieldCodes,
    procedureIds: [],
    isOpen: true,
    ownerPath: centre.path,
  }));
  const counterAssignments: CounterAssignmentEntity[] = [];
  const seat = (secondment: SecondmentEntity, counter: CounterEntity) =>
    counterAssignments.push({
      id: uuidFrom(`assignment:${secondment.id}`),
      counterId: counter.id,
      officialId: secondment.officialId,
      secondmentId: secondment.id,
      startDate: secondment.startDate,
      endDate: secondment.actualEndDate ?? secondment.plannedEndDate,
      ownerPath: centre.path,
    });
  // An agency serving several counters spreads its officials over them, at most two to a counter.
  const seated = new Set<string>();
  CENTRE_COUNTERS.forEach(([, , agencies], i) => {
    for (const code of agencies) {
      const own = secondments.filter((s) => s.homeAgencyCode === `${province.code}-${code}` && !s.replacesId);
      const share = Math.min(2, Math.ceil(own.length / CENTRE_COUNTERS.filter(([, , served]) => served.includes(code)).length));
      for (const secondment of own.filter((s) => !seated.has(s.id)).slice(0, share)) {
        seated.add(secondment.id);
        seat(secondment, counters[i]);
      }
    }
  });
  // The replacement takes the seat the replaced official left.
  seat(
    next,
    counters.find((c) => c.id === counterAssignments.find((a) => a.secondmentId === ended.id)!.counterId)!,
  );

  const dutyShifts: DutyShiftEntity[] = [];
  const month = setting.today.slice(0, 7);
  const length = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  const days = Array.from({ length }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`).filter((day) => setting.calendar.isWorkingDay(day));
  const onDuty = (
    desk: AdministrativeUnitEntity,
    date: string,
    shift: DutyShiftEntity['shift'],
    official: OfficialEntity,
    role: DutyShiftEntity['role'],
  ) =>
    dutyShifts.push({
      id: uuidFrom(`duty:${desk.code}:${date}:${shift}:${official.id}`),
      unitCode: desk.code,
      date,
      shift,
      officialId: official.id,
      role,
      ownerPath: desk.path,
    });
  days.forEach((date, d) => {
    for (const shift of ['MORNING', 'AFTERNOON'] as const)
      onDuty(centre, date, shift, centreLeaders[(d + (shift === 'AFTERNOON' ? 1 : 0)) % 2], 'LEADER_ON_DUTY');
    for (const { desk, owner } of setting.desks.filter((x) => x.owner.level === 'COMMUNE')) {
      const staff = existing.filter((o) => o.ownerPath.startsWith(`${owner.path}.`));
      const leader = staff.find((o) => o.isLeader);
      const clerk = staff.find((o) => !o.isLeader);
      if (clerk) for (const shift of ['MORNING', 'AFTERNOON'] as const) onDuty(desk, date, shift, clerk, 'RECEPTION');
      if (leader && d % 2 === 0) onDuty(desk, date, 'MORNING', leader, 'LEADER_ON_DUTY');
    }
  });
  return { officials, secondments, counters, counterAssignments, dutyShifts };
}
