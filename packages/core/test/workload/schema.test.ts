/*
 * The published JSON Schema of the workload format: the checker generated from it is current,
 * it is exported for editors, it knows every field the loader takes (and `$schema`), the
 * built-ins conform to it, and docs/workloads.md's field tables say what its descriptions say.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { builtinWorkloads, createEngine, loadWorkload, validateWorkload, WorkloadError } from '../../src/index.js';
// @ts-expect-error: a build script without type declarations
import { generate, outPath } from '../../scripts/gen-workload-check.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const coreDir = join(here, '..', '..');
const schemaFile = join(coreDir, 'workload.schema.json');
const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, any>;

function errorOf(json: unknown): WorkloadError {
  try {
    validateWorkload(json, 'w.json');
  } catch (err) {
    if (err instanceof WorkloadError) return err;
    throw err;
  }
  throw new Error('no error');
}

/** Every field, each used once, as a file would write it. */
const EVERY_FIELD = {
  $schema: './node_modules/@zsdtrace/core/workload.schema.json',
  name: 'all',
  description: 'every field',
  keys: [
    { name: 'k', create: { duration: ['1us', '2us'], exclusiveIpExtra: '5us', actions: ['zone_find_by_id_nolock', { do: 'work', duration: '1us' }, { do: 'zone_key_create', key: 'lz' }] }, shutdown: true, destroy: { actions: [{ do: 'block', duration: 100 }] } },
    { name: 'lz', lazy: true },
    { name: 'mk', module: 'm', create: null, shutdown: false },
  ],
  modules: [{ name: 'm', keys: ['mk'], loadAt: '1ms', unloadAt: '3ms' }],
  zones: [{ name: 'z', count: 2, createAt: 0, bootAt: '1ms', haltAt: '2ms', spacing: '10us', exclusiveIp: true, deathrow: '50us', zthreadExit: ['10us', '20us'] }],
  period: '10ms',
  costs: { zschedSetup: '20us', initStart: '50us', zoneEmpty: '100us' },
};

describe('the workload JSON Schema', () => {
  it('is what the generated checker was compiled from', () => {
    expect(readFileSync(outPath, 'utf8')).toBe(generate(readFileSync(schemaFile, 'utf8')));
  });

  it('is exported by the package for editors and is a valid draft-07 schema', () => {
    const require = createRequire(import.meta.url);
    expect(require.resolve('@zsdtrace/core/workload.schema.json')).toBe(schemaFile);
    const pkg = JSON.parse(readFileSync(join(coreDir, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('workload.schema.json');
    const ajv = new Ajv.default({ allowUnionTypes: true });
    ajv.addKeyword({ keyword: 'reason', schemaType: 'string' });
    const check = ajv.compile(schema);
    expect(check(EVERY_FIELD)).toBe(true);
    expect(check({ zones: [{ name: 'z', haltsAt: '1ms' }] })).toBe(false);
  });

  it('accepts "$schema" and every field the loader supports, zthreadExit included', () => {
    const w = validateWorkload(EVERY_FIELD, 'w.json');
    expect(w.zones[0]!.zthreadExit).toEqual([10_000, 20_000]);
    expect(w.costs.zoneEmpty).toBe(100_000);
    expect(createEngine({ workload: w, seed: 2 }).run().events).toBeGreaterThan(20);
  });

  it('refuses a "$schema" that is not a string, and misplaced or unknown fields', () => {
    expect(errorOf({ $schema: 5 })).toMatchObject({ field: '$schema', reason: 'must be a string' });
    expect(errorOf({ zones: [{ name: 'z', $schema: 'x' }] })).toMatchObject({ field: 'zones[0].$schema', reason: 'unknown field' });
    expect(errorOf({ costs: { zoneempty: '1us' } })).toMatchObject({ field: 'costs.zoneempty', reason: 'unknown field' });
  });

  it('names the field and the reason for what the schema refuses', () => {
    const cases: [unknown, string, string][] = [
      [{ zones: [{ count: 2 }] }, 'zones[0].name', 'must be a name (letters, digits, _ . -)'],
      [{ zones: [{ name: 'z', count: 1.5 }] }, 'zones[0].count', 'must be an integer from 1 to 100000'],
      [{ zones: [{ name: 'z', zthreadExit: '1 hour' }] }, 'zones[0].zthreadExit', 'must be a non-negative duration like "5ms" or a range like ["1ms", "5ms"]'],
      [{ period: -1 }, 'period', 'must be a non-negative duration like "5ms"'],
      [{ keys: 'k' }, 'keys', 'must be an array'],
      [{ keys: [{ name: 'k', lazy: 'yes' }] }, 'keys[0].lazy', 'must be true or false'],
      [{ keys: [{ name: 'k', create: { actions: [{ do: 'work' }] } }] }, 'keys[0].create.actions[0].duration', 'must be a non-negative duration like "5ms" or a range like ["1ms", "5ms"]'],
      [{ keys: [{ name: 'k', create: { actions: [{ do: 'nap' }] } }] }, 'keys[0].create.actions[0].do', 'must name an action (work, block, zone_key_create, zone_find_by_id, …)'],
      [{ keys: [{ name: 'k', create: { actions: [{ do: 'crhold', duration: '1us' }] } }] }, 'keys[0].create.actions[0].duration', 'unknown field'],
      [{ keys: [{ name: 'k', create: { actions: [7] } }] }, 'keys[0].create.actions[0]', 'unknown action 7 (expected one of zone_find_by_id, zone_find_by_id_nolock, zcmn_err, zone_getspecific, zone_setspecific, zone_hold, crhold, crfree, work, block, zone_key_create)'],
    ];
    for (const [json, field, reason] of cases) expect(errorOf(json), JSON.stringify(json)).toMatchObject({ field, reason });
  });

  it('holds every built-in workload', () => {
    for (const name of builtinWorkloads) expect(() => loadWorkload(name)).not.toThrow();
  });
});

describe('docs/workloads.md and the schema', () => {
  const docs = readFileSync(join(coreDir, '..', '..', 'docs', 'workloads.md'), 'utf8');
  /** The rows of the field table under `heading`: field names (a row may list several) to meaning. */
  function table(heading: string): Map<string, string> {
    const start = docs.indexOf(`\n${heading}\n`);
    expect(start, heading).toBeGreaterThanOrEqual(0);
    const rows = new Map<string, string>();
    for (const line of docs.slice(start + heading.length + 2).split('\n').slice(1)) {
      if (line.startsWith('#') || (line === '' && rows.size > 0)) break;
      const m = /^\| ([^|]+) \| (.+) \|$/.exec(line);
      if (!m || m[1] === 'field' || m[1]!.startsWith('---')) continue;
      for (const name of m[1]!.split(',')) rows.set(name.trim().replace(/^`|`$/g, ''), m[2]!);
    }
    return rows;
  }
  const resolve = (node: Record<string, any>): Record<string, any> =>
    typeof node.$ref === 'string' ? { ...resolve(schema.definitions[node.$ref.split('/').pop()!]), ...node } : node;
  const sections: [string, Record<string, any>][] = [
    ['## Top level', schema],
    ['### Costs', schema.properties.costs],
    ['## Keys', schema.definitions.key],
    ['### Callback objects', schema.definitions.callback],
    ['## Modules', schema.definitions.module],
    ['## Zone groups', schema.definitions.zoneGroup],
  ];
  for (const [heading, node] of sections) {
    it(`documents exactly the schema's fields under "${heading}", in the schema's words`, () => {
      const rows = table(heading);
      expect([...rows.keys()].sort()).toEqual(Object.keys(node.properties).sort());
      for (const [name, prop] of Object.entries(node.properties as Record<string, Record<string, any>>)) {
        const description = resolve(prop).description;
        if (description !== undefined) expect(rows.get(name), name).toBe(description);
      }
    });
  }
});
