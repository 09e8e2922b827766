import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/** Bundles the kiosk and the board, their styles and the Noto Sans font (Vietnamese included) into gateway/pages/dist: nothing loads from elsewhere. */
const outdir = path.join(__dirname, 'dist');

async function main() {
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: { kiosk: path.join(__dirname, 'kiosk.ts'), board: path.join(__dirname, 'board.ts') },
    outdir,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    logLevel: 'warning',
    legalComments: 'none',
    loader: { '.woff': 'file', '.woff2': 'file' },
    assetNames: '[name]',
  });
  for (const page of ['kiosk.html', 'board.html']) copyFileSync(path.join(__dirname, page), path.join(outdir, page));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
