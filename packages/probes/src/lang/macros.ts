/*
 * Macro variables (d-language.md 1.9), substituted on the token stream as dt_lex.l does:
 * `$0` is the script name, `$1…$N` the operands; a value that reads as an integer becomes an
 * integer token, an identifier becomes an identifier, anything else a string. `$$N` is always a
 * string. Named macros (`$pid`, `$target`, …) are integers. Inside probe descriptions the text
 * is replaced in place. Missing operands are `D_MACRO_UNDEF` unless `defaultargs`.
 */

import { createTokenInstance, type IToken, type TokenType } from 'chevrotain';
import type { LexError } from './lex-context.js';
import { Identifier, IntLit, MacroVar, ProbeDesc, StringLit, tokenEnd } from './tokens.js';

export interface MacroContext {
  /** `$0` … `$N`. */
  readonly args: readonly string[];
  readonly named: Readonly<Record<string, number>>;
  readonly defaultargs: boolean;
  /** Operand indexes referenced so far (for D_MACRO_UNUSED). */
  readonly used: Set<number>;
}

type Resolved = { kind: 'int' | 'ident' | 'string'; text: string } | LexError;

function resolve(name: string, ctx: MacroContext, offset: number): Resolved {
  const forceString = name.startsWith('$$');
  const key = name.slice(forceString ? 2 : 1);
  let value: string | undefined;
  if (/^\d+$/.test(key)) {
    const i = Number(key);
    ctx.used.add(i);
    value = ctx.args[i];
    if (value === undefined) {
      if (!ctx.defaultargs) return { code: 'D_MACRO_UNDEF', message: `macro argument ${name} is not defined`, offset };
      return forceString ? { kind: 'string', text: '' } : { kind: 'int', text: '0' };
    }
  } else {
    const n = ctx.named[key];
    if (n === undefined) return { code: 'D_MACRO_UNDEF', message: `macro argument ${name} is not defined`, offset };
    value = String(n);
  }
  if (forceString) return { kind: 'string', text: value };
  if (/^(0[xX][0-9a-fA-F]+|[0-9]+)[uUlL]*$/.test(value)) return { kind: 'int', text: value };
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return { kind: 'ident', text: value };
  return { kind: 'string', text: value };
}

function retype(t: IToken, type: TokenType, image: string, payload?: unknown): IToken {
  const n = createTokenInstance(type, image, t.startOffset, tokenEnd(t), t.startLine ?? 1, t.endLine ?? 1, t.startColumn ?? 1, t.endColumn ?? 1);
  if (payload !== undefined) n.payload = payload;
  return n;
}

export function substituteMacros(tokens: IToken[], ctx: MacroContext): { tokens: IToken[]; errors: LexError[] } {
  const errors: LexError[] = [];
  // Copied only from the first token that changes (most scripts use no macro); indexed, as
  // this runs over every token before it is optimised.
  let out: IToken[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.tokenType !== MacroVar && !(t.tokenType === ProbeDesc && t.image.includes('$'))) {
      out?.push(t);
      continue;
    }
    out ??= tokens.slice(0, i);
    if (t.tokenType === MacroVar) {
      const r = resolve(t.image, ctx, t.startOffset);
      if ('code' in r) {
        errors.push(r);
        out.push(retype(t, IntLit, '0'));
      } else if (r.kind === 'int') out.push(retype(t, IntLit, r.text));
      else if (r.kind === 'ident') out.push(retype(t, Identifier, r.text));
      else out.push(retype(t, StringLit, JSON.stringify(r.text), r.text));
    } else {
      let failed = false;
      const image = t.image.replace(/\$\$?(?:\d+|[A-Za-z_][A-Za-z0-9_]*)/g, (m) => {
        const r = resolve(m, ctx, t.startOffset);
        if ('code' in r) {
          if (!failed) errors.push(r);
          failed = true;
          return '';
        }
        return r.text;
      });
      out.push(retype(t, ProbeDesc, image));
    }
  }
  return { tokens: out ?? tokens, errors };
}

/** `D_MACRO_UNUSED` for operands never referenced (unless `argref`). */
export function unusedMacroErrors(ctx: MacroContext): LexError[] {
  const errors: LexError[] = [];
  for (let i = 1; i < ctx.args.length; i++) {
    if (!ctx.used.has(i)) {
      errors.push({ code: 'D_MACRO_UNUSED', message: `extraneous argument '${ctx.args[i]}' ($${i} is not referenced)`, offset: 0 });
      break;
    }
  }
  return errors;
}
