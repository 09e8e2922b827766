import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { composeChecked, readRegistry, readSupergraph, SUPERGRAPH_FILE } from './composition';

/**
 * `npm run compose`: rewrites supergraph.graphql from the subgraphs' schemas, refusing a
 * composition error, or a change that breaks operations working against the supergraph it
 * replaces unless subgraphs/breaking-changes.json declares it.
 *
 * `npm run compose:check -- <git ref>` (CI: HEAD~1) writes nothing: it fails on a composition
 * error, on a checked-in supergraph that is not what the schemas compose to, and on undeclared
 * breaking changes against the supergraph of <ref>.
 */
async function main() {
  const [mode, ref] = process.argv.slice(2);
  const check = mode === '--check';
  let current: string | null = null;
  if (check) {
    try {
      current = execFileSync('git', ['show', `${ref ?? 'HEAD~1'}:supergraph.graphql`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      console.log(`no supergraph at ${ref ?? 'HEAD~1'}: nothing to compare with`);
    }
  } else if (existsSync(SUPERGRAPH_FILE)) {
    current = readSupergraph();
  }
  const { supergraph: next, breaking } = await composeChecked(readRegistry(), current);
  if (breaking.length) console.log(`breaking changes, declared: ${breaking.join('; ')}`);
  if (!check) {
    writeFileSync(SUPERGRAPH_FILE, next);
    console.log(`wrote ${SUPERGRAPH_FILE}`);
  } else if (readSupergraph() !== next) {
    console.error('supergraph.graphql is not what the subgraphs compose to; run npm run compose and commit it.');
    process.exit(1);
  } else {
    console.log(`supergraph.graphql composes, and breaks nothing${current ? ` against ${ref ?? 'HEAD~1'}` : ''} that is not declared`);
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
