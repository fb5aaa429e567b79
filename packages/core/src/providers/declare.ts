/*
 * Declares every provider the engine offers on a ProbeRegistry and returns the Probe objects
 * the engine's sites test (`if (p.enabled) p.fire(a, b)`).
 *
 * - sdt: one probe per DTRACE_PROBE2 site of spec 1.6, in the function where it fires, named as
 *   DTrace names it (`zsd__create__needed` -> `zsd-create-needed`).
 * - fbt: entry/return of each engine function (entry args = the function's arguments; return
 *   arg0 = offset 0, arg1 = return value).
 * - lockstat, sched, zone:::status.
 * Declaration happens once per engine; it must not enable anything.
 */

import { Provider, type Probe, type ProbeArg, type ProbeRegistry } from '@zsdtrace/probes/provider';
import type { KernelProbes } from '../sim/kernel.js';
import { engineFunctions, type EngineFunction, type FunctionTable } from './functions.js';

export interface FbtPair {
  readonly id: number;
  readonly entry: Probe;
  readonly ret: Probe;
}

type PhaseProbes = { inprogress: Probe; start: Probe; end: Probe; completed: Probe };

export interface SdtProbes {
  readonly createNeededKeyCreate: Probe;
  readonly createNeededConfigure: Probe;
  readonly shutdownNeededCallbacks: Probe;
  readonly destroyNeededCallbacks: Probe;
  readonly shutdownNeededKeyDelete: Probe;
  readonly destroyNeededKeyDelete: Probe;
  readonly create: PhaseProbes;
  readonly shutdown: PhaseProbes;
  readonly destroy: PhaseProbes;
  readonly waitForCreator: Probe;
  readonly waitForInprogress: Probe;
}

export interface EngineProbes {
  readonly sdt: SdtProbes;
  readonly fbt: Record<EngineFunction, FbtPair>;
  readonly kernel: KernelProbes;
  readonly zoneStatus: Probe;
}

const ZONE: ProbeArg = { type: 'zone_t *', name: 'zone' };
const KEY: ProbeArg = { type: 'zone_key_t', name: 'key' };
const ENTRY: ProbeArg = { type: 'struct zsd_entry *', name: 'entry' };

/** fbt argument and return types, from the C prototypes. */
const signatures: Record<EngineFunction, { args: string[]; ret: string }> = {
  zone_key_create: { args: ['zone_key_t *', 'void *', 'void *', 'void *'], ret: 'void' },
  zone_key_delete: { args: ['zone_key_t'], ret: 'int' },
  zsd_apply_create: { args: ['kmutex_t *', 'boolean_t', 'zone_t *', 'zone_key_t'], ret: 'boolean_t' },
  zsd_apply_shutdown: { args: ['kmutex_t *', 'boolean_t', 'zone_t *', 'zone_key_t'], ret: 'boolean_t' },
  zsd_apply_destroy: { args: ['kmutex_t *', 'boolean_t', 'zone_t *', 'zone_key_t'], ret: 'boolean_t' },
  zsd_apply_all_zones: { args: ['void *', 'zone_key_t'], ret: 'void' },
  zsd_apply_all_keys: { args: ['void *', 'zone_t *'], ret: 'void' },
  zone_zsd_configure: { args: ['zone_t *'], ret: 'void' },
  zone_zsd_callbacks: { args: ['zone_t *', 'int'], ret: 'void' },
  zsd_wait_for_creator: { args: ['zone_t *', 'struct zsd_entry *', 'kmutex_t *'], ret: 'boolean_t' },
  zsd_wait_for_inprogress: { args: ['zone_t *', 'struct zsd_entry *', 'kmutex_t *'], ret: 'boolean_t' },
  zone_create: { args: ['string', 'int'], ret: 'zoneid_t' },
  zsched: { args: ['zone_t *'], ret: 'void' },
  zone_boot: { args: ['zoneid_t'], ret: 'int' },
  zone_shutdown: { args: ['zoneid_t'], ret: 'int' },
  zone_destroy: { args: ['zoneid_t'], ret: 'int' },
  zone_getspecific: { args: ['zone_key_t', 'zone_t *'], ret: 'void *' },
  zone_setspecific: { args: ['zone_key_t', 'zone_t *', 'void *'], ret: 'int' },
  zone_find_by_id: { args: ['zoneid_t'], ret: 'zone_t *' },
  zone_find_by_id_nolock: { args: ['zoneid_t'], ret: 'zone_t *' },
  zone_getattr: { args: ['zoneid_t', 'int'], ret: 'int' },
  zone_free: { args: ['zone_t *'], ret: 'void' },
  zone_free_zsd: { args: ['zone_t *'], ret: 'void' },
  zone_status_set: { args: ['zone_t *', 'int'], ret: 'void' },
  zone_hold: { args: ['zone_t *'], ret: 'void' },
  zone_rele: { args: ['zone_t *'], ret: 'void' },
  zone_cred_hold: { args: ['zone_t *'], ret: 'void' },
  zone_cred_rele: { args: ['zone_t *'], ret: 'void' },
  zsd_find: { args: ['list_t *', 'zone_key_t'], ret: 'struct zsd_entry *' },
  zsd_find_mru: { args: ['list_t *', 'zone_key_t'], ret: 'struct zsd_entry *' },
  modload: { args: ['string'], ret: 'int' },
  modunload: { args: ['string'], ret: 'int' },
};

/** Probes already declared on a registry: engines built on one registry share them (the
 *  exhaustive explorer builds thousands of engines, and probe ids are the same for all). */
const declared = new WeakMap<ProbeRegistry, EngineProbes>();

export function declareEngineProbes(registry: ProbeRegistry, fns: FunctionTable): EngineProbes {
  const cached = declared.get(registry);
  if (cached) return cached;
  const probes = declareOnce(registry, fns);
  declared.set(registry, probes);
  return probes;
}

/*
 * The probe sets are class instances, not object literals: V8 gives an object literal run a
 * second time (the next engine's declaration) a boilerplate whose placeholder values widen the
 * field types the optimised probe sites of the first engine were compiled against, and every
 * one of those sites is then deoptimised. Fields assigned in a constructor keep their types.
 */

type SdtProbe = (func: string, name: string, arg1?: ProbeArg) => Probe;

class PhaseProbeSet implements PhaseProbes {
  readonly inprogress: Probe;
  readonly start: Probe;
  readonly end: Probe;
  readonly completed: Probe;

  constructor(s: SdtProbe, p: 'create' | 'shutdown' | 'destroy') {
    const func = `zsd_apply_${p}`;
    this.inprogress = s(func, `zsd-${p}-inprogress`);
    this.start = s(func, `zsd-${p}-start`);
    this.end = s(func, `zsd-${p}-end`, p === 'create' ? { type: 'void *', name: 'result' } : KEY);
    this.completed = s(func, `zsd-${p}-completed`);
  }
}

/** Declared in this order (probe ids follow it). */
class SdtProbeSet implements SdtProbes {
  readonly createNeededKeyCreate: Probe;
  readonly createNeededConfigure: Probe;
  readonly shutdownNeededCallbacks: Probe;
  readonly destroyNeededCallbacks: Probe;
  readonly shutdownNeededKeyDelete: Probe;
  readonly destroyNeededKeyDelete: Probe;
  readonly create: PhaseProbes;
  readonly shutdown: PhaseProbes;
  readonly destroy: PhaseProbes;
  readonly waitForCreator: Probe;
  readonly waitForInprogress: Probe;

  constructor(s: SdtProbe) {
    this.createNeededKeyCreate = s('zone_key_create', 'zsd-create-needed');
    this.createNeededConfigure = s('zone_zsd_configure', 'zsd-create-needed');
    this.shutdownNeededCallbacks = s('zone_zsd_callbacks', 'zsd-shutdown-needed');
    this.destroyNeededCallbacks = s('zone_zsd_callbacks', 'zsd-destroy-needed');
    this.shutdownNeededKeyDelete = s('zone_key_delete', 'zsd-shutdown-needed');
    this.destroyNeededKeyDelete = s('zone_key_delete', 'zsd-destroy-needed');
    this.create = new PhaseProbeSet(s, 'create');
    this.shutdown = new PhaseProbeSet(s, 'shutdown');
    this.destroy = new PhaseProbeSet(s, 'destroy');
    this.waitForCreator = s('zsd_wait_for_creator', 'zsd-wait-for-creator', ENTRY);
    this.waitForInprogress = s('zsd_wait_for_inprogress', 'zsd-wait-for-inprogress', ENTRY);
  }
}

class FbtPairOf implements FbtPair {
  constructor(
    readonly id: number,
    readonly entry: Probe,
    readonly ret: Probe,
  ) {}
}

const LWP: readonly ProbeArg[] = [
  { type: 'lwpsinfo_t *', name: 'lwp' },
  { type: 'psinfo_t *', name: 'proc' },
];

/** Declared in this order (probe ids follow it). */
class KernelProbeSet implements KernelProbes {
  readonly acquire: Probe;
  readonly block: Probe;
  readonly release: Probe;
  readonly sleep: Probe;
  readonly wakeup: Probe;
  readonly onCpu: Probe;
  readonly offCpu: Probe;

  constructor(registry: ProbeRegistry) {
    const lockstat = new Provider('lockstat', registry);
    const sched = new Provider('sched', registry);
    this.acquire = lockstat.probe('genunix', 'mutex_enter', 'adaptive-acquire', ['kmutex_t *', 'uint64_t']);
    this.block = lockstat.probe('genunix', 'mutex_enter', 'adaptive-block', ['kmutex_t *', 'uint64_t']);
    this.release = lockstat.probe('genunix', 'mutex_exit', 'adaptive-release', ['kmutex_t *']);
    this.sleep = sched.probe('genunix', 'cv_block', 'sleep');
    this.wakeup = sched.probe('genunix', 'sleepq_wakeall_chan', 'wakeup', LWP);
    this.onCpu = sched.probe('genunix', 'resume', 'on-cpu');
    this.offCpu = sched.probe('genunix', 'swtch', 'off-cpu', LWP);
  }
}

class EngineProbeSet implements EngineProbes {
  constructor(
    readonly sdt: SdtProbes,
    readonly fbt: Record<EngineFunction, FbtPair>,
    readonly kernel: KernelProbes,
    readonly zoneStatus: Probe,
  ) {}
}

function declareOnce(registry: ProbeRegistry, fns: FunctionTable): EngineProbes {
  const sdt = new Provider('sdt', registry);
  const sdtProbes = new SdtProbeSet((func, name, arg1 = KEY) => sdt.probe('genunix', func, name, [ZONE, arg1]));

  const fbt = new Provider('fbt', registry);
  const fbtProbes = {} as Record<EngineFunction, FbtPair>;
  for (const name of engineFunctions) {
    const sig = signatures[name];
    fbtProbes[name] = new FbtPairOf(
      fns.id(name),
      fbt.probe('genunix', name, 'entry', sig.args),
      fbt.probe('genunix', name, 'return', ['int', sig.ret === 'void' ? 'int' : sig.ret]),
    );
  }

  const kernel = new KernelProbeSet(registry);

  const zone = new Provider('zone', registry);
  const zoneStatus = zone.probe('genunix', 'zone_status_set', 'status', [
    ZONE,
    { type: 'int', name: 'old' },
    { type: 'int', name: 'new' },
  ]);
  return new EngineProbeSet(sdtProbes, fbtProbes, kernel, zoneStatus);
}
