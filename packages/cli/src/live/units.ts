/*
 * The program's source units from the command line (-s files, preprocessed with -C; -n -P -m
 * -f -i descriptions), read on zsdtrace's side and sent to the target to compile there.
 * Failures come back as dtrace's messages.
 */

import { readFileSync } from 'node:fs';
import type { SourceUnit } from '@zsdtrace/probes';
import type { CliArgs } from '../args.js';
import { preprocess, PreprocessError } from '../preprocess.js';

export function readUnits(args: CliArgs): SourceUnit[] | { readonly error: string } {
  const units: SourceUnit[] = [];
  for (const p of args.programs) {
    if (p.kind !== 's') {
      units.push({ text: p.value, kind: p.kind, name: p.value });
      continue;
    }
    let text: string;
    try {
      text = readFileSync(p.value, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'No such file or directory' : code === 'EACCES' ? 'Permission denied' : String(code);
      return { error: `failed to open ${p.value}: ${why}` };
    }
    if (args.options.cpp === true) {
      try {
        text = preprocess(text, p.value, args.cpp);
      } catch (e) {
        if (e instanceof PreprocessError) return { error: `failed to compile script ${p.value}: ${e.message}` };
        throw e;
      }
    }
    units.push({ text, kind: 'script', name: p.value });
  }
  return units;
}
