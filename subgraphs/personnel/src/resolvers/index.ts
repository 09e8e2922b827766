import { CentreBoard } from './centre-board';
import { Counter } from './counter';
import { CounterAssignment } from './counter-assignment';
import { DutyShift } from './duty-shift';
import { Mutation } from './mutation';
import { Official } from './official';
import { Query } from './query';
import { QueueTicket } from './queue-ticket';
import { FieldQueue } from './field-queue';
import { CounterQueueStats } from './counter-queue-stats';
import { Secondment } from './secondment';

export const resolvers = {
  Query,
  Mutation,
  Official,
  Secondment,
  Counter,
  CounterAssignment,
  DutyShift,
  CentreBoard,
  QueueTicket,
  FieldQueue,
  CounterQueueStats,
};
