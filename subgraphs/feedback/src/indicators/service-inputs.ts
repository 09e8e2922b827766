import type { EntityManager } from 'typeorm';
import { batchByGroup } from '../../../../shared/loaders';
import type { Peers } from '../../../../shared/peers';
import { dossierStatsByUnitPath } from '../peers';
import { feedbackIndexInputs } from '../store/service-index';
import { serviceIndex } from './service-index';

/** Batch function for `AdministrativeUnit.serviceIndex`: keys `from|to|path`, one statement and one peer call per period. */
export const serviceIndexBatch = (db: EntityManager, peers: Peers) =>
  batchByGroup(async ([from, to], paths) => {
    const period = { from, to };
    const [ours, theirs] = await Promise.all([feedbackIndexInputs(db, period, paths), dossierStatsByUnitPath(peers, period, paths)]);
    const found = new Map<string, ReturnType<typeof serviceIndex>>();
    paths.forEach((path, i) => {
      const { key: _key, ...feedback } = ours.find((row) => row.key === path)!;
      const dossiers = theirs[i];
      if (dossiers) found.set(path, serviceIndex({ ...dossiers, ...feedback }));
    });
    return found;
  });
