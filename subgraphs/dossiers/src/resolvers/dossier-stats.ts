import type { Context } from '../context';
import { againstTargets, onlineShare, onTimeRate, type DossierStats as Stats } from '../statistics/figures';

export const DossierStats = {
  onTimeRate: (stats: Stats) => onTimeRate(stats),
  onlineShare: (stats: Stats) => onlineShare(stats),
  targets: async (stats: Stats, _: unknown, ctx: Context) => againstTargets(stats, await ctx.loaders.nationalTargets.load('targets')),
};
