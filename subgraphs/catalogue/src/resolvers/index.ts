import { AdministrativeUnit } from './administrative-unit';
import { CaseVariant } from './case-variant';
import { Field } from './field';
import { Mutation } from './mutation';
import { Procedure } from './procedure';
import { ProcedureVersion } from './procedure-version';
import { ProcessStep } from './process-step';
import { Query } from './query';
import { TimeLimit } from './time-limit';

export const resolvers = { Query, Mutation, AdministrativeUnit, Procedure, ProcedureVersion, CaseVariant, ProcessStep, TimeLimit, Field };
