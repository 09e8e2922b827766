import { In, type EntityManager } from 'typeorm';
import type { Period } from '../../../../shared/figures';
import { vietnamMidnightSql } from '../../../../shared/scalars';
import { belowPattern, withinSql } from '../../../../shared/sql';
import { RESOLVED, UNRECEIVED } from '../status';
import { DocumentEntity } from './entities/document.entity';
import { DossierDocumentEntity } from './entities/dossier-document.entity';
import { statusesSql } from './rules';

/** Files the caller may see (row-level security decides: their own, their unit's, those of dossiers they are shown). */
export function documentsByIds(db: EntityManager, ids: string[]): Promise<DocumentEntity[]> {
  return ids.length ? db.findBy(DocumentEntity, { id: In(ids) }) : Promise.resolve([]);
}

export async function insertDocument(db: EntityManager, document: DocumentEntity): Promise<void> {
  await db.insert(DocumentEntity, document);
}

/** The caller's personal store: as a citizen, every file they may see is theirs (their uploads, their dossiers' files and results). */
export function visibleDocuments(db: EntityManager, limit: number): Promise<DocumentEntity[]> {
  return db.find(DocumentEntity, { order: { uploadedAt: 'DESC', id: 'ASC' }, take: limit });
}

export function attachmentsOfDossiers(db: EntityManager, dossierIds: string[]): Promise<DossierDocumentEntity[]> {
  return db.find(DossierDocumentEntity, { where: { dossierId: In(dossierIds) }, order: { seq: 'ASC' } });
}

/** Of these files, those already with `dossierId`, and those with another dossier. */
export async function whereAttached(
  db: EntityManager,
  documentIds: string[],
  dossierId: string,
): Promise<{ here: Set<string>; elsewhere: Set<string> }> {
  const rows = await db
    .createQueryBuilder(DossierDocumentEntity, 'l')
    .select('l.document_id', 'id')
    .addSelect('bool_or(l.dossier_id = :dossierId)', 'here')
    .addSelect('bool_or(l.dossier_id <> :dossierId)', 'elsewhere')
    .where('l.document_id IN (:...ids)', { ids: documentIds, dossierId })
    .groupBy('l.document_id')
    .getRawMany<{ id: string; here: boolean; elsewhere: boolean }>();
  return { here: new Set(rows.filter((r) => r.here).map((r) => r.id)), elsewhere: new Set(rows.filter((r) => r.elsewhere).map((r) => r.id)) };
}

export async function insertAttachments(db: EntityManager, rows: DossierDocumentEntity[]): Promise<void> {
  if (rows.length) await db.insert(DossierDocumentEntity, rows);
}

/** A draft's files are replaced with the list submitted. */
export async function removeDraftAttachments(db: EntityManager, dossierId: string): Promise<void> {
  await db.delete(DossierDocumentEntity, { dossierId, purpose: 'SUBMITTED' });
}

export interface ResultCheck {
  unchanged: boolean;
  issuedAt: Date;
  issuerCode: string;
}

/** What a verification code says of a result, and nothing else (a function of the database's own, for anyone). */
export async function checkResult(db: EntityManager, code: string, sha256: string): Promise<ResultCheck | null> {
  const [row] = await db.query<{ unchanged: boolean; issued_at: Date; issuer_code: string }[]>(`SELECT * FROM verify_result($1, $2)`, [code, sha256]);
  return row ? { unchanged: row.unchanged, issuedAt: row.issued_at, issuerCode: row.issuer_code } : null;
}

/**
 * Số hóa hồ sơ — a dossier is digitised when every document handed in (the list received, each
 * with originals or copies) has a file: uploaded online or scanned at the counter. One home for
 * the rule: the dossier's own flag and the figures both read it.
 */
const DIGITISED = (d: string) => `(EXISTS (SELECT 1 FROM dossier_document l WHERE l.dossier_id = ${d}.id AND l.purpose IN ('SUBMITTED', 'DIGITISED'))
  AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(${d}.documents) e
                   WHERE (e->>'originals')::int + (e->>'copies')::int > 0
                     AND NOT EXISTS (SELECT 1 FROM dossier_document l
                                      WHERE l.dossier_id = ${d}.id AND l.purpose IN ('SUBMITTED', 'DIGITISED') AND l.document_type = e->>'name')))`;

/** Kết quả điện tử — the dossier's result was issued as a file. */
const ELECTRONIC_RESULT = (d: string) => `EXISTS (SELECT 1 FROM dossier_document l WHERE l.dossier_id = ${d}.id AND l.purpose = 'RESULT')`;

/** Of these dossiers, the digitised ones. */
export async function digitisedAmong(db: EntityManager, dossierIds: string[]): Promise<Set<string>> {
  const rows = await db.query<{ id: string }[]>(`SELECT d.id FROM dossier d WHERE d.id = ANY ($1::uuid[]) AND ${DIGITISED('d')}`, [dossierIds]);
  return new Set(rows.map((row) => row.id));
}

/** Decision 766's digitisation inputs of a subtree and period. */
export interface DigitisationInputs {
  key: string;
  received: number;
  receivedDigitised: number;
  /** Received for procedures offered fully online (toàn trình), and of those online. */
  receivedFull: number;
  receivedFullOnline: number;
  /** Received for procedures offered partly online (một phần), and of those online. */
  receivedPartial: number;
  receivedPartialOnline: number;
  resolved: number;
  resolvedElectronic: number;
  /** Received with fees or a financial obligation to pay, and of those paid online (a settled payment). */
  receivedWithFees: number;
  receivedPaidOnline: number;
}

/**
 * Per subtree: dossiers received in the period (as the figures count them: never the unreceived)
 * and how many are digitised or online by the procedure's online level; dossiers resolved in the
 * period and how many have an electronic result. One statement for every path.
 */
export async function digitisationBySubtree(db: EntityManager, period: Period, paths: string[]): Promise<DigitisationInputs[]> {
  const received = `d.status NOT IN ${statusesSql(UNRECEIVED)} AND d.received_at >= ${vietnamMidnightSql('$1::date')} AND d.received_at < ${vietnamMidnightSql('$2::date + 1')}`;
  const resolved = `d.status IN ${statusesSql(RESOLVED)} AND d.finished_at >= ${vietnamMidnightSql('$1::date')} AND d.finished_at < ${vietnamMidnightSql('$2::date + 1')}`;
  const count = (condition: string) => `count(*) FILTER (WHERE ${condition})::int`;
  return db.query<DigitisationInputs[]>(
    `SELECT p.path AS key,
            ${count(received)} AS "received",
            ${count(`${received} AND ${DIGITISED('d')}`)} AS "receivedDigitised",
            ${count(`${received} AND d.online_level = 'FULL'`)} AS "receivedFull",
            ${count(`${received} AND d.online_level = 'FULL' AND d.channel = 'ONLINE'`)} AS "receivedFullOnline",
            ${count(`${received} AND d.online_level = 'PARTIAL'`)} AS "receivedPartial",
            ${count(`${received} AND d.online_level = 'PARTIAL' AND d.channel = 'ONLINE'`)} AS "receivedPartialOnline",
            ${count(`${received} AND (coalesce(d.catalogue_fee_vnd, 0) > 0 OR coalesce(d.fee_owed_vnd, 0) > 0)`)} AS "receivedWithFees",
            ${count(`${received} AND EXISTS (SELECT 1 FROM payment pm WHERE pm.dossier_id = d.id AND pm.state = 'PAID')`)} AS "receivedPaidOnline",
            ${count(resolved)} AS "resolved",
            ${count(`${resolved} AND ${ELECTRONIC_RESULT('d')}`)} AS "resolvedElectronic"
       FROM unnest($3::text[], $4::text[]) AS p(path, below)
       LEFT JOIN dossier d ON ${withinSql('d.owner_path', 'p.path', 'p.below')}
      GROUP BY p.path`,
    [period.from, period.to, paths, paths.map(belowPattern)],
  );
}
