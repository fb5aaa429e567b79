// Bundles the CLI (and the verifier's worker) into dist/ with esbuild, straight from the
// TypeScript sources (the `source` export condition), so the installed bin starts fast.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const entryPoints = { zsdtrace: join(here, 'src/main.ts') };
if (existsSync(join(here, 'src/verify-worker.ts'))) entryPoints['verify-worker'] = join(here, 'src/verify-worker.ts');

await build({
  entryPoints,
  outdir: join(here, 'dist'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['source'],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // Ink's optional devtools bridge is never used at run time.
  external: ['react-devtools-core'],
  banner: {
    // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
    js: "import { createRequire as __zsdCreateRequire } from 'node:module'; const require = __zsdCreateRequire(import.meta.url);",
  },
  define: { 'process.env.DEV': '"false"', 'process.env.NODE_ENV': '"production"' },
});
