/*
 * Engine costs, measured in one process:
 *   1. simulation throughput (steps/s, callbacks/s) on boot-storm with 1,000 zones x 30 keys;
 *   2. the cost of disabled probe sites: the same engine against a copy of its source in which
 *      every `x.enabled` test is the constant `false` (sites stubbed out, so the optimiser drops
 *      them), runs interleaved, best of several; goal: within 2%;
 *   3. zone_key_create time against the number of zones (10, 100, 1,000, 10,000): the marking
 *      loop and the create pass are linear in zones.
 */

import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import * as core from '../packages/core/src/index.js';

type Report = (row: { name: string; value: number; unit: string; note?: string }) => void;
type Core = typeof core;

const here = dirname(fileURLToPath(import.meta.url));
const coreDir = join(here, '..', 'packages', 'core');

function timeRun(c: Core, zones: number, keys: number): { ms: number; steps: number; callbacks: number } {
  const e = c.createEngine({ workload: c.loadWorkload('boot-storm', { zones, keys }), seed: 1 });
  const t0 = performance.now();
  const r = e.run();
  const ms = performance.now() - t0;
  if (r.findings.length > 0) throw new Error(`boot-storm finding: ${r.findings[0]!.message}`);
  return { ms, steps: r.steps, callbacks: e.stats().callbacks };
}

/**
 * A fresh copy of packages/core/src, either as is or with every probe test replaced by `false`
 * (both copies are loaded fresh, so neither inherits the other's JIT history).
 */
async function loadCopy(stub: boolean): Promise<{ mod: Core; cleanup: () => void }> {
  const dir = join(coreDir, stub ? '.bench-stub' : '.bench-copy');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(coreDir, 'src'), join(dir, 'src'), { recursive: true });
  const walk = (d: string): void => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (stub && p.endsWith('.ts')) writeFileSync(p, readFileSync(p, 'utf8').replace(/\b[\w$]+(?:\.[\w$]+)*\.enabled\b/g, 'false'));
    }
  };
  walk(join(dir, 'src'));
  const mod = (await import(pathToFileURL(join(dir, 'src', 'index.ts')).href)) as Core;
  return { mod, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function keyCreateTime(zones: number): { us: number; steps: number } {
  const w = core.validateWorkload({
    keys: [
      { name: 'boot', create: { duration: '1us' } },
      { name: 'late', module: 'm', create: { duration: '1us' } },
    ],
    modules: [{ name: 'm', keys: ['late'], loadAt: '1s' }],
    zones: [{ name: 'z', count: zones, createAt: '0ms', bootAt: '100ms', spacing: '10us' }],
  });
  const e = core.createEngine({ workload: w, seed: 1, policy: 'round-robin' });
  e.runUntil(999_999_999);
  const s0 = e.stats().steps;
  const t0 = performance.now();
  e.run();
  return { us: (performance.now() - t0) * 1000, steps: e.stats().steps - s0 };
}

export default async function (report: Report): Promise<void> {
  // 1. Throughput at the size the brief requires.
  timeRun(core, 100, 30); // warm-up
  const big = timeRun(core, 1000, 30);
  report({ name: 'boot-storm 1000x30: wall time', value: big.ms, unit: 'ms', note: `${big.steps} steps, ${big.callbacks} callbacks` });
  report({ name: 'boot-storm 1000x30: steps/s', value: big.steps / (big.ms / 1000), unit: 'steps/s' });
  report({ name: 'boot-storm 1000x30: callbacks/s', value: big.callbacks / (big.ms / 1000), unit: 'callbacks/s' });

  // 2. Disabled probe sites vs. stubbed-out sites, interleaved.
  const { mod: stubbed, cleanup } = await loadCopy(true);
  const { mod: plain, cleanup: cleanup2 } = await loadCopy(false);
  try {
    timeRun(stubbed, 100, 30);
    timeRun(plain, 100, 30);
    let withSites = Infinity;
    let without = Infinity;
    for (let i = 0; i < 5; i++) {
      withSites = Math.min(withSites, timeRun(plain, 300, 30).ms);
      without = Math.min(without, timeRun(stubbed, 300, 30).ms);
    }
    report({ name: 'disabled probes: sites present', value: withSites, unit: 'ms', note: 'boot-storm 300x30, best of 5' });
    report({ name: 'disabled probes: sites stubbed out', value: without, unit: 'ms' });
    report({ name: 'disabled probes: cost ratio', value: withSites / without, unit: 'x', note: 'goal <= 1.02' });
  } finally {
    cleanup();
    cleanup2();
  }

  // 3. zone_key_create against the number of zones.
  for (const n of [10, 100, 1000, 10_000]) {
    // The create pass restarts from the head of zone_active after every callback (spec 2.10):
    // quadratic in zones by design, so the 10,000-zone figure is dominated by that loop.
    const r = keyCreateTime(n);
    report({ name: `zone_key_create with ${n} zones`, value: r.us, unit: 'us', note: `${(r.us * 1000 / n).toFixed(0)} ns/zone, ${r.steps} steps` });
  }
}
