import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { isOfficial, requireCitizen, requireUnit, type Caller } from '../../../../shared/caller';
import { config } from '../../../../shared/config';
import { documentFileName, isDocumentType, isSha256, acceptedTypes } from '../../../../shared/documents';
import { badInput, conflict, notFound, unauthenticated } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import { isWithin } from '../../../../shared/units';
import type { DocumentEntity } from '../store/entities/document.entity';
import type { DocumentPurpose } from '../store/entities/dossier-document.entity';
import type { SubmittedDocument } from '../store/entities/dossier.entity';
import { whereAttached, documentsByIds, insertAttachments, insertDocument } from '../store/documents';

/** What the gateway measured of a file it stored: the dossiers service records it as the caller's. */
export interface RegisterInput {
  documentId: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  /** A scan of papers handed in at the counter (officials only). */
  digitised: boolean;
}

/**
 * Records a stored file as the caller's: a citizen's goes to their personal store (theirs, or
 * their organisation's when they sign in for it), an official's to their unit.
 */
export async function registerDocument(manager: EntityManager, caller: Caller, input: RegisterInput, now: Date): Promise<string> {
  const id = parseId(input.documentId, 'input.documentId');
  if (!isDocumentType(input.mediaType)) throw badInput('input.mediaType', `Files are ${acceptedTypes()}; got ${input.mediaType.slice(0, 60)}.`);
  if (!Number.isInteger(input.byteSize) || input.byteSize < 1 || input.byteSize > config.maxDocumentBytes)
    throw badInput('input.byteSize', `A file has 1 to ${config.maxDocumentBytes} bytes.`);
  if (!isSha256(input.sha256)) throw badInput('input.sha256', 'The hash is SHA-256 in 64 lower-case hex digits.');
  const owner = ownerOf(caller, input.digitised);
  await insertDocument(manager, {
    id,
    fileName: documentFileName(input.fileName, 'input.fileName'),
    mediaType: input.mediaType,
    byteSize: input.byteSize,
    sha256: input.sha256,
    digitised: input.digitised,
    uploadedBy: caller.sub!,
    uploaderRole: caller.role,
    ...owner,
    uploadedAt: now,
  });
  return id;
}

function ownerOf(caller: Caller, digitised: boolean): Pick<DocumentEntity, 'ownerFiler' | 'ownerPath'> {
  if (isOfficial(caller)) return { ownerFiler: null, ownerPath: requireUnit(caller) };
  if (caller.role !== 'CITIZEN') throw unauthenticated('Sign in to upload a document: as a citizen, or as an official of a unit.');
  if (digitised) throw badInput('input.digitised', 'Digitised copies are scans the counter makes of papers handed in; upload your file as it is.');
  const { citizenId, taxCode } = requireCitizen(caller);
  return { ownerFiler: taxCode ? `${citizenId}/${taxCode}` : citizenId, ownerPath: null };
}

/** Files given as one required document (by its name in the procedure's list, or as form 02 asked for it). */
export interface FileGroup {
  documentType: string;
  files: string[];
}

/** As many files as a dossier sensibly holds in one action. */
const MAX_FILES = 100;
const RESULT_TYPE = 'Kết quả giải quyết';

/** Mã xác thực: 10 characters without look-alikes (no 0/O, 1/I), read off paper or a QR code. */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const verificationCode = () => [...randomBytes(10)].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');

/** One file to attach: which document it is, and the input field that named it (for errors). */
export interface FileRef {
  documentType: string;
  id: string;
  field: string;
}

/** The files of grouped input (`<field>[i].files[j]`), checked: ids, a document named for each, at most MAX_FILES. */
export function filesOf(groups: FileGroup[] | null | undefined, field: string): FileRef[] {
  const files = (groups ?? []).flatMap((group, i) => {
    if (group.files.length && !group.documentType.trim())
      throw badInput(`${field}[${i}]`, 'Say which document each file is, by its name in the procedure.');
    return group.files.map((id, j) => ({
      documentType: group.documentType.trim(),
      id: parseId(id, `${field}[${i}].files[${j}]`),
      field: `${field}[${i}].files[${j}]`,
    }));
  });
  if (files.length > MAX_FILES) throw badInput(field, `Attach at most ${MAX_FILES} files at once; got ${files.length}.`);
  return files;
}

/** The result issued as a file (resolveDossier's `resultDocument`). */
export const resultFile = (id: string, field: string): FileRef[] => [{ documentType: RESULT_TYPE, id: parseId(id, field), field }];

/**
 * Attaches files the caller may see (their own uploads, their unit's, their earlier dossiers'
 * files and results) to a dossier, in the caller's transaction: a file that is not theirs is
 * NOT_FOUND, named by its input field, and nothing is attached. A result gets its verification code.
 */
export async function attachFiles(
  manager: EntityManager,
  caller: Caller,
  dossierId: string,
  listed: FileRef[],
  purpose: DocumentPurpose,
  now: Date,
): Promise<void> {
  const twice = listed.find((file, i) => listed.findIndex((other) => other.id === file.id) !== i);
  if (twice) throw badInput(twice.field, `Document ${twice.id} is given twice; each file is one document.`);
  const files = listed;
  if (!files.length) return;
  const found = new Map(
    (
      await documentsByIds(
        manager,
        files.map((f) => f.id),
      )
    ).map((d) => [d.id, d]),
  );
  const missing = files.find((file) => !found.has(file.id));
  if (missing) throw notFound(`No document of yours has id ${missing.id}; upload it first, or choose one of your documents.`, missing.field);
  for (const file of files) checkAttachable(caller, found.get(file.id)!, purpose, file.field);
  const attached = await whereAttached(
    manager,
    files.map((f) => f.id),
    dossierId,
  );
  const again = files.find((file) => attached.here.has(file.id));
  if (again) throw conflict(`Document ${again.id} is already with this dossier; attach a new file.`, again.field);
  await insertAttachments(
    manager,
    files.map((file) => ({
      dossierId,
      documentId: file.id,
      purpose,
      documentType: file.documentType,
      reused: attached.elsewhere.has(file.id),
      attachedBy: caller.sub!,
      attachedAt: now,
      verificationCode: purpose === 'RESULT' ? verificationCode() : null,
    })),
  );
}

/**
 * Officials attach what their unit uploaded (scans uploaded as digitised copies, results as
 * files of their own), never a citizen's upload; a citizen attaches what is theirs to see.
 */
function checkAttachable(caller: Caller, document: DocumentEntity, purpose: DocumentPurpose, field: string): void {
  if (!isOfficial(caller)) return;
  if (!document.ownerPath || !isWithin(document.ownerPath, caller.unit ?? '-'))
    throw badInput(field, `Document ${document.id} was not uploaded by your unit; officials attach the files their unit uploads.`);
  if (purpose === 'DIGITISED' && !document.digitised)
    throw badInput(field, `Document ${document.id} is not a scan: upload scans of papers with digitised=true.`);
  if (purpose === 'RESULT' && document.digitised) throw badInput(field, `Document ${document.id} is a scan of papers handed in, not a result.`);
}

/** A document of the input list with the files given for it. */
export type DocumentWithFiles = SubmittedDocument & { files?: string[] | null };

/** The papers' list as the dossier keeps it, and the files given for each, by the document's name. */
export function splitFiles(documents: DocumentWithFiles[]): { papers: SubmittedDocument[]; files: FileRef[] } {
  return {
    papers: documents.map(({ name, originals, copies }) => ({ name, originals, copies })),
    files: filesOf(
      documents.map((d) => ({ documentType: d.name, files: d.files ?? [] })),
      'input.documents',
    ),
  };
}

/** Online there is no paper: each document the list asks for is submitted as a file. */
export function requireFileForEach(documents: DocumentWithFiles[]): void {
  const index = documents.findIndex((d) => d.originals + d.copies > 0 && !d.files?.length);
  if (index >= 0)
    throw badInput(
      `input.documents[${index}].files`,
      `Attach "${documents[index].name.slice(0, 80)}" as a file (upload it at /documents, or choose one of your documents).`,
    );
}

/** Checks what anyone gives to verify a result, before asking the database. */
export function checkVerification(code: string, sha256: string): { code: string; sha256: string } {
  const normalised = code.trim().toUpperCase();
  if (!/^[0-9A-Z]{6,20}$/.test(normalised)) throw badInput('code', 'A verification code is the 10 letters and digits printed under the QR code.');
  const hash = sha256.trim().toLowerCase();
  if (!isSha256(hash)) throw badInput('sha256', "Give the file's SHA-256 hash as 64 hex digits.");
  return { code: normalised, sha256: hash };
}
