/*
 * Turns what a caller asks to compile (script files, script text, probe descriptions given with
 * -n/-P/-m/-f/-i) into the compiler's source units: reads files, maps errno codes to dtrace's
 * words, and runs cpp over scripts when the `cpp` option is on (dtrace_program_fcompile's
 * front half). Failures are returned as dtrace's message text, never thrown.
 */

import { readFileSync } from 'node:fs';
import type { SourceUnit } from '../lang/diagnostics.js';
import { PreprocessError, runCpp, type CppOptions } from './cpp.js';

/** One thing to compile, in command-line order. */
export type ProgramSource =
  /** dtrace -s: a script file. */
  | { readonly kind: 'file'; readonly path: string }
  /** Script text compiled as if read from a file of this name (`line N:` in errors, `$0`). */
  | { readonly kind: 'script'; readonly text: string; readonly name: string }
  /** dtrace -n/-P/-m/-f/-i: probe descriptions, optionally with a predicate and actions. */
  | { readonly kind: 'n' | 'P' | 'm' | 'f' | 'i'; readonly text: string };

const ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
};

/** Reads and preprocesses the sources; the units, or the message (without progname) of the first failure. */
export function loadSources(
  sources: readonly ProgramSource[],
  cpp: CppOptions | null,
): { units: SourceUnit[] } | { error: string } {
  const units: SourceUnit[] = [];
  for (const src of sources) {
    if (src.kind !== 'file' && src.kind !== 'script') {
      units.push({ text: src.text, kind: src.kind, name: src.text });
      continue;
    }
    let text: string;
    let name: string;
    if (src.kind === 'file') {
      name = src.path;
      try {
        text = readFileSync(src.path, 'utf8');
      } catch (e) {
        const code = String((e as NodeJS.ErrnoException).code);
        return { error: `failed to open ${src.path}: ${ERRNO_TEXT[code] ?? code}` };
      }
    } else {
      text = src.text;
      name = src.name;
    }
    if (cpp !== null) {
      try {
        text = runCpp(text, name, cpp);
      } catch (e) {
        if (e instanceof PreprocessError) return { error: `failed to compile script ${name}: ${e.message}` };
        throw e;
      }
    }
    units.push({ text, kind: 'script', name });
  }
  return { units };
}
