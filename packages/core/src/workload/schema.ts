/*
 * The workload format's JSON Schema (packages/core/workload.schema.json, published as
 * `@zsdtrace/core/workload.schema.json` for editors) checked on a parsed workload, and the first
 * failure turned into the field's path and a reason: `zones[2].bootAt: must be a non-negative
 * duration like "5ms"`.
 *
 * The check is the schema compiled by ajv ahead of time (schema-check.generated.js, rebuilt by
 * scripts/gen-workload-check.mjs), so a run pays neither ajv's loading nor its compiling. A
 * subschema's `reason` annotation is its message; `{value}` stands for the offending value.
 * What a schema cannot say (time order, key references, duplicate names) is validate.ts's.
 */

import { schema, validate, type SchemaCheckError } from './schema-check.generated.js';

type Node = Readonly<Record<string, unknown>>;

export interface SchemaFailure {
  readonly field: string;
  readonly reason: string;
}

/** The first failure of `json` against the workload schema, or null when it conforms. */
export function schemaFailure(json: unknown): SchemaFailure | null {
  if (validate(json)) return null;
  const errors = validate.errors ?? [];
  // The deepest failure is the most precise; among equals, the first one ajv met.
  let err: SchemaCheckError | undefined;
  for (const e of errors) if (!err || depth(e.instancePath) > depth(err.instancePath)) err = e;
  if (!err) return { field: '', reason: 'does not match the workload schema' };
  const path = err.instancePath.split('/').slice(1).map(unescape);
  if (err.keyword === 'additionalProperties') return { field: fieldName([...path, String(err.params.additionalProperty)]), reason: 'unknown field' };
  if (err.keyword === 'required') {
    const missing = [...path, String(err.params.missingProperty)];
    return { field: fieldName(missing), reason: reasonAt(missing, undefined) ?? 'is required' };
  }
  const value = valueAt(json, path);
  return { field: fieldName(path), reason: reasonAt(path, value) ?? typeReason(err) };
}

function depth(instancePath: string): number {
  return instancePath === '' ? 0 : instancePath.split('/').length;
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `zones[2].bootAt` for ['zones', '2', 'bootAt']. */
function fieldName(path: readonly string[]): string {
  let out = '';
  for (const p of path) out += /^\d+$/.test(p) ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

function valueAt(json: unknown, path: readonly string[]): unknown {
  let v = json;
  for (const p of path) v = typeof v === 'object' && v !== null && Object.hasOwn(v, p) ? (v as Node)[p] : undefined;
  return v;
}

function resolve(node: Node): Node {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const target = ref.replace(/^#\//, '').split('/').reduce<unknown>((n, k) => (n as Node)[k], schema);
  return { ...resolve(target as Node), ...node, $ref: undefined };
}

/** The subschema a property is checked by, wherever the schema declares it (also in if/then/else). */
function propertySchema(node: Node, name: string): Node | undefined {
  const props = node.properties as Readonly<Record<string, unknown>> | undefined;
  const own = props && Object.hasOwn(props, name) ? props[name] : undefined;
  if (typeof own === 'object' && own !== null) return resolve(own as Node);
  for (const k of ['then', 'else'] as const) {
    const sub = node[k];
    const found = typeof sub === 'object' && sub !== null ? propertySchema(sub as Node, name) : undefined;
    if (found) return found;
  }
  for (const sub of (node.allOf as readonly Node[] | undefined) ?? []) {
    const found = propertySchema(sub, name);
    if (found) return found;
  }
  return undefined;
}

function reasonAt(path: readonly string[], value: unknown): string | undefined {
  let node: Node | undefined = schema;
  for (const p of path) {
    if (!node) return undefined;
    node = /^\d+$/.test(p) && typeof node.items === 'object' ? resolve(node.items as Node) : propertySchema(node, p);
  }
  const reason = node?.reason;
  return typeof reason === 'string' ? reason.replace('{value}', JSON.stringify(value) ?? String(value)) : undefined;
}

function typeReason(err: SchemaCheckError): string {
  if (err.keyword !== 'type') return err.message ?? 'does not match the workload schema';
  const want = String(err.params.type).split(',');
  const article = (t: string): string => (t === 'object' ? 'an object' : t === 'array' ? 'an array' : t === 'integer' ? 'an integer' : `a ${t}`);
  return `must be ${want.map(article).join(' or ')}`;
}
