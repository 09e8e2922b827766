import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SupergraphSdlHook } from '@apollo/gateway';
import { logger } from '../../shared/logger';

/** Which supergraph the gateway serves: the short hash of its text (on /health), and the last one it refused. */
export interface SupergraphState {
  serving: string;
  refused: string | null;
}

const hashOf = (sdl: string) => createHash('sha256').update(sdl).digest('hex').slice(0, 12);

/**
 * The supergraph from a file, read again every `pollMs`: a new one (`npm run compose`, after a
 * unit registers its subgraph) is taken without a restart; one the gateway cannot load is
 * refused, logged, and the previous one kept serving.
 */
export function supergraphFromFile(file: string, pollMs: number, state: SupergraphState): SupergraphSdlHook {
  return async ({ update }) => {
    const initial = readFileSync(file, 'utf8');
    state.serving = hashOf(initial);
    let seen = state.serving;
    const timer = setInterval(() => {
      let next: string;
      try {
        next = readFileSync(file, 'utf8');
      } catch (error) {
        return logger.warn({ err: error, file }, 'the supergraph file cannot be read; the gateway keeps the one it serves');
      }
      const hash = hashOf(next);
      if (hash === seen) return;
      seen = hash;
      try {
        update(next);
        state.serving = hash;
        state.refused = null;
        logger.info({ supergraph: hash }, 'serving a new supergraph');
      } catch (error) {
        state.refused = hash;
        logger.error({ err: error, supergraph: hash }, 'the new supergraph was refused; the gateway keeps serving the previous one');
      }
    }, pollMs);
    timer.unref();
    return { supergraphSdl: initial, cleanup: async () => clearInterval(timer) };
  };
}
