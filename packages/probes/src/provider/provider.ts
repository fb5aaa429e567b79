/*
 * A provider: the declaring side of probes (the `sys/sdt.h` of this world). Instrumented code
 * creates one provider, declares its probes once at load, and keeps the returned Probe objects.
 */

import type { Probe, ProbeArg } from './probe.js';
import type { ProbeRegistry } from './registry.js';

export class Provider {
  constructor(
    readonly name: string,
    readonly registry: ProbeRegistry,
  ) {}

  /** Declares `name:module:func:probeName`. Arguments may be given as type strings. */
  probe(module: string, func: string, probeName: string, args: readonly (ProbeArg | string)[] = []): Probe {
    const typed = args.map((a) => (typeof a === 'string' ? { type: a } : a));
    return this.registry.declare(this.name, module, func, probeName, typed);
  }
}
