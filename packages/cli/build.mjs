// Bundles the CLI (and the verifier's worker) into dist/ with esbuild, straight from the
// TypeScript sources (the `source` export condition), so the installed bin starts fast.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const entryPoints = { zsdtrace: join(here, 'src/main.ts') };
if (existsSync(join(here, 'src/commands/verify/worker.ts'))) entryPoints['verify-worker'] = join(here, 'src/commands/verify/worker.ts');
entryPoints['large-stack-worker'] = join(here, 'src/large-stack-worker.ts');

// Ink's optional React devtools bridge is only loaded when DEV=true; stub it out of the bundle.
const stubDevtools = {
  name: 'stub-react-devtools',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default { connectToDevTools() {} };', loader: 'js' }));
  },
};

await build({
  entryPoints,
  outdir: join(here, 'dist'),
  bundle: true,
  // The dashboard, the exporter and the verifier are split into chunks loaded on first use.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['source'],
  sourcemap: 'linked',
  legalComments: 'none',
  // Less text for V8 to scan at every start; identifiers are not renamed, so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  plugins: [stubDevtools],
  banner: {
    // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
    js: "import { createRequire as __zsdCreateRequire } from 'node:module'; const require = __zsdCreateRequire(import.meta.url);",
  },
  define: { 'process.env.DEV': '"false"', 'process.env.NODE_ENV': '"production"' },
});

// The agent zsdtrace loads into a traced Node.js process (-c preloads it, -p requires it through
// the inspector): one self-contained CommonJS file, the D compiler and runtime included.
await build({
  entryPoints: [join(here, '../probes/src/live/agent-entry.ts')],
  outfile: join(here, 'dist/live-agent.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  conditions: ['source'],
  legalComments: 'none',
  logLevel: 'warning',
});
