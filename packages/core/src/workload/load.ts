/*
 * loadWorkload: a built-in name (with numeric parameters) or a path to a JSON file, validated.
 * Every failure, including an unreadable file, bad JSON, an unknown name or parameter and a
 * parameter beyond its limit, is a WorkloadError.
 *
 * Names and parameters are user text: they are looked up with Object.hasOwn / Map, never as
 * plain properties (`-c constructor` must be "no built-in workload", not JavaScript). Each
 * parameter has a limit that keeps the simulated system, and the tracer's memory, bounded
 * (docs/limits.md); the limit is named in the message.
 */

import { readFileSync, statSync } from 'node:fs';
import { builtinWorkloadJson, builtinWorkloads } from './builtins.js';
import { WorkloadError } from './errors.js';
import type { Workload } from './types.js';
import { validateWorkload } from './validate.js';

interface ParamSpec {
  readonly min: number;
  readonly max: number;
}

/** The parameters each built-in takes, with their bounds (docs/workloads.md, docs/limits.md). */
export const WORKLOAD_PARAMS: ReadonlyMap<string, ReadonlyMap<string, ParamSpec>> = new Map([
  [
    'boot-storm',
    new Map([
      ['zones', { min: 1, max: 100_000 }],
      ['keys', { min: 1, max: 1_000 }],
    ]),
  ],
  ['module-churn', new Map([['rounds', { min: 1, max: 1_000 }]])],
]);

/** zones x keys of boot-storm: the ZSD entries alive at once. */
export const MAX_ZSD_ENTRIES = 1_000_000;
/** The largest workload file read (bytes). */
export const MAX_WORKLOAD_FILE = 16 * 1024 * 1024;

export function loadWorkload(nameOrPath: string, params: Readonly<Record<string, number>> = {}): Workload {
  if (builtinWorkloads.includes(nameOrPath)) {
    checkParams(nameOrPath, params);
    const builtin = builtinWorkloadJson(nameOrPath, params);
    if (builtin) return validateWorkload(builtin, nameOrPath);
  }
  if (!/[/\\.]/.test(nameOrPath))
    throw new WorkloadError('', `no built-in workload "${nameOrPath}" (built in: ${builtinWorkloads.join(', ')})`);
  checkParams(nameOrPath, params);
  let text: string;
  try {
    const size = statSync(nameOrPath).size;
    if (size > MAX_WORKLOAD_FILE) throw new WorkloadError('', `file is ${size} bytes; the limit is ${MAX_WORKLOAD_FILE}`, nameOrPath);
    text = readFileSync(nameOrPath, 'utf8');
  } catch (err) {
    if (err instanceof WorkloadError) throw err;
    throw new WorkloadError('', `cannot read file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, nameOrPath);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new WorkloadError('', `invalid JSON: ${(err as Error).message}`, nameOrPath);
  }
  return validateWorkload(json, nameOrPath);
}

/** Unknown parameter names and values beyond their bounds are errors naming what is allowed. */
function checkParams(workload: string, params: Readonly<Record<string, number>>): void {
  const specs = WORKLOAD_PARAMS.get(workload);
  for (const name of Object.keys(params)) {
    const spec = specs?.get(name);
    if (!spec) {
      const known = specs ? [...specs.keys()].join(', ') : '';
      const what = specs ? `its parameters are ${known}` : 'it takes no parameters';
      throw new WorkloadError('', `unknown parameter "${name}" (${what})`, workload);
    }
    const v = params[name]!;
    if (!Number.isSafeInteger(v) || v < spec.min || v > spec.max) {
      throw new WorkloadError('', `parameter ${name} must be an integer from ${spec.min} to ${spec.max}, not ${v}`, workload);
    }
  }
  if (workload === 'boot-storm') {
    const entries = (params.zones ?? 100) * (params.keys ?? 30);
    if (entries > MAX_ZSD_ENTRIES) {
      throw new WorkloadError('', `zones x keys is ${entries}; the limit is ${MAX_ZSD_ENTRIES} ZSD entries`, workload);
    }
  }
}
