/*
 * What probes cost an application (examples/node-app), measured in one process:
 *
 *   (a) the service built without any probe site: every line that reads a probe's `enabled`
 *       flag removed from its sources before bundling (the build is checked for leftovers);
 *   (b) the same sources with their probe sites, no tracer running (every probe disabled);
 *   (c) the same with `app:::request-done { @[args[1]] = count(); }` running, and
 *   (d) with all three probes counted by name.
 *
 * Each variant is bundled by esbuild the same way and loaded as its own module, so each has its
 * own JIT feedback. Throughput calls the request handler directly (a fixed mix of GET requests,
 * no writes, so the database does not grow), rounds interleaved, median of the rounds; a
 * second, smaller figure goes over loopback HTTP with a bounded number of requests, where the
 * network stack dominates. Goal: (b)/(a) within noise of 1. A micro-benchmark then times one
 * disabled probe site against no site in a tight loop.
 */

import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { startTracing, type Tracer } from '../packages/probes/src/tracer/index.js';
import { ProbeRegistry, Provider, type Probe } from '../packages/probes/src/provider/index.js';
import { requestMix, sendRequests, type RequestSpec } from '../examples/node-app/src/load.js';

type Report = (row: { name: string; value: number; unit: string; note?: string }) => void;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const appSrc = join(root, 'examples/node-app/src');

/** What the bundle exports (the entry below). */
interface AppModule {
  declareAppProbes(registry: ProbeRegistry): unknown;
  Database: new (probes: unknown) => unknown;
  createApp(db: unknown, probes: unknown): { handle(method: string, url: string, body?: string): { status: number } };
  startService(opts: { port: number; host: string; registry: ProbeRegistry }): Promise<{ url: string; close(): Promise<void> }>;
}

const ENTRY = `
export { declareAppProbes } from './probes.ts';
export { Database } from './db.ts';
export { createApp } from './app.ts';
export { startService } from './server.ts';
`;

/**
 * Drops every line of the service's sources that reads a probe's `enabled` flag (the probe
 * sites, and the clock reads only an enabled probe needs); counts them in `removed`.
 */
function stripProbeSites(removed: { lines: number }): Plugin {
  return {
    name: 'strip-probe-sites',
    setup(b) {
      b.onLoad({ filter: /examples[\\/]node-app[\\/]src[\\/].*\.ts$/ }, (args) => {
        const lines = readFileSync(args.path, 'utf8').split('\n');
        const isCode = (l: string): boolean => !/^\s*(\*|\/\/|\/\*)/.test(l);
        const kept = lines.filter((l) => !(isCode(l) && /\.enabled\b/.test(l)));
        removed.lines += lines.length - kept.length;
        if (kept.some((l) => isCode(l) && /\.fire\(/.test(l))) {
          throw new Error(`${args.path}: a probe fires outside an enabled guard`);
        }
        const contents = kept.join('\n');
        return { contents, loader: 'ts' };
      });
    },
  };
}

async function bundle(dir: string, name: string, strip: boolean): Promise<string> {
  const removed = { lines: 0 };
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: appSrc, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    write: false,
    logLevel: 'warning',
    plugins: strip ? [stripProbeSites(removed)] : [],
  });
  // Three probe sites and two guarded clock reads.
  if (strip && removed.lines !== 5) throw new Error(`expected to strip 5 probe lines, stripped ${removed.lines}`);
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, result.outputFiles[0]!.text);
  return file;
}

async function load(file: string): Promise<AppModule> {
  return (await import(pathToFileURL(file).href)) as AppModule;
}

/** The GET part of the request mix (a write would grow the database between rounds). */
const MIX: readonly RequestSpec[] = requestMix(8).filter((r) => r.method !== 'POST');

interface Variant {
  readonly name: string;
  readonly handle: (method: string, url: string) => { status: number };
  readonly samples: number[];
}

function variant(name: string, mod: AppModule, registry: ProbeRegistry): Variant {
  const probes = mod.declareAppProbes(registry);
  const app = mod.createApp(new mod.Database(probes), probes);
  return { name, handle: (m, u) => app.handle(m, u), samples: [] };
}

/** Requests per second of one round of `n` requests. */
function round(v: Variant, n: number): number {
  let check = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const r = MIX[i % MIX.length]!;
    check += v.handle(r.method, r.path).status;
  }
  const s = (performance.now() - t0) / 1000;
  if (check === 0) throw new Error('no responses');
  return n / s;
}

const median = (xs: readonly number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** Interquartile range relative to the median: how far apart the rounds were. */
const spread = (xs: readonly number[]): string => {
  const s = xs.slice().sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `IQR ${(((q(0.75) - q(0.25)) / median(xs)) * 100).toFixed(1)}%`;
};

interface LoopbackVariant {
  readonly url: string;
  readonly samples: number[];
  close(): Promise<void>;
}

async function serve(mod: AppModule, script?: string): Promise<LoopbackVariant> {
  const registry = new ProbeRegistry();
  const service = await mod.startService({ port: 0, host: '127.0.0.1', registry });
  const tracer: Tracer | null = script ? startTracing(script, { registry, quiet: true }) : null;
  return {
    url: service.url,
    samples: [],
    close: async () => {
      tracer?.stop();
      await service.close();
    },
  };
}

/** Requests per second of `n` requests over loopback, 4 in flight. */
async function loopbackRound(v: LoopbackVariant, n: number): Promise<number> {
  const specs = Array.from({ length: n }, (_, i) => MIX[i % MIX.length]!);
  const t0 = performance.now();
  await sendRequests(v.url, specs);
  return n / ((performance.now() - t0) / 1000);
}

const STATUS_COUNT = 'app:::request-done { @[args[1]] = count(); }';
const ALL_COUNT = 'app:::request-start, app:::request-done, app:::query { @[probename] = count(); }';

async function throughput(report: Report, dir: string): Promise<void> {
  const bare = await load(await bundle(dir, 'no-probes', true));
  const withProbes = await bundle(dir, 'probes', false);
  // One module instance per variant (a distinct URL), so JIT feedback is not shared.
  const [modB, modC, modD] = await Promise.all(['b', 'c', 'd'].map((q) => import(`${pathToFileURL(withProbes).href}?${q}`))) as AppModule[];
  const regC = new ProbeRegistry();
  const regD = new ProbeRegistry();
  const variants = [
    variant('(a) no probe sites', bare, new ProbeRegistry()),
    variant('(b) probe sites, disabled', modB!, new ProbeRegistry()),
    variant('(c) request-done enabled, @[status] = count()', modC!, regC),
    variant('(d) all three probes enabled, @[probename] = count()', modD!, regD),
  ];
  const tracers = [startTracing(STATUS_COUNT, { registry: regC, quiet: true }), startTracing(ALL_COUNT, { registry: regD, quiet: true })];

  // Short rounds, interleaved, the order rotated each round: the machine is shared, and a
  // variant measured always first or always last would carry the drift.
  const n = 40_000;
  const rounds = 15;
  for (const v of variants) round(v, n);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < variants.length; k++) {
      const v = variants[(r + k) % variants.length]!;
      v.samples.push(round(v, n));
    }
  }
  for (const t of tracers) t.stop();

  const rate = variants.map((v) => median(v.samples));
  const a = rate[0]!;
  for (const [i, v] of variants.entries()) {
    report({ name: `handler ${v.name}`, value: rate[i]!, unit: 'req/s', note: `median of ${rounds} × ${n}, spread ${spread(v.samples)}` });
  }
  report({ name: 'handler ratio b/a (disabled / not present)', value: rate[1]! / a, unit: '×', note: 'goal ≈ 1 (within the spread)' });
  report({ name: 'handler ratio c/a (request-done counted / not present)', value: rate[2]! / a, unit: '×' });
  report({ name: 'handler ratio d/a (all probes counted / not present)', value: rate[3]! / a, unit: '×' });
  report({ name: 'handler added per request, (c) − (a)', value: (1 / rate[2]! - 1 / a) * 1e9, unit: 'ns' });
  report({ name: 'handler added per request, (d) − (a)', value: (1 / rate[3]! - 1 / a) * 1e9, unit: 'ns' });

  const loop = [await serve(bare), await serve(modB!), await serve(modC!, STATUS_COUNT)];
  const m = 400;
  for (const v of loop) await loopbackRound(v, 200);
  for (let r = 0; r < 7; r++) {
    for (let k = 0; k < loop.length; k++) {
      const v = loop[(r + k) % loop.length]!;
      v.samples.push(await loopbackRound(v, m));
    }
  }
  for (const v of loop) await v.close();
  const [la, lb, lc] = loop.map((v) => median(v.samples)) as [number, number, number];
  report({ name: 'loopback HTTP (a) no probe sites', value: la, unit: 'req/s', note: `median of 7 × ${m}, 4 in flight, spread ${spread(loop[0]!.samples)}` });
  report({ name: 'loopback HTTP ratio b/a', value: lb / la, unit: '×' });
  report({ name: 'loopback HTTP ratio c/a', value: lc / la, unit: '×' });
}

/** One call of a small function with or without a probe site, the site as instrumented code writes it. */
function micro(report: Report): void {
  const registry = new ProbeRegistry();
  const probe: Probe = new Provider('micro', registry).probe('bench', 'step', 'tick', ['int', 'int']);
  const state = { acc: 0 };
  const withSite = (i: number): void => {
    state.acc = (state.acc * 31 + i) | 0;
    if (probe.enabled) probe.fire(i, state.acc);
  };
  const without = (i: number): void => {
    state.acc = (state.acc * 31 + i) | 0;
  };
  const time = (fn: (i: number) => void, n: number): number => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(i);
    return ((performance.now() - t0) * 1e6) / n;
  };
  const n = 20_000_000;
  time(withSite, n);
  time(without, n);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let r = 0; r < 7; r++) {
    xs.push(time(without, n));
    ys.push(time(withSite, n));
  }
  report({ name: 'micro: call without a probe site', value: median(xs), unit: 'ns/call' });
  report({ name: 'micro: call with a disabled probe site', value: median(ys), unit: 'ns/call' });
  report({ name: 'micro: added by a disabled probe site', value: median(ys) - median(xs), unit: 'ns/call', note: `checksum ${state.acc & 0xff}` });
}

export default async function (report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'zsdtrace-bench-node-app-'));
  try {
    await throughput(report, dir);
    micro(report);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
