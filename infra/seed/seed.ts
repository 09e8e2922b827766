import type { EntityManager, ObjectLiteral } from 'typeorm';
import type { Caller } from '../../shared/caller';
import type { SubgraphName } from '../../shared/config';
import { inCallerScope } from '../../shared/db';
import { connect } from '../../shared/standalone';
import { subgraphs } from '../../subgraphs';
import { AdministrativeUnitEntity } from '../../subgraphs/catalogue/src/store/entities/administrative-unit.entity';
import { FieldEntity } from '../../subgraphs/catalogue/src/store/entities/field.entity';
import { UnitVersionEntity } from '../../subgraphs/catalogue/src/store/entities/unit-version.entity';
import { versionOf } from '../../subgraphs/catalogue/src/units/tree';
import { ProcedureEntity } from '../../subgraphs/catalogue/src/store/entities/procedure.entity';
import { ProcedureVariantEntity } from '../../subgraphs/catalogue/src/store/entities/procedure-variant.entity';
import { ProcedureVersionEntity } from '../../subgraphs/catalogue/src/store/entities/procedure-version.entity';
import { DossierEntity } from '../../subgraphs/dossiers/src/store/entities/dossier.entity';
import { RatingCommentEntity } from '../../subgraphs/feedback/src/store/entities/rating-comment.entity';
import { DossierApplicantEntity } from '../../subgraphs/dossiers/src/store/entities/dossier-applicant.entity';
import { DossierEventEntity } from '../../subgraphs/dossiers/src/store/entities/dossier-event.entity';
import { DossierStepEntity } from '../../subgraphs/dossiers/src/store/entities/dossier-step.entity';
import { PetitionEntity } from '../../subgraphs/feedback/src/store/entities/petition.entity';
import { RatingEntity } from '../../subgraphs/feedback/src/store/entities/rating.entity';
import { SuggestionEntity } from '../../subgraphs/feedback/src/store/entities/suggestion.entity';
import { CounterAssignmentEntity } from '../../subgraphs/personnel/src/store/entities/counter-assignment.entity';
import { CounterEntity } from '../../subgraphs/personnel/src/store/entities/counter.entity';
import { DutyShiftEntity } from '../../subgraphs/personnel/src/store/entities/duty-shift.entity';
import { OfficialEntity } from '../../subgraphs/personnel/src/store/entities/official.entity';
import { SecondmentEntity } from '../../subgraphs/personnel/src/store/entities/secondment.entity';
import { PROVINCE } from './demo-province';
import type { DemoData } from './demo';
import type { DatabaseUrls } from '../postgres';

/** The seed writes as the province, so row-level security holds for it as for everyone. */
const SEEDER: Caller = { sub: 'seed', role: 'ADMIN', unit: PROVINCE.code };

async function insertAll<T extends ObjectLiteral>(manager: EntityManager, entity: new () => T, rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await manager.insert(entity, rows.slice(i, i + 1000));
}

const writers: Record<SubgraphName, (manager: EntityManager, data: DemoData) => Promise<void>> = {
  catalogue: async (manager, data) => {
    await insertAll(manager, FieldEntity, data.fields);
    await insertAll(manager, AdministrativeUnitEntity, data.units);
    await insertAll(manager, UnitVersionEntity, data.units.map((unit) => versionOf(unit, 'CREATED', unit.validFrom)) as UnitVersionEntity[]);
    await insertAll(manager, ProcedureEntity, data.procedures);
    await insertAll(manager, ProcedureVersionEntity, data.procedureVersions);
    await insertAll(manager, ProcedureVariantEntity, data.procedureVariants);
  },
  dossiers: async (manager, data) => {
    await insertAll(manager, DossierEntity, data.dossiers);
    await insertAll(manager, DossierApplicantEntity, data.dossierApplicants);
    await insertAll(manager, DossierStepEntity, data.dossierSteps);
    await insertAll(manager, DossierEventEntity, data.dossierEvents as DossierEventEntity[]);
    // The day's numbers already given, so a reception on a seeded day continues the sequence.
    const sequences = data.codeSequences;
    await manager.query(
      `INSERT INTO dossier_code_sequence (agency_electronic_id, day, last_number, owner_path) SELECT * FROM unnest($1::text[], $2::date[], $3::int[], $4::text[])`,
      [
        sequences.map((s) => s.agencyElectronicId),
        sequences.map((s) => s.day),
        sequences.map((s) => s.lastNumber),
        sequences.map((s) => s.ownerPath),
      ],
    );
  },
  personnel: async (manager, data) => {
    await insertAll(manager, OfficialEntity, data.officials);
    await insertAll(manager, SecondmentEntity, data.secondments);
    await insertAll(manager, CounterEntity, data.counters);
    await insertAll(manager, CounterAssignmentEntity, data.counterAssignments);
    await insertAll(manager, DutyShiftEntity, data.dutyShifts);
  },
  feedback: async (manager, data) => {
    await insertAll(manager, RatingEntity, data.ratings);
    await insertAll(manager, RatingCommentEntity, data.ratingComments);
    // Repeats point at earlier petitions: those go first.
    await insertAll(
      manager,
      PetitionEntity,
      [...data.petitions].sort((a, b) => Number(!!a.repeatOfId) - Number(!!b.repeatOfId)),
    );
    await insertAll(manager, SuggestionEntity, data.suggestions);
  },
};

/** Writes the demo data into the four databases, as the schema owner, one transaction each. */
export async function writeDemo(databases: Record<SubgraphName, DatabaseUrls>, data: DemoData): Promise<void> {
  await Promise.all(
    subgraphs.map(async (module) => {
      const db = await connect(module, databases[module.name].migration);
      try {
        await inCallerScope(db, SEEDER, (manager) => writers[module.name](manager, data));
        // Fresh statistics, so the planner picks the indexes right after a bulk load.
        await db.query('ANALYZE');
      } finally {
        await db.destroy();
      }
    }),
  );
}
