/*
 * The program's source units from the command line (-s files, preprocessed with -C; -n -P -m
 * -f -i descriptions), read on zsdtrace's side and sent to the target to compile there.
 * Reading and cpp are the tracing handle's (loadSources); failures come back as dtrace's messages.
 */

import { loadSources, type ProgramSource } from '@zsdtrace/probes';
import type { CliArgs } from '../../../args.js';

export function readUnits(args: CliArgs) {
  const sources = args.programs.map((p): ProgramSource => (p.kind === 's' ? { kind: 'file', path: p.value } : { kind: p.kind, text: p.value }));
  const r = loadSources(sources, args.options.cpp === true ? args.cpp : null);
  return 'error' in r ? r : r.units;
}
