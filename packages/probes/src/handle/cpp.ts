/*
 * The `cpp` option (-C): runs the system's C preprocessor over a script, as dtrace does, with
 * -D/-U/-I and dtrace's predefined macros (__SUNW_D, __SUNW_D_64, __SVR4, __sun, __unix, __zsdtrace). cpp's line
 * markers are folded back so that lines of the script keep their numbers in compile errors
 * (content pulled in by #include lands where the directive was). A missing cpp is said plainly.
 * The system include directory is not this machine's /usr/include but the illumos headers of
 * system-headers.ts, searched after the -I directories, as dtrace's cpp searches illumos's own.
 */

import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { systemIncludeDir } from './system-headers.js';

export class PreprocessError extends Error {
  readonly code = 'E_CPP';
}

export interface CppOptions {
  readonly defines: readonly string[];
  readonly undefs: readonly string[];
  readonly incdirs: readonly string[];
  readonly listIncludes?: boolean;
}

// dt_open: also __amd64, the ISA of an LP64 x86 kernel (sys/isa_defs.h keys on it).
const PREDEFINED = ['__amd64', '__SUNW_D=1', '__SUNW_D_64', '__SUNW_D_VERSION=0x01000d', '__SVR4', '__sun', '__unix', '__zsdtrace=1'];

export function runCpp(text: string, filename: string, opts: CppOptions, cpp = process.env.ZSDTRACE_CPP ?? 'cpp'): string {
  const system = systemIncludeDir();
  if (system === null) throw new PreprocessError(`could not write the system include directory under ${tmpdir()}`);
  const argv = ['-undef', '-ffreestanding', '-std=c99', '-nostdinc'];
  for (const d of PREDEFINED) argv.push(`-D${d}`);
  for (const d of opts.defines) argv.push(`-D${d}`);
  for (const u of opts.undefs) argv.push(`-U${u}`);
  for (const i of opts.incdirs) argv.push(`-I${i}`);
  argv.push('-isystem', system);
  if (opts.listIncludes) argv.push('-H');
  argv.push('-');
  // dt_preproc: an interpreter line (`#!…`) would make cpp fail, so it starts cpp at the newline
  // that ends it; the empty first line keeps the script's line numbers.
  const nl = text.indexOf('\n');
  const input = !text.startsWith('#!') ? text : nl < 0 ? '' : text.slice(nl);
  const r = spawnSync(cpp, argv, { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new PreprocessError(`-C needs the C preprocessor, and '${cpp}' was not found (install cpp, or set ZSDTRACE_CPP)`);
    }
    throw new PreprocessError(`failed to run ${cpp}: ${r.error.message}`);
  }
  if (opts.listIncludes && r.stderr) process.stderr.write(r.stderr.split('\n').filter((l) => /^\.+ /.test(l)).join('\n') + '\n');
  if (r.status !== 0) {
    const first = (r.stderr ?? '').split('\n').find((l) => l.trim() !== '') ?? '';
    throw new PreprocessError(`Preprocessor failed to process input program${first ? `: ${first.replace(/^<stdin>:/, `${filename}:`)}` : ''}`);
  }
  return foldLineMarkers(r.stdout);
}

/** Removes cpp's `# N "file"` markers, padding so that lines of the main input keep their numbers. */
export function foldLineMarkers(output: string): string {
  const out: string[] = [];
  let inMain = false;
  let line = 1;
  for (const raw of output.split('\n')) {
    const m = /^# (\d+) "([^"]*)"/.exec(raw);
    if (m) {
      inMain = m[2] === '<stdin>';
      line = Number(m[1]);
      if (inMain) while (out.length < line - 1) out.push('');
      continue;
    }
    out.push(raw);
    if (inMain) line++;
  }
  return out.join('\n');
}
