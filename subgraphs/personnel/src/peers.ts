import type { Peers } from '../../../shared/peers';

/** The codes of every field (lĩnh vực) the catalogue knows. */
export async function catalogueFieldCodes(peers: Peers): Promise<string[]> {
  const { fields } = await peers.query<{ fields: { code: string }[] }>('catalogue', '{ fields { code } }');
  return fields.map((field) => field.code);
}
