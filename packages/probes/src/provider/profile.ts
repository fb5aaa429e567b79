/*
 * The profile provider (d-language.md 1.3): `profile-N` and `tick-N` with an optional unit
 * (the time parser's units, program/quantities.ts; none = hz, as illumos' profile provider
 * reads it), created on demand by a registry factory; the classic set is pre-declared so that
 * `-l` lists it. The caller installs it on the registry (the tracing handle does); the runtime
 * fires its probes from `host.every` (virtual time in the simulated kernel).
 */

import { parseTime } from '../program/quantities.js';
import type { ProbeRegistry } from './registry.js';

/**
 * The shortest period a profile or tick probe may have: 200us (5000 Hz), illumos'
 * profile_interval_min. A shorter one is never created, so its description matches no probes
 * (D_PDESC_ZERO), as in dtrace.
 */
export const PROFILE_INTERVAL_MIN_NS = 200_000;

const PRE_PROFILE = [97, 199, 499, 997, 1999, 4001, 4999];
const PRE_TICK = [1, 10, 100, 500, 1000, 5000];

/** The period in ns of a profile probe name, or null if the name is not one. */
export function profilePeriod(name: string): { kind: 'profile' | 'tick'; ns: number } | null {
  const m = /^(profile|tick)-(\d+[a-z]*)$/i.exec(name);
  if (!m) return null;
  const ns = parseTime(m[2]!, { bare: 'hz' });
  if (ns === null || ns < PROFILE_INTERVAL_MIN_NS) return null;
  return { kind: m[1]!.toLowerCase() as 'profile' | 'tick', ns };
}

const installed = new WeakSet<ProbeRegistry>();

export function installProfileProvider(registry: ProbeRegistry): void {
  if (installed.has(registry)) return;
  installed.add(registry);
  for (const n of PRE_PROFILE) registry.declare('profile', '', '', `profile-${n}`, [{ type: 'uint64_t' }, { type: 'uint64_t' }]);
  for (const n of PRE_TICK) registry.declare('profile', '', '', `tick-${n}`, [{ type: 'uint64_t' }, { type: 'uint64_t' }]);
  registry.addFactory('profile', (desc, reg) => {
    if (desc.provider !== '' && desc.provider !== 'profile') return null;
    if (desc.module !== '' || desc.func !== '') return null;
    if (!profilePeriod(desc.name)) return null;
    return reg.declare('profile', '', '', desc.name, [{ type: 'uint64_t' }, { type: 'uint64_t' }]);
  });
}
