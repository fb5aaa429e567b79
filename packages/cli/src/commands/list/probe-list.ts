/*
 * `zsdtrace -l`: the probe listing of dtrace(1) (list_probe in cmd/dtrace.c): a header and one
 * row per probe with the widths "%5s %10s %17s %33s %s"; with -v, each probe's stability
 * attributes and argument types follow it.
 */

import { parseProbeDescription, type Probe, type ProbeRegistry } from '@zsdtrace/probes/provider';
import { matchProbe } from '@zsdtrace/probes/provider';
import type { ProgramArg } from '../../args.js';

export function listHeader(): string {
  return `${'ID'.padStart(5)} ${'PROVIDER'.padStart(10)} ${'MODULE'.padStart(17)} ${'FUNCTION'.padStart(33)} NAME\n`;
}

export function listRow(p: Probe): string {
  return `${String(p.id).padStart(5)} ${p.provider.padStart(10)} ${p.module.padStart(17)} ${p.func.padStart(33)} ${p.name}\n`;
}

export function listVerbose(p: Probe): string {
  const lines = [
    '',
    '\tProbe Description Attributes',
    '\t\tIdentifier Names: Private',
    '\t\tData Semantics:   Private',
    '\t\tDependency Class: Unknown',
    '',
    '\tArgument Attributes',
    '\t\tIdentifier Names: Private',
    '\t\tData Semantics:   Private',
    '\t\tDependency Class: ISA',
    '',
    '\tArgument Types',
  ];
  if (p.args.length === 0) lines.push('\t\tNone');
  p.args.forEach((a, i) => lines.push(`\t\targs[${i}]: ${a.type}`));
  return lines.join('\n') + '\n\n';
}

/** Strips the predicate/actions from a -n style argument: dtrace crops at `{`, `/` or `;`. */
export function cropSpec(spec: string): string {
  const m = /[{/;]/.exec(spec);
  return (m ? spec.slice(0, m.index) : spec).trim();
}

/** Which probes a listing selects; null means a description that is not a valid description. */
export function selectProbes(registry: ProbeRegistry, specs: readonly ProgramArg[]): Probe[] | string {
  if (specs.length === 0) return registry.probes.slice();
  const chosen = new Set<Probe>();
  for (const s of specs) {
    if (s.kind === 's') continue;
    const text = cropSpec(s.value);
    if (s.kind === 'i') {
      const p = registry.byId(Number(text));
      if (p) chosen.add(p);
      continue;
    }
    for (const part of text.split(',').map((x) => x.trim()).filter(Boolean)) {
      const desc =
        s.kind === 'n' ? parseProbeDescription(part)
        : s.kind === 'P' ? { provider: part, module: '', func: '', name: '' }
        : s.kind === 'm' ? parseProbeDescription(`${part}::`)
        : parseProbeDescription(`${part}:`);
      if (!desc) return part;
      for (const p of registry.match(desc)) if (matchProbe(desc, p)) chosen.add(p);
    }
  }
  return [...chosen].sort((x, y) => x.id - y.id);
}
