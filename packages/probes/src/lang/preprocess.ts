/*
 * Preprocessing (d-language.md 1.1, 1.11): the `#!` interpreter line and control lines
 * (`#pragma D option`, `#pragma D depends_on`, `#pragma error`, `#pragma ident`, `#line`,
 * cpp line markers) are consumed here, before lexing, as dt_pragma.c does. Each consumed line
 * is blanked with spaces so that offsets, lines and columns of the rest stay exact.
 *
 * With the `cpp` option a small preprocessor handles object-like `#define`/`#undef` and
 * `#ifdef`/`#ifndef`/`#if 0|1`/`#else`/`#endif`, and strips `//` comments. Anything else
 * starting with `#` is `D_PRAGCTL_INVAL`.
 */

import type { LexError } from './lex-context.js';

export interface Pragma {
  readonly name: string;
  readonly value: string | true;
  readonly offset: number;
}

export interface Preprocessed {
  readonly text: string;
  readonly options: readonly Pragma[];
  readonly errors: readonly LexError[];
  /** `#line` directives: from physical line `from` (1-based) on, numbering restarts at `line`. */
  readonly remaps: readonly { from: number; line: number }[];
  /** `#pragma attributes|binding … <ident>`: the identifiers they name, checked once all is compiled. */
  readonly retargeted: readonly { pragma: string; name: string; offset: number }[];
}

/** The largest line number a `#line` directive may set (dtrace's yylineno is an int). */
const MAX_LINE = 2 ** 31 - 1;

export function preprocess(src: string, cpp: { enabled: boolean; defines: Map<string, string> }): Preprocessed {
  // Without `#` there is no control line, and without cpp nothing else changes the text.
  if (!cpp.enabled && !src.includes('#')) return { text: src, options: [], errors: [], remaps: [], retargeted: [] };
  const options: Pragma[] = [];
  const errors: LexError[] = [];
  const remaps: { from: number; line: number }[] = [];
  const retargeted: { pragma: string; name: string; offset: number }[] = [];
  const lines = src.split('\n');
  const out: string[] = [];
  const cond: boolean[] = [];
  let offset = 0;
  let inComment = false;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const at = offset;
    offset += line.length + 1;
    const trimmed = line.trimStart();
    const active = cond.length === 0 || cond.every(Boolean);
    if (n === 0 && line.startsWith('#!')) {
      out.push(blank(line));
      continue;
    }
    if (!inComment && trimmed.startsWith('#')) {
      const col = at + (line.length - trimmed.length);
      out.push(blank(line));
      directive(trimmed.slice(1).trim(), col, n + 1, active);
      continue;
    }
    if (!active) {
      out.push(blank(line));
      continue;
    }
    let text = line;
    if (cpp.enabled) text = expandCpp(text, cpp.defines);
    out.push(text);
    inComment = commentState(text, inComment);
  }
  return { text: out.join('\n'), options, errors, remaps, retargeted };

  /** dt_pragma_depends: `<class> <name>`; a main program may not depend on a library. */
  function dependsOn(args: string[], offset: number): void {
    if (args.length < 2) {
      errors.push({ code: 'D_PRAGMA_MALFORM', message: 'malformed #pragma depends_on <class> <name>', offset });
    } else if (args[0] === 'library') {
      errors.push({ code: 'D_PRAGMA_DEPEND', message: 'main program may not explicitly depend on a library', offset });
    } else if (args[0] !== 'provider' && args[0] !== 'module') {
      errors.push({ code: 'D_PRAGMA_INVAL', message: `invalid class ${args[0]} specified by #pragma depends_on`, offset });
    }
  }

  /**
   * dt_pragma_attributes / dt_pragma_binding: `<attributes|"version"> <ident>`. The identifier
   * may be defined later in the program; one that never is, is D_PRAGMA_UNUSED at the end.
   */
  function retarget(kind: string, args: string[], offset: number): void {
    const [value, name] = args;
    if (value === undefined || name === undefined) {
      const what = kind === 'attributes' ? '<attributes>' : '"version"';
      errors.push({ code: 'D_PRAGMA_MALFORM', message: `malformed #pragma ${kind} ${what} <ident>`, offset });
    } else if (kind === 'attributes' && !validAttributes(value)) {
      errors.push({ code: 'D_PRAGMA_INVAL', message: 'invalid attributes specified by #pragma attributes', offset });
    } else if (kind === 'binding' && !/^"?\d+\.\d+(\.\d+)?"?$/.test(value)) {
      errors.push({ code: 'D_PRAGMA_INVAL', message: 'invalid version string specified by #pragma binding', offset });
    } else if (name !== 'provider') {
      retargeted.push({ pragma: kind, name, offset });
    }
  }

  function directive(d: string, offset: number, physLine: number, active: boolean): void {
    const words = d.split(/\s+/).filter((w) => w !== '');
    const head = words[0] ?? '';
    if (cpp.enabled && /^(ifdef|ifndef|if|else|endif|elif)$/.test(head)) {
      if (head === 'ifdef') cond.push(cpp.defines.has(words[1] ?? ''));
      else if (head === 'ifndef') cond.push(!cpp.defines.has(words[1] ?? ''));
      else if (head === 'if') cond.push(evalCond(words.slice(1).join(' '), cpp.defines));
      else if (head === 'else' && cond.length > 0) cond.push(!cond.pop()!);
      else if (head === 'endif') cond.pop();
      return;
    }
    if (!active) return;
    if (cpp.enabled && head === 'define' && words[1]) {
      cpp.defines.set(words[1], words.slice(2).join(' ') || '1');
      return;
    }
    if (cpp.enabled && head === 'undef' && words[1]) {
      cpp.defines.delete(words[1]);
      return;
    }
    if (/^\d+$/.test(head) || head === 'line') {
      const num = head === 'line' ? words[1] : head;
      if (num && /^\d+$/.test(num)) {
        // dtrace keeps the line number in an int: a larger one is not a line number.
        if (Number(num) > MAX_LINE) errors.push({ code: 'D_PRAGMA_MALFORM', message: `malformed #${head === 'line' ? 'line' : ''} <line> [ ["file"] state ]`, offset });
        else remaps.push({ from: physLine + 1, line: Number(num) });
      }
      return;
    }
    if (head === 'ident') return;
    if (head !== 'pragma') {
      errors.push({ code: 'D_PRAGCTL_INVAL', message: `invalid control directive: #${head}`, offset });
      return;
    }
    const rest = words.slice(1);
    if (rest[0] === 'D') rest.shift();
    const kind = rest[0] ?? '';
    switch (kind) {
      case 'option': {
        const spec = rest[1];
        if (!spec || rest.length > 2) {
          errors.push({ code: 'D_PRAGMA_MALFORM', message: 'malformed #pragma option', offset });
          return;
        }
        const eq = spec.indexOf('=');
        options.push(eq < 0 ? { name: spec, value: true, offset } : { name: spec.slice(0, eq), value: spec.slice(eq + 1), offset });
        return;
      }
      case 'error':
        errors.push({ code: 'D_PRAGERR', message: `#pragma error: ${rest.slice(1).join(' ')}`, offset });
        return;
      case 'line':
        if (rest[1] && /^\d+$/.test(rest[1])) remaps.push({ from: physLine + 1, line: Number(rest[1]) });
        return;
      case 'ident':
        return;
      case 'depends_on':
        dependsOn(rest.slice(1), offset);
        return;
      case 'attributes':
      case 'binding':
        retarget(kind, rest.slice(1), offset);
        return;
      default:
        errors.push({ code: 'D_PRAGMA_INVAL', message: `invalid control directive: #pragma ${rest.join(' ')}`.trimEnd(), offset });
    }
  }
}

/** dtrace_str2attr: up to three `/`-separated parts, two stabilities then a dependency class. */
const STABILITIES = ['internal', 'private', 'obsolete', 'external', 'unstable', 'evolving', 'stable', 'standard'];
const CLASSES = ['unknown', 'cpu', 'platform', 'group', 'isa', 'common'];

export function validAttributes(s: string): boolean {
  const parts = s.split('/').filter((p) => p !== '');
  return parts.every((p, i) => (i < 2 ? STABILITIES : i === 2 ? CLASSES : null)?.includes(p.toLowerCase()) ?? true);
}

/** The line with every character but `\r` turned into a space (offsets stay exact). */
function blank(line: string): string {
  return line.replace(BLANKED, ' ');
}

const BLANKED = /[^\r]/g;

/** Tracks whether a line ends inside a block comment (so `#` lines there are not directives). */
function commentState(text: string, inside: boolean): boolean {
  // No `/*` on the line: no comment can open, whatever the quoting.
  if (!inside && !text.includes('/*')) return false;
  let i = 0;
  let inStr = false;
  while (i < text.length) {
    if (inside) {
      const end = text.indexOf('*/', i);
      if (end < 0) return true;
      inside = false;
      i = end + 2;
      continue;
    }
    const c = text[i];
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
    } else if (c === '"') inStr = true;
    else if (c === '/' && text[i + 1] === '*') {
      inside = true;
      i += 2;
      continue;
    }
    i++;
  }
  return inside;
}

function expandCpp(text: string, defines: Map<string, string>): string {
  // A `//` comment runs to the end of the line, but not one inside a string or character constant.
  let s = text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\/\/.*$/g, (m) => (m.startsWith('//') ? '' : m));
  if (defines.size === 0) return s;
  s = s.replace(/"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*/g, (w) => (w.startsWith('"') ? w : (defines.get(w) ?? w)));
  return s;
}

function evalCond(expr: string, defines: Map<string, string>): boolean {
  const e = expr.replace(/defined\s*\(?\s*([A-Za-z_]\w*)\s*\)?/g, (_, n: string) => (defines.has(n) ? '1' : '0')).trim();
  const v = defines.get(e) ?? e;
  return /^\d+$/.test(v) ? Number(v) !== 0 : false;
}
