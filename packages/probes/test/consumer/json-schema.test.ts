/*
 * Checks the JSON consumer's objects against the JSON Schema published in docs/json-output.md:
 * each object's `type` selects one branch, whose required fields (and those of the definitions
 * it references) must be present, and `type` values the consumer emits must all be documented.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JsonConsumer, type AggSnapshot } from '../../src/consumer/index.js';

interface Branch {
  required?: string[];
  allOf?: { $ref: string }[];
  properties?: { type?: { const?: string } };
}
interface Schema {
  $defs: Record<string, { required?: string[] }>;
  oneOf: Branch[];
}

const docPath = fileURLToPath(new URL('../../../../docs/json-output.md', import.meta.url));
const doc = readFileSync(docPath, 'utf8');
const block = /## JSON Schema\s+```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
const schema = JSON.parse(block) as Schema;

function requiredFor(type: string): string[] {
  const branch = schema.oneOf.find((b) => b.properties?.type?.const === type);
  if (!branch) throw new Error(`type ${type} is not documented`);
  const refs = (branch.allOf ?? []).flatMap((r) => schema.$defs[r.$ref.replace('#/$defs/', '')]?.required ?? []);
  return [...(branch.required ?? []), ...refs];
}

describe('the documented JSON Schema', () => {
  it('covers every object the consumer writes, with their required fields', () => {
    const lines: string[] = [];
    const c = new JsonConsumer({ out: (l) => lines.push(l), strsize: 256 });
    const agg: AggSnapshot = {
      id: 1, name: 'a', fn: 'count', keyTypes: [{ kind: 'string' }], normal: 1, entries: [{ key: ['k'], value: 1 }],
    };
    const base = { cpu: 0, probeId: 1, provider: 'dtrace', module: '', func: '', name: 'BEGIN' };
    c.firing({ ...base, records: [] });
    c.firing({
      ...base,
      records: [
        { kind: 'printf', format: 'x', args: [], types: [] },
        { kind: 'trace', value: 1, type: { kind: 'int', size: 4, signed: true } },
        { kind: 'printa', aggs: [agg] },
        { kind: 'stack', value: { kind: 'stack', frames: [] } },
        { kind: 'sym', value: { kind: 'sym', addr: 1, frame: null } },
        { kind: 'tracemem', bytes: new Uint8Array([1, 2]) },
        { kind: 'print', value: 1, type: { kind: 'int', size: 4, signed: true }, typeName: 'int' },
      ],
    });
    c.fault({ epid: 1, probeId: 1, probe: 'dtrace:::BEGIN', fault: 'divide-by-zero', code: 4, where: 'predicate', offset: 0 });
    c.drop({ kind: 'dynamic', count: 1 });
    c.error('e');
    c.finish([agg], 0);
    const objects = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const types = objects.map((o) => o.type as string);
    expect(types).toEqual([
      'probe', 'printf', 'trace', 'printa', 'stack', 'sym', 'tracemem', 'print', 'fault', 'drop', 'error', 'aggregation', 'exit',
    ]);
    for (const o of objects) {
      for (const field of requiredFor(o.type as string)) expect(o, `${String(o.type)}.${field}`).toHaveProperty(field);
    }
    expect(lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
  });
});
