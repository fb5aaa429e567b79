// Bundles the CLI (and the verifier's worker) into dist/ with esbuild, straight from the
// TypeScript sources (the `source` export condition), so the installed bin starts fast.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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

// Options every bundle shares: Node 20, the workspace's sources, quiet unless something is wrong.
const nodeBundle = { bundle: true, platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning' };
// Less text for V8 to scan at every start; identifiers are not renamed, so stack traces stay readable.
const minified = { minifyWhitespace: true, minifySyntax: true };
const production = { 'process.env.DEV': '"false"', 'process.env.NODE_ENV': '"production"' };
// Some bundled CommonJS dependencies call require(); give an ESM bundle one.
const esmRequire = {
  js: "import { createRequire as __zsdCreateRequire } from 'node:module'; const require = __zsdCreateRequire(import.meta.url);",
};

await build({
  ...nodeBundle,
  ...minified,
  entryPoints,
  outdir: join(here, 'dist'),
  // The dashboard, the exporter and the verifier are split into chunks loaded on first use.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  conditions: ['source'],
  sourcemap: 'linked',
  plugins: [stubDevtools],
  banner: esmRequire,
  define: production,
});

// What the bin runs: the CLI as one CommonJS script, which start.ts loads through V8's code
// cache (ES modules get none in Node 20). Ink and yoga use top-level await, which CommonJS cannot
// hold, so the two dashboards stay ES modules (dist/tui-wiring.js, dist/dashboard-live.js),
// imported on first use; they reach the probes package through the bundle's own copy (a global
// set by the bundle), never a second one. A name the dashboards import that is not listed here
// fails the build.
const dashboardProbes = probesImports([join(here, 'src/tui'), join(here, 'src/commands/trace/live/dashboard-live.ts')]);
const probesGlobal = "globalThis[Symbol.for('zsdtrace.probes')]";
const dashboards = { 'tui-wiring': /[\\/]tui[\\/]wiring\.js$/, 'dashboard-live': /[\\/]live[\\/]dashboard-live\.js$/ };
const dashboardsExternal = {
  name: 'dashboards-external',
  setup(b) {
    b.onResolve({ filter: /(wiring|dashboard-live)\.js$/ }, (a) => {
      if (a.kind !== 'dynamic-import') return undefined;
      const full = join(a.resolveDir, a.path);
      for (const [name, re] of Object.entries(dashboards)) if (re.test(full)) return { path: `./${name}.js`, external: true };
      return undefined;
    });
  },
};
const cjsOut = join(here, 'dist/zsdtrace.cjs');
const cjsBuild = await build({
  metafile: true,
  stdin: {
    contents: [
      `import { ${dashboardProbes.join(', ')} } from '@zsdtrace/probes';`,
      `${probesGlobal} = { ${dashboardProbes.join(', ')} };`,
      `export { main, run } from './main.js';`,
    ].join('\n'),
    resolveDir: join(here, 'src'),
    loader: 'ts',
    sourcefile: 'bundle-entry.ts',
  },
  ...nodeBundle,
  ...minified,
  outfile: cjsOut,
  format: 'cjs',
  conditions: ['source'],
  plugins: [dashboardsExternal],
  // start.ts passes the bundle's own URL; modules find their sibling files (workers, agent) by it.
  define: { ...production, 'import.meta.url': '__zsdImportMetaUrl' },
});
{
  // A script run from V8's code cache loses its dynamic-import hook (and the hook is experimental
  // in Node 20), so the bundle's import() calls go through a function start.ts passes in.
  let text = readFileSync(cjsOut, 'utf8');
  const dynamic = Object.values(cjsBuild.metafile.outputs).flatMap((o) => o.imports).filter((i) => i.kind === 'dynamic-import' && i.external);
  for (const spec of new Set(dynamic.map((i) => i.path))) {
    const call = `import(${JSON.stringify(spec)})`;
    if (!text.includes(call)) throw new Error(`build: ${call} not found in the CommonJS bundle`);
    text = text.split(call).join(`__zsdImport(${JSON.stringify(spec)})`);
  }
  if (/\bimport\(/.test(text.replace(/__zsdImport\(/g, ''))) throw new Error('build: an import() the CommonJS bundle cannot run is left in it');
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 32);
  writeFileSync(cjsOut, `// zsdtrace-bundle ${hash}\n${text}`);
}
const probesShared = {
  name: 'probes-shared',
  setup(b) {
    b.onResolve({ filter: /^@zsdtrace\/probes$/ }, () => ({ path: 'probes', namespace: 'probes-shared' }));
    b.onLoad({ filter: /.*/, namespace: 'probes-shared' }, () => ({
      contents: `const p = ${probesGlobal};\n${dashboardProbes.map((n) => `export const ${n} = p.${n};`).join('\n')}`,
      loader: 'js',
    }));
  },
};
await build({
  entryPoints: { 'tui-wiring': join(here, 'src/tui/wiring.ts'), 'dashboard-live': join(here, 'src/commands/trace/live/dashboard-live.ts') },
  ...nodeBundle,
  ...minified,
  outdir: join(here, 'dist'),
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  conditions: ['source'],
  plugins: [stubDevtools, probesShared],
  banner: esmRequire,
  define: production,
});
await build({
  ...nodeBundle,
  entryPoints: { 'zsdtrace-start': join(here, 'src/start.ts') },
  outdir: join(here, 'dist'),
  format: 'esm',
});

// The agent zsdtrace loads into a traced Node.js process (-c preloads it, -p requires it through
// the inspector): one self-contained CommonJS file, the D compiler and runtime included.
await build({
  entryPoints: [join(here, '../probes/src/live/agent-entry.ts')],
  ...nodeBundle,
  outfile: join(here, 'dist/live-agent.cjs'),
  format: 'cjs',
  conditions: ['source'],
});

/** The values (not types) the files under `paths` import from @zsdtrace/probes. */
function probesImports(paths) {
  const names = new Set();
  const visit = (p) => {
    if (statSync(p).isDirectory()) {
      for (const f of readdirSync(p)) visit(join(p, f));
      return;
    }
    if (!/\.tsx?$/.test(p) || /\.test\.tsx?$/.test(p)) return;
    for (const m of readFileSync(p, 'utf8').matchAll(/import\s+(type\s+)?\{([^}]*)\}\s*from\s*'@zsdtrace\/probes'/g)) {
      if (m[1]) continue;
      for (const part of m[2].split(',')) {
        const name = part.trim();
        if (name && !name.startsWith('type ')) names.add(name.split(/\s+as\s+/)[0]);
      }
    }
  };
  for (const p of paths) visit(p);
  return [...names].sort();
}
