/*
 * `zsdtrace -l -p PID`: the target's probes (its node<pid> provider, its own providers, the
 * profile provider) listed as dtrace lists them, selected by -n -P -m -f -i when given. The
 * agent sends its registry in id order, so declaring it again here gives the same ids.
 */

import { ProbeRegistry, type ListedProbe } from '@zsdtrace/probes';
import type { CliArgs } from '../../../args.js';
import { listHeader, listRow, listVerbose, selectProbes } from '../../list/probe-list.js';

export function printLiveListing(listings: readonly (readonly ListedProbe[])[], args: CliArgs): string {
  let out = listHeader();
  for (const probes of listings) {
    const registry = new ProbeRegistry(false);
    for (const p of probes) registry.declare(p.provider, p.module, p.func, p.name, p.args.map((type) => ({ type })));
    const selected = selectProbes(registry, args.programs.filter((p) => p.kind !== 's'));
    if (typeof selected === 'string') continue;
    for (const p of selected) {
      out += listRow(p);
      if (args.verbose) out += listVerbose(p);
    }
  }
  return out;
}
