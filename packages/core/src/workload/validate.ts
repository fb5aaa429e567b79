/*
 * Validation of the workload JSON format (docs/workloads.md) into the normalised Workload.
 *
 * Input: any parsed JSON value. Output: a Workload, or a WorkloadError naming the first bad
 * field by its path and saying what it must be. Unknown fields are errors too (a typo must not
 * silently change a run). It never reads files and never draws random numbers.
 *
 * The value is first checked against the published JSON Schema (schema.ts); what follows adds
 * the rules a schema cannot state (time order, inverted ranges, key references, duplicate
 * names) and keeps its own type checks only to narrow the types for the code below.
 */

import { parseDuration, parseDurationLiteral } from './duration.js';
import { WorkloadError } from './errors.js';
import { schemaFailure } from './schema.js';
import type { CallbackAction, CallbackSpec, Duration, KeySpec, ModuleSpec, Workload, ZoneSpec } from './types.js';

type Obj = Record<string, unknown>;

const DURATION_REASON = 'must be a non-negative duration like "5ms"';
const RANGE_REASON = 'must be a non-negative duration like "5ms" or a range like ["1ms", "5ms"]';
const SIMPLE_ACTIONS = [
  'zone_find_by_id',
  'zone_find_by_id_nolock',
  'zcmn_err',
  'zone_getspecific',
  'zone_setspecific',
  'zone_hold',
  'crhold',
  'crfree',
] as const;

export function validateWorkload(json: unknown, source?: string): Workload {
  const fail = (field: string, reason: string): never => {
    throw new WorkloadError(field, reason, source);
  };
  const obj = (v: unknown, field: string): Obj =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : fail(field, 'must be an object');
  const only = (o: Obj, field: string, allowed: readonly string[]): void => {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) fail(field ? `${field}.${k}` : k, 'unknown field');
  };
  const str = (v: unknown, field: string): string =>
    typeof v === 'string' && /^[A-Za-z_][\w.-]*$/.test(v) ? v : fail(field, 'must be a name (letters, digits, _ . -)');
  const bool = (v: unknown, field: string, dflt: boolean): boolean =>
    v === undefined ? dflt : typeof v === 'boolean' ? v : fail(field, 'must be true or false');
  const dur = (v: unknown, field: string): number => parseDurationLiteral(v) ?? fail(field, DURATION_REASON);
  const range = (v: unknown, field: string): Duration => parseDuration(v) ?? fail(field, RANGE_REASON);
  const list = (v: unknown, field: string): unknown[] =>
    v === undefined ? [] : Array.isArray(v) ? v : fail(field, 'must be an array');

  const bad = schemaFailure(json);
  if (bad) fail(bad.field, bad.reason);
  const root = obj(json, '');
  only(root, '', ['$schema', 'name', 'description', 'keys', 'modules', 'zones', 'period', 'costs']);
  const name = root.name === undefined ? 'workload' : str(root.name, 'name');
  const description =
    root.description === undefined ? '' : typeof root.description === 'string' ? root.description : fail('description', 'must be a string');

  const callback = (v: unknown, field: string): CallbackSpec | undefined => {
    if (v === undefined || v === false || v === null) return undefined;
    if (v === true) return { duration: 1000, exclusiveIpExtra: 0, actions: [] };
    const o = obj(v, field);
    only(o, field, ['duration', 'exclusiveIpExtra', 'actions']);
    const actions = list(o.actions, `${field}.actions`).map((a, i) => action(a, `${field}.actions[${i}]`));
    return {
      duration: o.duration === undefined ? 1000 : range(o.duration, `${field}.duration`),
      exclusiveIpExtra: o.exclusiveIpExtra === undefined ? 0 : range(o.exclusiveIpExtra, `${field}.exclusiveIpExtra`),
      actions,
    };
  };
  const action = (v: unknown, field: string): CallbackAction => {
    if (typeof v === 'string') {
      if ((SIMPLE_ACTIONS as readonly string[]).includes(v)) return { do: v as (typeof SIMPLE_ACTIONS)[number] };
      return fail(field, `unknown action "${v}" (expected one of ${[...SIMPLE_ACTIONS, 'work', 'block', 'zone_key_create'].join(', ')})`);
    }
    const o = obj(v, field);
    const what = o.do;
    if (what === 'work' || what === 'block') {
      only(o, field, ['do', 'duration']);
      return { do: what, duration: range(o.duration, `${field}.duration`) };
    }
    if (what === 'zone_key_create') {
      only(o, field, ['do', 'key']);
      return { do: what, key: str(o.key, `${field}.key`) };
    }
    if (typeof what === 'string' && (SIMPLE_ACTIONS as readonly string[]).includes(what)) {
      only(o, field, ['do']);
      return { do: what as (typeof SIMPLE_ACTIONS)[number] };
    }
    return fail(`${field}.do`, 'must name an action (work, block, zone_key_create, zone_find_by_id, …)');
  };

  const keys: KeySpec[] = list(root.keys, 'keys').map((v, i) => {
    const f = `keys[${i}]`;
    const o = obj(v, f);
    only(o, f, ['name', 'module', 'lazy', 'create', 'shutdown', 'destroy']);
    const k: KeySpec = {
      name: str(o.name, `${f}.name`),
      lazy: bool(o.lazy, `${f}.lazy`, false),
      ...(o.module === undefined ? {} : { module: str(o.module, `${f}.module`) }),
      ...opt('create', callback(o.create, `${f}.create`)),
      ...opt('shutdown', callback(o.shutdown, `${f}.shutdown`)),
      ...opt('destroy', callback(o.destroy, `${f}.destroy`)),
    };
    return k;
  });
  const keyNames = new Map<string, number>();
  keys.forEach((k, i) => {
    if (keyNames.has(k.name)) fail(`keys[${i}].name`, `duplicate key name "${k.name}"`);
    keyNames.set(k.name, i);
  });

  const modules: ModuleSpec[] = list(root.modules, 'modules').map((v, i) => {
    const f = `modules[${i}]`;
    const o = obj(v, f);
    only(o, f, ['name', 'keys', 'loadAt', 'unloadAt']);
    const mkeys = list(o.keys, `${f}.keys`).map((kv, j) => {
      const kn = str(kv, `${f}.keys[${j}]`);
      const ki = keyNames.get(kn);
      if (ki === undefined) fail(`${f}.keys[${j}]`, `no key named "${kn}" in keys`);
      return kn;
    });
    const loadAt = range(o.loadAt ?? 0, `${f}.loadAt`);
    const m: ModuleSpec = { name: str(o.name, `${f}.name`), keys: mkeys, loadAt };
    if (o.unloadAt === undefined) return m;
    const unloadAt = range(o.unloadAt, `${f}.unloadAt`);
    if (lowest(unloadAt) < highest(loadAt)) fail(`${f}.unloadAt`, 'must not be earlier than loadAt');
    return { ...m, unloadAt };
  });

  const zones: ZoneSpec[] = list(root.zones, 'zones').map((v, i) => {
    const f = `zones[${i}]`;
    const o = obj(v, f);
    only(o, f, ['name', 'count', 'initial', 'createAt', 'bootAt', 'haltAt', 'spacing', 'exclusiveIp', 'deathrow', 'zthreadExit']);
    const running = o.initial === 'running';
    if (o.initial !== undefined && !running) fail(`${f}.initial`, 'must be "running" (or absent)');
    for (const field of ['createAt', 'bootAt'] as const) {
      if (running && o[field] !== undefined) fail(`${f}.${field}`, 'must be absent when initial is "running" (the zone is created and booted before the cycle starts)');
    }
    const count = o.count === undefined ? 1 : o.count;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 100_000)
      fail(`${f}.count`, 'must be an integer from 1 to 100000');
    const createAt = range(o.createAt ?? 0, `${f}.createAt`);
    const z: ZoneSpec = {
      name: str(o.name, `${f}.name`),
      count: count as number,
      createAt,
      spacing: o.spacing === undefined ? 0 : dur(o.spacing, `${f}.spacing`),
      exclusiveIp: bool(o.exclusiveIp, `${f}.exclusiveIp`, false),
      ...(running && { initial: 'running' as const }),
      ...opt('bootAt', o.bootAt === undefined ? undefined : range(o.bootAt, `${f}.bootAt`)),
      ...opt('haltAt', o.haltAt === undefined ? undefined : range(o.haltAt, `${f}.haltAt`)),
      ...opt('deathrow', o.deathrow === undefined ? undefined : range(o.deathrow, `${f}.deathrow`)),
      ...opt('zthreadExit', o.zthreadExit === undefined ? undefined : range(o.zthreadExit, `${f}.zthreadExit`)),
    };
    if (z.bootAt !== undefined && lowest(z.bootAt) < highest(createAt)) fail(`${f}.bootAt`, 'must not be earlier than createAt');
    if (z.haltAt !== undefined && lowest(z.haltAt) < highest(z.bootAt ?? createAt))
      fail(`${f}.haltAt`, `must not be earlier than ${z.bootAt !== undefined ? 'bootAt' : 'createAt'}`);
    return z;
  });

  // Every module key must belong to that module; lazy keys must be reachable.
  keys.forEach((k, i) => {
    const owners = modules.filter((m) => m.keys.includes(k.name));
    if (k.module !== undefined && !owners.some((m) => m.name === k.module))
      fail(`keys[${i}].module`, `module "${k.module}" is not defined or does not list this key`);
    if (k.lazy && (k.module !== undefined || owners.length > 0)) fail(`keys[${i}].lazy`, 'a lazy key cannot belong to a module');
    for (const ph of ['create', 'shutdown', 'destroy'] as const) {
      for (const [j, a] of (k[ph]?.actions ?? []).entries()) {
        if (a.do === 'zone_key_create') {
          const target = keys[keyNames.get(a.key) ?? -1];
          if (!target) fail(`keys[${i}].${ph}.actions[${j}].key`, `no key named "${a.key}" in keys`);
          else if (!target.lazy) fail(`keys[${i}].${ph}.actions[${j}].key`, `key "${a.key}" must be declared "lazy": true`);
        }
      }
    }
  });

  const period = root.period === undefined ? defaultPeriod(modules, zones) : dur(root.period, 'period');
  if (period <= 0) fail('period', 'must be a positive duration like "50ms"');
  const c = root.costs === undefined ? {} : obj(root.costs, 'costs');
  only(c, 'costs', ['zschedSetup', 'initStart', 'zoneEmpty']);
  const costs = {
    zschedSetup: c.zschedSetup === undefined ? 20_000 : dur(c.zschedSetup, 'costs.zschedSetup'),
    initStart: c.initStart === undefined ? 50_000 : dur(c.initStart, 'costs.initStart'),
    zoneEmpty: c.zoneEmpty === undefined ? 100_000 : dur(c.zoneEmpty, 'costs.zoneEmpty'),
  };
  return { name, description, keys, modules, zones, period, costs };
}

function opt<K extends string, V>(k: K, v: V | undefined): { [P in K]?: V } {
  return (v === undefined ? {} : { [k]: v }) as { [P in K]?: V };
}

function lowest(d: Duration): number {
  return typeof d === 'number' ? d : d[0];
}

function highest(d: Duration): number {
  return typeof d === 'number' ? d : d[1];
}

/** Long enough for one cycle's last event plus a margin. */
function defaultPeriod(modules: readonly ModuleSpec[], zones: readonly ZoneSpec[]): number {
  let last = 1_000_000;
  for (const m of modules) last = Math.max(last, highest(m.unloadAt ?? m.loadAt));
  for (const z of zones) {
    const end = highest(z.haltAt ?? z.bootAt ?? z.createAt) + (z.count - 1) * z.spacing;
    last = Math.max(last, end);
  }
  return last * 2;
}
