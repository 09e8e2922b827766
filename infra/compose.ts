import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { breakingChanges, composeSupergraph, declaredBreakingChanges, readSupergraph, SUPERGRAPH_FILE } from './composition';

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
  const next = await composeSupergraph();
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
  const breaking = current ? await breakingChanges(current, next) : [];
  const declared = declaredBreakingChanges();
  const undeclared = breaking.filter((change) => !declared.includes(change));
  if (undeclared.length) {
    console.error(
      [
        `The new supergraph breaks operations that work today (${undeclared.length}):`,
        ...undeclared.map((change) => `  - ${change}`),
        'Keep the old field or argument beside the new one (and mark it @deprecated), or, if the break is intended and its clients are told,',
        'add each message above to "declared" in subgraphs/breaking-changes.json.',
      ].join('\n'),
    );
    process.exit(1);
  }
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
