/*
 * How much fits in the sized spaces of the runtime.
 *
 * Dynamic variables: the size of dynamic variable space (`dynvarsize`) in elements. dtrace cuts the space into
 * chunks of one size, that of the largest element any of the program's associative arrays or
 * thread-locals needs (dtrace_difo_chunksize; codegen/link.ts computes each variable's
 * `dynBytes`), and sets aside a hash bucket per chunk. A program with string keys of a large
 * strsize therefore fits few elements in a small dynvarsize.
 */

import type { AggDef, Program } from '../program/program.js';
import type { DataRecord, DType } from '../program/value-model.js';
import { recordBytes } from '../program/record-size.js';
import { quantizeBucketCount } from '../consumer/buckets.js';

/** Bytes charged per element when the program declares no dynamic variable. */
export const DYNVAR_CHUNK = 64;
/** Bytes of hash table per element. */
const DYNHASH_BYTES = 16;

export function dynvarCapacity(program: Program, dynvarsize: number): number {
  let chunk = 0;
  for (const v of program.globals) chunk = Math.max(chunk, v.dynBytes ?? 0);
  for (const v of program.selfVars) chunk = Math.max(chunk, v.dynBytes ?? 0);
  return Math.floor(dynvarsize / ((chunk || DYNVAR_CHUNK) + DYNHASH_BYTES));
}

/*
 * Aggregations: `aggsize` is counted in units of AGG_UNIT bytes. An entry takes its header, its
 * key data (a string key its whole strsize) and its value (a quantize() all of its buckets), so
 * string keys or distributions take several units.
 */

/** Bytes per unit of aggregation space. */
export const AGG_UNIT = 64;
/** Bytes of an aggregation entry's header (hash link, hash value, action, data pointer). */
const AGG_HEADER = 32;

function keyBytes(t: DType, strsize: number): number {
  if (t.kind === 'string') return strsize;
  if (t.kind === 'int') return 8;
  return 8;
}

function valueBytes(def: AggDef): number {
  switch (def.fn) {
    case 'avg':
      return 16;
    case 'stddev':
      return 32;
    case 'quantize':
    case 'lquantize':
    case 'llquantize':
      return 8 * (quantizeBucketCount(def.params) + (def.params ? 1 : 0));
    default:
      return 8;
  }
}

/** Units of aggregation space one entry of `def` takes. */
export function aggEntryUnits(def: AggDef, strsize: number): number {
  let bytes = AGG_HEADER + valueBytes(def);
  for (const k of def.keyTypes) bytes += keyBytes(k, strsize);
  return Math.ceil(bytes / AGG_UNIT);
}

/** Bytes of one recorded value of type `t` (program/record-size.ts). */
function valueSize(t: DType, strsize: number): number {
  if (t.kind === 'string') return strsize;
  if (t.kind === 'int') return t.size;
  return 8;
}

/** Bytes a firing's records take in a buffer. */
export function recordsSize(records: readonly DataRecord[], strsize: number): number {
  const sizes: number[] = [];
  for (const r of records) {
    if (r.kind === 'printf') for (const t of r.types) sizes.push(valueSize(t, strsize));
    else if (r.kind === 'trace') sizes.push(typeof r.value === 'string' ? strsize : valueSize(r.type, strsize));
    else if (r.kind !== 'setopt') sizes.push(8);
  }
  return recordBytes(sizes);
}
