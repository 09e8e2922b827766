import { RatingSecret } from './migrations/1764800000000-rating-secret';
import { StepHolderColumns } from './migrations/1764900000000-step-holder-columns';
import { ClientRequestByCaller } from '../../../shared/migrations/1764700000000-client-request-by-caller';
import { WrittenRows } from '../../../shared/migrations/1765100000000-written-rows';
import path from 'node:path';
import { config } from '../../../shared/config';
import { readSchema, type SubgraphModule } from '../../../shared/subgraph';
import { DossierEntity } from './store/entities/dossier.entity';
import { DossierApplicantEntity } from './store/entities/dossier-applicant.entity';
import { ApplicantApart } from './migrations/1765200000000-applicant-apart';
import { ActingOfficials } from './migrations/1765300000000-acting-officials';
import { Fees } from './migrations/1765400000000-fees';
import { NationalTargets } from './migrations/1765500000000-national-targets';
import { Citizens } from './migrations/1765600000000-citizens';
import { OnlineFiling } from './migrations/1765700000000-online-filing';
import { FilingIdentity } from './migrations/1765800000000-filing-identity';
import { Documents } from './migrations/1765900000000-documents';
import { Outbox } from './migrations/1766000000000-outbox';
import { Payments } from './migrations/1766100000000-payments';
import { PaymentRefunds } from './migrations/1766300000000-payment-refunds';
import { PaymentEntity } from './store/entities/payment.entity';
import { DeliveryEntity } from './store/entities/delivery.entity';
import { NotificationPreferenceEntity } from './store/entities/notification-preference.entity';
import { DocumentEntity } from './store/entities/document.entity';
import { DossierDocumentEntity } from './store/entities/dossier-document.entity';
import { DossierEventEntity } from './store/entities/dossier-event.entity';
import { DossierStepEntity } from './store/entities/dossier-step.entity';
import { Lifecycle } from './migrations/1764200000000-lifecycle';
import { Statistics } from './migrations/1764300000000-statistics';
import { DailyRollup } from './migrations/1764400000000-daily-rollup';
import { createLoaders, type DossiersLoaders } from './loaders';
import { Initial } from './migrations/1763800000000-initial';
import { PinProcedureVersion } from './migrations/1764100000000-procedure-version';
import { resolvers } from './resolvers';

/** Hồ sơ — dossiers from reception to the returned result. */
export const dossiers: SubgraphModule<DossiersLoaders> = {
  name: 'dossiers',
  typeDefs: readSchema(path.join(__dirname, '..')),
  resolvers,
  entities: [
    DossierEntity,
    DossierApplicantEntity,
    DossierStepEntity,
    DossierEventEntity,
    DocumentEntity,
    DossierDocumentEntity,
    DeliveryEntity,
    NotificationPreferenceEntity,
    PaymentEntity,
  ],
  migrations: [
    Initial,
    PinProcedureVersion,
    Lifecycle,
    Statistics,
    DailyRollup,
    ClientRequestByCaller,
    RatingSecret,
    StepHolderColumns,
    WrittenRows,
    ApplicantApart,
    ActingOfficials,
    Fees,
    NationalTargets,
    Citizens,
    OnlineFiling,
    FilingIdentity,
    Documents,
    Outbox,
    Payments,
    PaymentRefunds,
  ],
  createLoaders,
  productionProblems: () =>
    config.payments.provider === 'sandbox'
      ? ["PAYMENT_PROVIDER is sandbox, which moves no money: set the province's payment platform, or none to offer no online payment."]
      : [],
};
