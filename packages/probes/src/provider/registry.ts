/*
 * The probe registry: every probe any provider declared, with stable ids in declaration order,
 * lookup by description, and the enable/disable mechanism.
 *
 * Ids 1, 2 and 3 are reserved for dtrace:::BEGIN, END and ERROR, as in DTrace. A probe declared
 * twice under the same four names is the same probe. Providers whose probes are created on demand
 * (profile's `tick-N`) register a factory; `match()` asks it about exact names it does not have.
 *
 * `match()` runs once per clause description, so it avoids scanning every probe: a description
 * with four exact fields is one map lookup, and one whose provider field is exact only scans
 * that provider's probes (kept in id order, so results stay in id order).
 */

import { Probe, type ProbeArg, type ProbeHandler } from './probe.js';
import { isGlob, matchProbe, type ProbeDescription } from './description.js';

/** Creates a probe on demand for an exact description (used for `profile:::tick-50ms`). */
export type ProbeFactory = (desc: ProbeDescription, registry: ProbeRegistry) => Probe | null;

/**
 * Every registry created in this process, weakly held under a global symbol, so that an agent
 * loaded later (`zsdtrace -p`, `-c`) can find the program's own providers whichever copy of
 * this module declared them.
 */
const REGISTRIES = Symbol.for('zsdtrace.registries');

function announce(registry: ProbeRegistry): void {
  const g = globalThis as { [REGISTRIES]?: Set<WeakRef<ProbeRegistry>> };
  (g[REGISTRIES] ??= new Set()).add(new WeakRef(registry));
}

/** The registries announced in this process and still alive. */
export function liveRegistries(): ProbeRegistry[] {
  const set = (globalThis as { [REGISTRIES]?: Set<WeakRef<ProbeRegistry>> })[REGISTRIES];
  const out: ProbeRegistry[] = [];
  for (const ref of set ?? []) {
    const r = ref.deref();
    if (r) out.push(r);
    else set!.delete(ref);
  }
  return out;
}

export class ProbeRegistry {
  private readonly list: Probe[] = [];
  private readonly byName = new Map<string, Probe>();
  private readonly byProvider = new Map<string, Probe[]>();
  private readonly handlers = new Map<Probe, ProbeHandler[]>();
  private readonly factories = new Map<string, ProbeFactory>();
  private nextId = 1;

  constructor(announced = true) {
    if (announced) announce(this);
    this.declare('dtrace', '', '', 'BEGIN', []);
    this.declare('dtrace', '', '', 'END', []);
    this.declare('dtrace', '', '', 'ERROR', [
      { type: 'uint64_t', name: 'arg0' },
      { type: 'uint64_t', name: 'epid' },
      { type: 'uint64_t', name: 'action' },
      { type: 'uint64_t', name: 'offset' },
      { type: 'uint64_t', name: 'fault' },
      { type: 'uint64_t', name: 'addr' },
    ]);
  }

  /** Declares (or returns the existing) probe with these names. */
  declare(provider: string, module: string, func: string, name: string, args: readonly ProbeArg[]): Probe {
    const key = `${provider}:${module}:${func}:${name}`;
    const existing = this.byName.get(key);
    if (existing) return existing;
    const probe = new Probe(this.nextId++, provider, module, func, name, args);
    this.list.push(probe);
    this.byName.set(key, probe);
    const same = this.byProvider.get(provider);
    if (same) same.push(probe);
    else this.byProvider.set(provider, [probe]);
    return probe;
  }

  /** Lets a provider create probes on demand for exact descriptions naming it. */
  addFactory(provider: string, factory: ProbeFactory): void {
    this.factories.set(provider, factory);
  }

  get probes(): readonly Probe[] {
    return this.list;
  }

  byId(id: number): Probe | undefined {
    const p = this.list[id - 1];
    return p && p.id === id ? p : this.list.find((q) => q.id === id);
  }

  lookup(provider: string, module: string, func: string, name: string): Probe | undefined {
    return this.byName.get(`${provider}:${module}:${func}:${name}`);
  }

  /** Every probe the description matches, in id order; may create on-demand probes. */
  match(desc: ProbeDescription): Probe[] {
    const found = this.candidates(desc);
    if (found.length === 0 && !isGlob(desc.provider) && desc.provider !== '') {
      const factory = this.factories.get(desc.provider);
      const made = factory?.(desc, this);
      if (made) return [made];
    }
    if (found.length === 0 && desc.provider === '') {
      // `tick-1s` alone names the profile provider's on-demand probes too.
      for (const factory of this.factories.values()) {
        const made = factory(desc, this);
        if (made) return [made];
      }
    }
    return found;
  }

  /** The probes matching desc, in id order, looked up exactly where the fields allow it. */
  private candidates(desc: ProbeDescription): Probe[] {
    if (desc.provider === '' || isGlob(desc.provider)) return this.list.filter((p) => matchProbe(desc, p));
    if (desc.module !== '' && desc.func !== '' && desc.name !== '' && !isGlob(desc.module) && !isGlob(desc.func) && !isGlob(desc.name)) {
      const p = this.lookup(desc.provider, desc.module, desc.func, desc.name);
      // The key joins names with ':', so confirm the fields (a name may itself hold a ':').
      return p && matchProbe(desc, p) ? [p] : [];
    }
    const same = this.byProvider.get(desc.provider);
    return same ? same.filter((p) => matchProbe(desc, p)) : [];
  }

  /** Installs a handler; returns the function that removes it. */
  enable(probe: Probe, handler: ProbeHandler): () => void {
    const hs = this.handlers.get(probe) ?? [];
    hs.push(handler);
    this.handlers.set(probe, hs);
    this.install(probe);
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      const cur = this.handlers.get(probe) ?? [];
      const i = cur.indexOf(handler);
      if (i >= 0) cur.splice(i, 1);
      this.install(probe);
    };
  }

  private install(probe: Probe): void {
    const hs = this.handlers.get(probe) ?? [];
    if (hs.length === 0) {
      probe.enabled = false;
      probe.fire = () => {};
    } else if (hs.length === 1) {
      probe.fire = hs[0]!;
      probe.enabled = true;
    } else {
      const all = hs.slice();
      probe.fire = (a0, a1, a2, a3, a4, a5, a6, a7, a8, a9) => {
        for (const h of all) h(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9);
      };
      probe.enabled = true;
    }
  }
}
