import type { Peers } from '../../../shared/peers';
import type { UnitLevel } from '../../../shared/units';

/** The calls dossiers makes to other subgraphs, as the caller: each with its GraphQL document and the answer's type. */

/** An official as personnel records them: their home agency and whether they still work. */
export interface OfficialRecord {
  ownerPath: string;
  employmentStatus: string;
}

/** The official with this id, or null when personnel knows none. */
export async function officialOf(peers: Peers, officialId: string): Promise<OfficialRecord | null> {
  const { official } = await peers.query<{ official: OfficialRecord | null }>(
    'personnel',
    'query ($id: ID!) { official(id: $id) { ownerPath employmentStatus } }',
    { id: officialId },
  );
  return official;
}

export interface CatalogueUnit {
  code: string;
  name: string;
  kind: string;
  level: UnitLevel;
  path: string;
  electronicId: string | null;
  ancestors: { code: string; level: UnitLevel; kind: string; path: string }[];
}

/** What reception needs from the catalogue: the procedure as in force that day, the desk, and the matter's area. */
export interface ReceptionCatalogue {
  procedure: {
    id: string;
    name: string;
    /** The tiers whose desks receive it. */
    levels: UnitLevel[];
    /** Không phụ thuộc địa giới hành chính: any desk of the tier receives it, for any area of the province. */
    boundaryFree: boolean;
    versionAt: {
      id: string;
      /** Mức độ trực tuyến of the version in force: whether citizens may file it online. */
      onlineLevel: 'FULL' | 'PARTIAL' | 'NONE';
      /** Phí, lệ phí of the version, added up, in whole đồng. */
      feeVnd: number;
      field: { code: string };
      documents: { name: string; originals: number; copies: number }[];
      variants: {
        id: string;
        name: string;
        timeLimit: { workingHours: number } | null;
        onlineTimeLimit: { workingHours: number } | null;
        /** `unit`: who holds the step for this matter's area, by the catalogue's rule (the fixed unit, else the one playing the role). */
        process: {
          position: number;
          title: string;
          level: UnitLevel;
          role: string | null;
          unit: { code: string; path: string } | null;
          time: { workingHours: number };
        }[];
      }[];
    } | null;
  } | null;
  desk: CatalogueUnit | null;
  area: CatalogueUnit | null;
}

const UNIT_FIELDS = 'code name kind level path electronicId ancestors { code level kind path }';
const RECEPTION_QUERY = `query Reception($procedureId: ID!, $date: Date!, $desk: String!, $area: String!) {
  procedure(id: $procedureId) {
    id name levels boundaryFree
    versionAt(date: $date) {
      id onlineLevel feeVnd
      field { code }
      documents { name originals copies }
      variants { id name timeLimit { workingHours } onlineTimeLimit { workingHours }
        process { position title level role unit: unitFor(area: $area) { code path } time { workingHours } } }
    }
  }
  desk: unit(code: $desk) { ${UNIT_FIELDS} }
  area: unit(code: $area) { ${UNIT_FIELDS} }
}`;

/** The procedure in force on `date` with its cases and their steps' units for `area`, and the desk and area units, in one call. */
export function receptionCatalogue(
  peers: Peers,
  args: { procedureId: string; date: string; desk: string; area: string },
): Promise<ReceptionCatalogue> {
  return peers.query<ReceptionCatalogue>('catalogue', RECEPTION_QUERY, args);
}
