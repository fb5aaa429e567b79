/*
 * The profile provider (d-language.md 1.3): `profile-N` and `tick-N` with an optional unit
 * (ns nsec us usec ms msec s sec m min h hour d day hz; none = hz), created on demand by a
 * registry factory; the classic set is pre-declared so that `-l` lists it. The runtime fires
 * them from `host.every` (virtual time in the simulated kernel).
 */

import type { ProbeRegistry } from '../provider/registry.js';
import { nameTable } from '../name-table.js';

const UNIT_NS: Readonly<Record<string, number>> = nameTable({
  ns: 1, nsec: 1, us: 1e3, usec: 1e3, ms: 1e6, msec: 1e6, s: 1e9, sec: 1e9,
  m: 60e9, min: 60e9, h: 3600e9, hour: 3600e9, d: 86400e9, day: 86400e9,
});

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
  const m = /^(profile|tick)-(\d+)([a-z]*)$/i.exec(name);
  if (!m) return null;
  const n = Number(m[2]);
  const unit = m[3]!.toLowerCase();
  if (n <= 0 || !Number.isSafeInteger(n)) return null;
  let ns: number;
  if (unit === '' || unit === 'hz') ns = 1e9 / n;
  else if (Object.hasOwn(UNIT_NS, unit)) ns = n * UNIT_NS[unit]!;
  else return null;
  if (ns < PROFILE_INTERVAL_MIN_NS || !Number.isSafeInteger(Math.round(ns))) return null;
  return { kind: m[1]!.toLowerCase() as 'profile' | 'tick', ns: Math.max(1, Math.round(ns)) };
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
