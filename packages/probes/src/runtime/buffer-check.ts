/*
 * The checks dtrace_go makes of the principal buffer before tracing starts, with the messages
 * dtrace(1) prints after `could not enable tracing: `:
 *
 * - the size is taken down to a multiple of 8 bytes; less than 8 leaves no buffer at all
 *   (ENOMEM, "Not enough space");
 * - under `bufpolicy=fill` the buffer must keep room for everything END records
 *   (EDT_ENDTOOBIG).
 *
 * Record sizes are the runtime's (codegen.ts recordBytes), not dtrace's exact layout.
 */

import type { Program } from '../program/program.js';

/** The END probe's id in every registry (runtime.ts). */
const END_PROBE = 2;

/** Why the program's buffers cannot be set up, or null. */
export function bufferProblem(program: Program): string | null {
  const o = program.options;
  const size = o.bufsize - (o.bufsize % 8);
  if (size < 8) return 'Not enough space';
  if (o.bufpolicy === 'fill') {
    let end = 0;
    for (const en of program.enablings) {
      if (en.probeId !== END_PROBE) continue;
      for (const c of en.clauses) end += program.clauses[c.clause]?.needed ?? 0;
    }
    if (end > size) return 'END enablings exceed size of principal buffer';
  }
  return null;
}
