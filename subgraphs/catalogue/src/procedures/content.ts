import { HOURS_PER_DAY } from '../../../../shared/calendar';
import type { UnitLevel } from '../store/entities/administrative-unit.entity';

export type OnlineLevel = 'FULL' | 'PARTIAL' | 'NONE';
export type SubmissionMethod = 'IN_PERSON' | 'POSTAL' | 'ONLINE';
export type TimeUnit = 'WORKING_DAYS' | 'WORKING_HOURS';

/** A span of working time; a working day is 8 working hours. */
export interface TimeLimit {
  amount: number;
  unit: TimeUnit;
}

export const workingHours = (limit: TimeLimit) => (limit.unit === 'WORKING_DAYS' ? limit.amount * HOURS_PER_DAY : limit.amount);

/** Thành phần hồ sơ — a document the applicant hands in. */
export interface RequiredDocument {
  name: string;
  originals: number;
  copies: number;
  /** Mẫu đơn, tờ khai — the form's code, when the document is a form. */
  form: string | null;
}

/** Phí, lệ phí — in whole đồng. */
export interface Fee {
  name: string;
  amountVnd: number;
}

/** One step of a case variant's internal process (quy trình nội bộ, liên thông). */
export interface ProcessStep {
  title: string;
  /** The tier that handles the step. */
  level: UnitLevel;
  /** A fixed agency, e.g. Sở Tư pháp; null when the step goes to the competent unit of the dossier's own area at `level`. */
  unitCode: string | null;
  /** Who at that tier handles it, e.g. "Công chức Tư pháp – Hộ tịch". */
  role: string | null;
  time: TimeLimit;
}

/** Trường hợp — a case of a procedure with its own time limit and process. */
export interface CaseVariant {
  name: string;
  /** Null: no due date. */
  timeLimit: TimeLimit | null;
  /** A shorter limit for online filing, in the same unit; null when the same. */
  onlineTimeLimit: number | null;
  process: ProcessStep[];
}

/** Everything a decision announces about a procedure: the mandatory components of Decree 63/2010 and its amendments. */
export interface ProcedureContent {
  name: string;
  fieldCode: string;
  levels: UnitLevel[];
  executingAgencyCode: string | null;
  executingAgencyRole: string | null;
  onlineLevel: OnlineLevel;
  interAgency: boolean;
  oneStop: boolean;
  boundaryFree: boolean;
  submissionMethods: SubmissionMethod[];
  steps: string[];
  documents: RequiredDocument[];
  applicants: string[];
  result: string | null;
  conditions: string[];
  legalBasis: string[];
  fees: Fee[];
  variants: CaseVariant[];
}

/** The announcement a version comes from. */
export interface Announcement {
  decision: string;
  effectiveFrom: string;
}
