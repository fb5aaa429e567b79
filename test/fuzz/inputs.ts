/*
 * The other inputs the fuzzer generates: mutants of the test corpus's D scripts (spans deleted,
 * duplicated, swapped, tokens inserted), workload files (valid ones perturbed field by field,
 * JavaScript names as keys and values, wrong types, huge counts) and CLI argument vectors (the
 * flags dtrace has, with good and bad values). Every vector is bounded in virtual time
 * (`--fast --duration`) and writes only under the fuzzer's own directory.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

const JS_NAMES = [...Object.getOwnPropertyNames(Object.prototype), 'prototype', '__proto__'];

function walk(dir: string, out: string[]): string[] {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (f.endsWith('.d')) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

/** The corpus scripts, read once. */
export function corpusScripts(root: string): string[] {
  return walk(join(root, 'test/corpus'), []).sort();
}

const TOKENS = ['(', ')', '{', '}', '[', ']', ';', ',', '/', '?', ':', '@', '$1', '$$1', '"', "'", '\\', '#', '->', '++', 'self', 'this', 'int', 'struct', 'sizeof', 'BEGIN', 'END', '\n', '\u00ff', '\u2028', '0x', '999999999999999999999', ...JS_NAMES];

/** A corpus script with a few random edits. */
export function corpusMutant(scripts: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...TOKENS));
  return fc.tuple(fc.integer({ min: 0, max: scripts.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([i, edits]) => {
    let s = scripts[i]!;
    for (const [a, b, kind, tok] of edits) {
      const p = s.length === 0 ? 0 : a % s.length;
      const q = Math.min(s.length, p + (b % 40));
      if (kind === 0) s = s.slice(0, p) + s.slice(q);
      else if (kind === 1) s = s.slice(0, q) + s.slice(p, q) + s.slice(q);
      else if (kind === 2) s = s.slice(0, p) + tok + s.slice(p);
      else s = s.slice(0, p) + s.slice(q) + s.slice(p, q);
    }
    return s;
  });
}

const duration = fc.oneof(fc.constantFrom('1us', '5ms', '0ns', 0, 1000, '1.5ms', 'never', -5, '1e3ms', '99999999999s'), fc.tuple(fc.constantFrom('1us', '2ms'), fc.constantFrom('3ms', '1us')));
const anyJson: fc.Arbitrary<unknown> = fc.oneof(fc.constantFrom(null, true, false, 0, -1, 1e300, '', 'x', [], {}), fc.constantFrom(...JS_NAMES), duration);

const key = fc.record(
  {
    name: fc.oneof(fc.constantFrom('k1', 'k2', 'netstack_zone_key'), fc.constantFrom(...JS_NAMES)),
    module: fc.constantFrom('m', 'nosuch', 'constructor'),
    lazy: fc.boolean(),
    create: fc.oneof(fc.constant(true), fc.record({ duration, actions: fc.array(fc.constantFrom('zone_hold', 'crfree', 'toString', { do: 'block', duration: '1us' }, { do: 'zone_key_create', key: 'k2' }), { maxLength: 2 }) }, { requiredKeys: [] })),
    destroy: fc.oneof(fc.constant(true), anyJson),
  },
  { requiredKeys: ['name'] },
);
const zone = fc.record(
  { name: fc.constantFrom('z', 'web', '__proto__'), count: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(0, 100001, 1e9, 2.5)), createAt: duration, bootAt: duration, haltAt: duration, spacing: duration, exclusiveIp: fc.boolean() },
  { requiredKeys: ['name'] },
);

/** A workload file's JSON: mostly well-formed, with wrong fields mixed in. */
export const workloadJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      name: fc.constantFrom('w', 'constructor', ''),
      keys: fc.array(key, { maxLength: 3 }),
      modules: fc.array(fc.record({ name: fc.constantFrom('m', 'x'), keys: fc.array(fc.constantFrom('k1', 'k2', 'nosuch'), { maxLength: 2 }), loadAt: duration, unloadAt: duration }, { requiredKeys: ['name'] }), { maxLength: 2 }),
      zones: fc.array(zone, { maxLength: 3 }),
      period: duration,
      continuous: fc.boolean(),
      $schema: fc.constant('./workload.schema.json'),
    },
    { requiredKeys: [] },
  ),
  fc.dictionary(fc.constantFrom(...JS_NAMES, 'keys', 'zones'), anyJson, { maxKeys: 3 }),
  anyJson,
);

const flagValue: fc.Arbitrary<readonly string[]> = fc.oneof<fc.Arbitrary<readonly string[]>[]>(
  fc.tuple(fc.constantFrom('-x', '-X'), fc.constantFrom('quiet', 'nspec=2', 'nspec=99999999999999999999', 'bufsize=1t', 'strsize=0', 'constructor', 'toString=5', '__proto__', 'a', 'c', 'aggrate=0', 'switchrate=1ns')).map((t) => [...t]),
  fc.tuple(fc.constantFrom('-c', '--workload'), fc.constantFrom('s1', 's3', 'illumos', 'boot-storm', 'constructor', '__proto__', 'nosuch', '/nonexistent.json')).map((t) => [...t]),
  fc.tuple(fc.constant('--param'), fc.constantFrom('zones=2', 'keys=2', 'rounds=2', 'keys=100000000', 'constructor=1', '__proto__=1', 'zones=', 'x')).map((t) => [...t]),
  fc.tuple(fc.constant('--seed'), fc.constantFrom('1', '0', '', '1e3', '0x10', ' 5 ', '-1', '99999999999999999999')).map((t) => [...t]),
  fc.tuple(fc.constantFrom('-P', '-m', '-f', '-n', '-i'), fc.constantFrom('zone', 'sdt', 'genunix', 'zone_create', 'BEGIN', '1', 'constructor', '::', ':::::', 'tick-100ns')).map((t) => [...t]),
  fc.tuple(fc.constant('-D'), fc.constantFrom('X=1', 'constructor', '__proto__=2')).map((t) => [...t]),
  fc.constantFrom(['-q'], ['-Z'], ['-w'], ['-C'], ['-e'], ['-S'], ['-v'], ['-l'], ['-V'], ['-h'], ['--format', 'json'], ['--format', 'constructor'], ['-F'], ['-H'], ['-s'], ['-o'], ['--'], ['-K'], ['-9']),
);

/** A CLI argument vector built from dtrace's flags; the runner bounds it in time. */
export const argv: fc.Arbitrary<string[]> = fc.array(flagValue, { minLength: 1, maxLength: 5 }).map((parts) => parts.flat());
