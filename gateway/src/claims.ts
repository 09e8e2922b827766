import { GraphQLError } from 'graphql';
import type { Peers } from '../../shared/peers';
import { parentPath } from '../../shared/units';

/** How long the gateway trusts an answer about a token's unit or official: both change by decision, rarely. */
const TTL_MS = 5 * 60_000;

/** What the gateway confirms of a token's claims with the services that own the facts. */
export interface ClaimChecks {
  /** Whether a unit path names a unit that exists now (the catalogue). */
  unitExists(unitPath: string): Promise<boolean>;
  /** Whether an official is active and works for the unit: their home agency is the unit or an agency directly inside it, or they are seconded to it today (personnel). */
  officialServes(officialId: string, unitPath: string): Promise<boolean>;
}

/**
 * An answer remembered for a few minutes. A failure to ask is not remembered: the request is
 * refused with 503 (the claim cannot be confirmed now) and the next one asks again.
 */
function remembered(what: string, ask: (key: string) => Promise<boolean>): (key: string) => Promise<boolean> {
  const known = new Map<string, { answer: Promise<boolean>; at: number }>();
  return (key) => {
    const cached = known.get(key);
    if (cached && Date.now() - cached.at < TTL_MS) return cached.answer;
    const answer = ask(key).catch((error: unknown) => {
      known.delete(key);
      throw new GraphQLError(`The ${what} cannot be confirmed right now; nothing was changed. Try again in a moment.`, {
        extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
        originalError: error as Error,
      });
    });
    if (known.size > 10_000) known.clear();
    known.set(key, { answer, at: Date.now() });
    return answer;
  };
}

interface OfficialFacts {
  ownerPath: string;
  employmentStatus: string;
  secondments: { centre: { code: string }; activeOn: boolean }[];
}

/** Checks asked of the catalogue and personnel as the gateway itself (`peers` signed as nobody in particular). */
export function claimChecks(peers: Peers): ClaimChecks {
  const unitExists = remembered('token’s unit', async (path) => {
    const code = path.slice(path.lastIndexOf('.') + 1);
    const data = await peers.query<{ unit: { path: string } | null }>('catalogue', 'query ($code: String!) { unit(code: $code) { path } }', { code });
    return data.unit?.path === path;
  });
  const officialServes = remembered('token’s official', async (key) => {
    const [officialId, unitPath] = key.split('|') as [string, string];
    const { official } = await peers.query<{ official: OfficialFacts | null }>(
      'personnel',
      'query ($id: ID!) { official(id: $id) { ownerPath employmentStatus secondments { centre { code } activeOn } } }',
      { id: officialId },
    );
    if (!official || official.employmentStatus !== 'ACTIVE') return false;
    const unitCode = unitPath.slice(unitPath.lastIndexOf('.') + 1);
    // Not any official below: a province-wide token must not act in a commune clerk's name.
    const ownUnit = official.ownerPath === unitPath || parentPath(official.ownerPath) === unitPath;
    return ownUnit || official.secondments.some((s) => s.activeOn && s.centre.code === unitCode);
  });
  return { unitExists, officialServes: (officialId, unitPath) => officialServes(`${officialId}|${unitPath}`) };
}
