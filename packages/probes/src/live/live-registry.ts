/*
 * The probe registry of a D program running inside a traced process: the `node<pid>` provider,
 * the profile provider, and a mirror of every probe the program itself declared on its own
 * registries (`@zsdtrace/probes/provider`, whichever copy of the module it loaded). Enabling a
 * mirrored probe installs the handler on the program's registry; enabling a node probe
 * subscribes its channel. Disabling undoes exactly that.
 */

import type { Probe, ProbeHandler } from '../provider/probe.js';
import { liveRegistries, ProbeRegistry } from '../provider/registry.js';
import type { NodeProvider } from './node-provider.js';

export class LiveRegistry extends ProbeRegistry {
  private readonly mirrors = new Map<Probe, { registry: ProbeRegistry; probe: Probe }>();
  private readonly seen = new Set<Probe>();
  node: NodeProvider | null = null;

  constructor() {
    super(false);
  }

  /** Declares here every probe of the program's registries not yet mirrored. */
  mirrorProgram(): void {
    for (const r of liveRegistries()) {
      if (r === this) continue;
      for (const p of r.probes) {
        if (p.provider === 'dtrace' || this.seen.has(p)) continue;
        this.seen.add(p);
        const mine = this.declare(p.provider, p.module, p.func, p.name, p.args);
        if (!this.mirrors.has(mine)) this.mirrors.set(mine, { registry: r, probe: p });
      }
    }
  }

  override enable(probe: Probe, handler: ProbeHandler): () => void {
    const off = super.enable(probe, handler);
    const m = this.mirrors.get(probe);
    const extra = m ? m.registry.enable(m.probe, handler) : (this.node?.activate(probe) ?? null);
    return () => {
      off();
      extra?.();
    };
  }
}
