import { uuidFrom } from '../../../../shared/ids';
import type { ProcedureVariantEntity } from '../store/entities/procedure-variant.entity';
import type { ProcedureVersionEntity } from '../store/entities/procedure-version.entity';
import type { ProcedureEntity } from '../store/entities/procedure.entity';
import type { Announcement, ProcedureContent } from './content';
import { crossesUnits } from './inter-agency';

export interface Identity {
  code: string;
  localCode: string;
}

/**
 * The rows one announcement writes: the procedure's projection, the version and its cases.
 * Ids derive from the local code and version number, so a seed or an import run twice names
 * the same rows.
 */
export function procedureRows(identity: Identity, ownerPath: string, number: number, announcement: Announcement, content: ProcedureContent) {
  const { variants, ...announced } = content;
  const { name, fieldCode, levels, executingAgencyCode, executingAgencyRole, onlineLevel, oneStop, boundaryFree } = content;
  const interAgency = crossesUnits(variants);
  const components = { ...announced, interAgency };
  const procedure: ProcedureEntity = {
    id: uuidFrom(`procedure:${identity.localCode}`),
    code: identity.code,
    localCode: identity.localCode,
    name,
    fieldCode,
    levels,
    executingAgencyCode,
    executingAgencyRole,
    onlineLevel,
    interAgency,
    oneStop,
    boundaryFree,
    feeVnd: content.fees.reduce((sum, fee) => sum + fee.amountVnd, 0),
    repealedFrom: null,
    repealDecision: null,
    ownerPath,
  };
  const version: ProcedureVersionEntity = {
    ...components,
    id: uuidFrom(`procedure-version:${identity.localCode}:${number}`),
    procedureId: procedure.id,
    number,
    decision: announcement.decision,
    effectiveFrom: announcement.effectiveFrom,
    ownerPath,
  };
  const cases: ProcedureVariantEntity[] = variants.map((variant, i) => ({
    id: uuidFrom(`procedure-variant:${version.id}:${i + 1}`),
    versionId: version.id,
    position: i + 1,
    name: variant.name,
    timeLimit: variant.timeLimit?.amount ?? null,
    timeUnit: variant.timeLimit?.unit ?? null,
    onlineTimeLimit: variant.onlineTimeLimit,
    process: variant.process,
    ownerPath,
  }));
  return { procedure, version, variants: cases };
}
