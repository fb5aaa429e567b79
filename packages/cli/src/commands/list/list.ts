/*
 * `zsdtrace -l`: lists the simulated kernel's probes as dtrace(1) does; with -n/-P/-m/-f/-i only
 * those selected, and with -s the probes the script's clauses match (compiled through the
 * tracing handle with zdefs and defaultargs, so that a listing never fails on a match count or
 * a missing macro argument).
 */

import { createEngine, engineLibraries, loadWorkload, WorkloadError } from '@zsdtrace/core';
import { openTrace, type Probe } from '@zsdtrace/probes';
import type { CliArgs } from '../../args.js';
import { PROGNAME, type Io } from '../../io.js';
import { listHeader, listRow, listVerbose, selectProbes } from './probe-list.js';

export function listCommand(args: CliArgs, io: Io): number {
  let engine;
  try {
    engine = createEngine({ workload: loadWorkload(args.command ?? args.workload ?? 'illumos', args.params) });
  } catch (e) {
    if (e instanceof WorkloadError) {
      io.stderr.write(`${PROGNAME}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const handle = openTrace({ host: engine.host, registry: engine.registry, libraries: engineLibraries, cpp: args.cpp, progname: PROGNAME });
  const specs = args.programs.filter((p) => p.kind !== 's');
  const selected = specs.length > 0 || args.programs.length === 0 ? selectProbes(engine.registry, specs) : [];
  if (typeof selected === 'string') {
    io.stderr.write(`${PROGNAME}: invalid probe specifier ${selected}: invalid probe description\n`);
    return 1;
  }
  // -l -s script.d lists the probes the script's clauses match, as dtrace does.
  const chosen = new Set<Probe>(selected);
  const scripts = args.programs.filter((q) => q.kind === 's');
  if (scripts.length > 0) {
    for (const [name, value] of [...Object.entries(args.options), ['zdefs', true], ['defaultargs', true]] as const) {
      const why = handle.setopt(name, value);
      if (why !== null) {
        io.stderr.write(`${PROGNAME}: ${why}\n`);
        return 1;
      }
    }
  }
  for (const p of scripts) {
    const r = handle.compile([{ kind: 'file', path: p.value }], args.macroArgs);
    if (!r.ok) {
      io.stderr.write(`${r.failure.message}\n`);
      return 1;
    }
    for (const e of r.program.enablings) {
      const probe = engine.registry.byId(e.probeId);
      if (probe) chosen.add(probe);
    }
  }
  const probes = [...chosen].sort((x, y) => x.id - y.id);
  let out = listHeader();
  for (const p of probes) {
    out += listRow(p);
    if (args.verbose) out += listVerbose(p);
  }
  io.stdout.write(out);
  return 0;
}
