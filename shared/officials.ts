import type { Peers } from './peers';

interface Seat {
  counter: { number: number; centre: { code: string } };
  startDate: string;
  endDate: string | null;
}

export interface ServingOfficial {
  /** The official's home agency (departments are ranked by it). */
  homeAgencyCode: string | null;
  /** The counter they sat at on the day at the centre or desk, by its own assignments; null if none. */
  counterNumber: number | null;
}

/**
 * Where an official served on a day, asked of personnel: the counter comes from the centre's
 * assignments, never from a device or a form, so a desk and a rating credit the same counter.
 */
export async function servingOfficial(peers: Peers, officialId: string, centreCode: string | null, day: string): Promise<ServingOfficial> {
  const { official } = await peers.query<{ official: { homeAgency: { code: string } | null; counterAssignments: Seat[] } | null }>(
    'personnel',
    `query ($id: ID!) { official(id: $id) { homeAgency { code } counterAssignments { counter { number centre { code } } startDate endDate } } }`,
    { id: officialId },
  );
  const seat = official?.counterAssignments.find(
    (a) => a.counter.centre.code === centreCode && a.startDate <= day && (a.endDate === null || day <= a.endDate),
  );
  return { homeAgencyCode: official?.homeAgency?.code ?? null, counterNumber: seat?.counter.number ?? null };
}
