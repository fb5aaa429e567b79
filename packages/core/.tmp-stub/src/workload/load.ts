/*
 * loadWorkload: a built-in name (with numeric parameters) or a path to a JSON file, validated.
 * Every failure, including an unreadable file or bad JSON, is a WorkloadError.
 */

import { readFileSync } from 'node:fs';
import { builtinWorkloadJson, builtinWorkloads } from './builtins.js';
import { WorkloadError } from './errors.js';
import type { Workload } from './types.js';
import { validateWorkload } from './validate.js';

export function loadWorkload(nameOrPath: string, params: Record<string, number> = {}): Workload {
  const builtin = builtinWorkloadJson(nameOrPath, params);
  if (builtin) return validateWorkload(builtin, nameOrPath);
  if (!/[/\\.]/.test(nameOrPath))
    throw new WorkloadError('', `no built-in workload "${nameOrPath}" (built in: ${builtinWorkloads.join(', ')})`);
  let text: string;
  try {
    text = readFileSync(nameOrPath, 'utf8');
  } catch (err) {
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
