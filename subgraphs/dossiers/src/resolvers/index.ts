import { AdministrativeUnit } from './administrative-unit';
import { CentreBoard } from './centre-board';
import { DigitisationStats } from './digitisation-stats';
import { Delivery } from './delivery';
import { Document } from './document';
import { Payment } from './payment';
import { Dossier } from './dossier';
import { DossierFile } from './dossier-file';
import { DossierEvent } from './dossier-event';
import { DossierStats } from './dossier-stats';
import { DossierStep } from './dossier-step';
import { HandlerDetail } from './handler-detail';
import { Mutation } from './mutation';
import { Official } from './official';
import { Procedure } from './procedure';
import { PublicDossier } from './public-dossier';
import { Query } from './query';
import { ReceptionDetail } from './reception-detail';
import { StepDetail } from './step-detail';

export const resolvers = {
  Query,
  Mutation,
  Dossier,
  DossierFile,
  Delivery,
  Payment,
  Document,
  DossierStep,
  DossierEvent,
  ReceptionDetail,
  HandlerDetail,
  StepDetail,
  PublicDossier,
  DossierStats,
  DigitisationStats,
  CentreBoard,
  Procedure,
  AdministrativeUnit,
  Official,
};
