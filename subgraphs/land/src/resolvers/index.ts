import { AdministrativeUnit } from './administrative-unit';
import { Dossier } from './dossier';
import { LandParcel } from './land-parcel';
import { Mutation } from './mutation';
import { Query } from './query';

export const resolvers = { Query, Mutation, LandParcel, Dossier, AdministrativeUnit };
