/*
 * What the equivalence tests of the hand-written scanner and parser share: the D scripts of a
 * folder tree, and a small seeded generator (mulberry32), so that a failure reproduces.
 */

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return scripts(p);
    return f.endsWith('.d') ? [p] : [];
  });
}

export function random(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}
