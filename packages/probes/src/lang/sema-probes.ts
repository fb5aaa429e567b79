/*
 * Probe matching (d-language.md 1.3): each probe description of a clause is matched against
 * the ProbeRegistry (globs, numeric ids, on-demand profile probes). A description matching
 * nothing is `D_PDESC_ZERO` unless `zdefs` (-Z). Descriptions are not merged: a probe that two
 * descriptions of a clause match is enabled twice.
 */

import type { Probe } from '../provider/probe.js';
import type { ProbeRegistry } from '../provider/registry.js';
import { formatProbeDescription, parseProbeDescription, type ProbeDescription } from '../provider/description.js';
import type { ProbeSpec } from './ast.js';
import { fail } from './sema-expr.js';

const NUMERIC_ID = /^\d+$/;

// Scripts repeat the same few descriptions across clauses; descriptions are immutable values.
const parsedDescriptions = new Map<string, ProbeDescription | null>();
const PARSED_LIMIT = 4096;

function parseCached(text: string): ProbeDescription | null {
  let desc = parsedDescriptions.get(text);
  if (desc === undefined) {
    desc = parseProbeDescription(text);
    if (parsedDescriptions.size >= PARSED_LIMIT) parsedDescriptions.clear();
    parsedDescriptions.set(text, desc);
  }
  return desc;
}

export function matchProbes(specs: readonly ProbeSpec[], registry: ProbeRegistry, zdefs: boolean): Probe[] {
  const out: Probe[] = [];
  for (const spec of specs) {
    let found: Probe[];
    let shown = spec.text;
    if (NUMERIC_ID.test(spec.text)) {
      const p = registry.byId(Number(spec.text));
      found = p ? [p] : [];
    } else {
      const desc = parseCached(spec.text);
      if (!desc) return fail('D_PDESC_INVAL', `invalid probe description "${spec.text}": Overspecified probe description`, spec.at);
      shown = formatProbeDescription(desc);
      found = registry.match(desc);
    }
    if (found.length === 0 && !zdefs) fail('D_PDESC_ZERO', `probe description ${shown} does not match any probes`, spec.at);
    // Each description enables its own probes: a probe named by two descriptions of one clause
    // runs the clause twice per firing, as dtrace creates one ECB per description and probe.
    const seen = new Set<number>();
    for (const p of found) {
      if (!seen.has(p.id)) {
        seen.add(p.id);
        out.push(p);
      }
    }
  }
  return out;
}
