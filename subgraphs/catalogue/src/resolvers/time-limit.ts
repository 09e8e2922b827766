import { workingHours, type TimeLimit as Limit } from '../procedures/content';

export const TimeLimit = {
  workingHours: (limit: Limit) => workingHours(limit),
};
