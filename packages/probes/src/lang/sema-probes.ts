/*
 * Probe matching (d-language.md 1.3): each probe description of a clause is matched against
 * the ProbeRegistry (globs, numeric ids, on-demand profile probes). A description matching
 * nothing is `D_PDESC_ZERO` unless `zdefs` (-Z).
 */

import type { Probe } from '../provider/probe.js';
import type { ProbeRegistry } from '../provider/registry.js';
import { formatProbeDescription, parseProbeDescription } from '../provider/description.js';
import type { ProbeSpec } from './ast.js';
import { fail } from './sema-expr.js';

export function matchProbes(specs: readonly ProbeSpec[], registry: ProbeRegistry, zdefs: boolean): Probe[] {
  const out: Probe[] = [];
  const seen = new Set<number>();
  for (const spec of specs) {
    let found: Probe[];
    let shown = spec.text;
    if (/^\d+$/.test(spec.text)) {
      const p = registry.byId(Number(spec.text));
      found = p ? [p] : [];
    } else {
      const desc = parseProbeDescription(spec.text);
      if (!desc) return fail('D_PDESC_INVAL', `invalid probe description "${spec.text}": Overspecified probe description`, spec.at);
      shown = formatProbeDescription(desc);
      found = registry.match(desc);
    }
    if (found.length === 0 && !zdefs) fail('D_PDESC_ZERO', `probe description ${shown} does not match any probes`, spec.at);
    for (const p of found) {
      if (!seen.has(p.id)) {
        seen.add(p.id);
        out.push(p);
      }
    }
  }
  return out;
}
