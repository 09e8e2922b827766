import { contributedStats } from '../statistics/report';

export const Official = {
  __resolveReference: (ref: { id: string }) => ref,
  workload: contributedStats.official,
};
