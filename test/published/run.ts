/*
 * Optional check, not part of `pnpm test`: takes published D scripts (the DTrace book's scripts,
 * the DTraceToolkit, or any folder of them) through the compiler's front end — the `#!` line's
 * flags, cpp when the line asks for -C, the lexer, macro substitution (with `defaultargs`, as if
 * run without arguments), the parser and the AST builder, knowing the type names of the libraries
 * the CLI's compilation of it loads — and reports how many get past it,
 * with the first error of each one that does not, grouped by message.
 *
 *   pnpm published DIR… [--all] [--list]
 *
 * Identical texts count once. A script is a file whose first line starts with `#!` and names dtrace; with --all every `*.d`
 * file is taken. Semantic checks need the kernel's probes and types, which the simulated engine
 * does not have, so they are not part of the figure.
 */

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadSources } from '../../packages/probes/src/handle/sources.js';
import { buildAst } from '../../packages/probes/src/lang/ast-builder.js';
import { DiagnosticSink, LineMap } from '../../packages/probes/src/lang/diagnostics.js';
import { lex } from '../../packages/probes/src/lang/lexer.js';
import { substituteMacros } from '../../packages/probes/src/lang/macros.js';
import { parse } from '../../packages/probes/src/lang/parser.js';
import { preprocess } from '../../packages/probes/src/lang/preprocess.js';
import { typedefNames } from '../../packages/probes/src/lang/sema-decl.js';
import { KEYWORDS } from '../../packages/probes/src/lang/tokens.js';
import { builtinTypeNames } from '../../packages/probes/src/lang/types.js';
import { handleLibraries } from '../../packages/probes/src/handle/handle.js';
import { librariesFor } from '../../packages/probes/src/lang/library-demand.js';
import { engineLibraries } from '../../packages/core/src/providers/types.js';

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (st.isFile() && st.size < 1_000_000) out.push(p);
  }
}

/** The flags of a `#!/usr/sbin/dtrace -Cqs` line, or null when the file is not a dtrace script. */
function interpreterFlags(text: string): string | null {
  const first = text.slice(0, text.indexOf('\n') >>> 0);
  const m = /^#!\s*\S*dtrace\b(.*)$/.exec(first);
  return m ? m[1]! : null;
}

/** The libraries the CLI's handle loads: its defaults and the engine's. */
const libraries = handleLibraries(engineLibraries);

/** The type names the libraries a compilation of this text loads declare. */
function libraryTypeNames(text: string): string[] {
  return librariesFor(libraries, [{ text }]).flatMap((l) => typedefNames(lex(l.text, new Set([...KEYWORDS, ...builtinTypeNames()])).tokens));
}

/** The first front-end error of a script, or null when it gets through. */
function frontEnd(path: string, cppOn: boolean): string | null {
  const loaded = loadSources([{ kind: 'file', path }], cppOn ? { defines: [], undefs: [], incdirs: [] } : null);
  if ('error' in loaded) return loaded.error;
  const unit = loaded.units[0]!;
  const pre = preprocess(unit.text, { enabled: cppOn, defines: new Map() });
  if (pre.errors.length > 0) return `[${pre.errors[0]!.code}] ${pre.errors[0]!.message}`;
  const typeNames = new Set<string>([...KEYWORDS, ...builtinTypeNames(), ...libraryTypeNames(pre.text)]);
  let lx = lex(pre.text, typeNames);
  const fresh = typedefNames(lx.tokens).filter((n) => !typeNames.has(n));
  if (fresh.length > 0) {
    for (const n of fresh) typeNames.add(n);
    lx = lex(pre.text, typeNames);
  }
  if (lx.errors.length > 0) return `[${lx.errors[0]!.code}] ${lx.errors[0]!.message}`;
  const ms = substituteMacros(lx.tokens, { args: [path], named: { target: 0, pid: 1, ppid: 1, uid: 0, gid: 0 }, defaultargs: true, used: new Set() });
  if (ms.errors.length > 0) return `[${ms.errors[0]!.code}] ${ms.errors[0]!.message}`;
  const parsed = parse(ms.tokens, typeNames);
  if (parsed.error) {
    const t = parsed.error.token;
    const line = pre.text.slice(0, t.startOffset).split('\n').length;
    return `[D_SYNTAX] syntax error near "${t.image}" (line ${line}: ${pre.text.split('\n')[line - 1]!.trim()})`;
  }
  const sink = new DiagnosticSink(0, new LineMap(pre.text));
  buildAst(parsed.tree!, sink, 'script');
  if (sink.failed) return `[${sink.list[0]!.code}] ${sink.list[0]!.message}`;
  return null;
}

const args = process.argv.slice(2);
const all = args.includes('--all');
const list = args.includes('--list');
const dirs = args.filter((a) => !a.startsWith('--'));
if (dirs.length === 0) {
  console.error('usage: pnpm published DIR… [--all] [--list]');
  process.exit(2);
}
let total = 0;
let passed = 0;
// The DTraceToolkit ships each script twice (its topic folder and Bin/): count each text once.
const seen = new Set<string>();
const byMessage = new Map<string, string[]>();
for (const dir of dirs) {
  const files: string[] = [];
  walk(dir, files);
  for (const f of files) {
    const text = readFileSync(f, 'latin1');
    const flags = interpreterFlags(text);
    if (flags === null && !(all && f.endsWith('.d'))) continue;
    const digest = createHash('sha1').update(text).digest('hex');
    if (seen.has(digest)) continue;
    seen.add(digest);
    total++;
    const cppOn = flags !== null && /(^|\s)-\w*C/.test(flags);
    let err: string | null;
    try {
      err = frontEnd(f, cppOn);
    } catch (e) {
      err = `internal error: ${(e as Error).message}`;
    }
    if (err === null) {
      passed++;
      continue;
    }
    const key = list ? err : err.split(f).join('SCRIPT').replace(/\(line.*\)$/, '').replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N');
    const l = byMessage.get(key) ?? [];
    l.push(relative(dir, f));
    byMessage.set(key, l);
  }
}
const groups = [...byMessage].sort((a, b) => b[1].length - a[1].length);
for (const [msg, files] of groups) {
  console.log(`${String(files.length).padStart(4)}  ${msg}`);
  if (list) for (const f of files) console.log(`        ${f}`);
}
console.log(`${passed} of ${total} scripts past the front end (${((100 * passed) / Math.max(total, 1)).toFixed(1)}%)`);
