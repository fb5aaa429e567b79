/*
 * What dtrace_go does with the buffers before tracing starts, and what dtrace(1) prints:
 *
 * - a buffer larger than can be had (here LIMITS.bufferBytes) is halved until it fits under
 *   `bufresize=auto`, and dtrace(1) reports `buffer size lowered to 128m` (likewise aggregation,
 *   speculation and dynamic variable size); under `bufresize=manual` tracing is refused with
 *   ENOMEM, `Not enough space`;
 * - the principal buffer is taken down to a multiple of 8 bytes; less than 8 leaves no buffer
 *   (`Not enough space`);
 * - under `bufpolicy=fill` the buffer must keep room for everything END records
 *   (EDT_ENDTOOBIG).
 *
 * Record sizes are the runtime's (codegen.ts recordBytes), not dtrace's exact layout.
 */

import type { Program } from '../program/program.js';
import type { ProgramOptions } from '../program/options.js';
import { LIMITS } from '../program/limits.js';

/** The END probe's id in every registry (runtime.ts). */
const END_PROBE = 2;

const SIZES = [
  ['bufsize', 'buffer size'], ['aggsize', 'aggregation size'],
  ['specsize', 'speculation size'], ['dynvarsize', 'dynamic variable size'],
] as const;

export interface BufferPlan {
  /** Why tracing cannot be enabled (dtrace's message), or null. */
  readonly problem: string | null;
  /** The program with any lowered sizes in its options. */
  readonly program: Program;
  /** `buffer size lowered to …` lines, without the program-name prefix. */
  readonly notices: readonly string[];
}

/** dtrace(1)'s form of a lowered size: `200m` when a whole number of a unit, else `N bytes`. */
function sizeText(n: number): string {
  let j = 0;
  let mul = 10;
  while (2 ** mul <= n) {
    j++;
    mul += 10;
  }
  const unit = 2 ** (mul - 10);
  return n % unit === 0 ? `${n / unit}${' kmgtpe'[j]}` : `${n} bytes`;
}

export function planBuffers(program: Program): BufferPlan {
  const o = program.options;
  const changed: Partial<Record<(typeof SIZES)[number][0], number>> = {};
  const notices: string[] = [];
  for (const [name, label] of SIZES) {
    let size = o[name];
    if (size <= LIMITS.bufferBytes) continue;
    if (o.bufresize === 'manual') return { problem: 'Not enough space', program, notices };
    while (size > LIMITS.bufferBytes) size = Math.floor(size / 2 / 8) * 8;
    changed[name] = size;
    notices.push(`${label} lowered to ${sizeText(size)}`);
  }
  const options: ProgramOptions = notices.length > 0 ? Object.freeze({ ...o, ...changed }) : o;
  const planned = options === o ? program : { ...program, options };
  return { problem: bufferProblem(planned), program: planned, notices };
}

function bufferProblem(program: Program): string | null {
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
