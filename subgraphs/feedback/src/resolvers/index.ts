import { AdministrativeUnit } from './administrative-unit';
import { CentreBoard } from './centre-board';
import { Dossier } from './dossier';
import { Mutation } from './mutation';
import { Official } from './official';
import { Petition } from './petition';
import { Procedure } from './procedure';
import { Query } from './query';
import { Rating } from './rating';
import { Suggestion } from './suggestion';

export const resolvers = { Query, Mutation, Rating, Dossier, Official, Procedure, Petition, Suggestion, AdministrativeUnit, CentreBoard };
