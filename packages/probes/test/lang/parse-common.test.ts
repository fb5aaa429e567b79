/*
 * parse-common.ts must be a faster route to the grammar's tree, never a second grammar: wherever
 * it returns a tree, the chevrotain grammar (parseWithGrammar) must accept the same tokens and
 * build the same tree, node for node, with nothing pending. Checked over every script of the
 * corpus and the examples, and over generated clauses (well-formed and mutated).
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IToken } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { random, scripts } from './equivalence-inputs.js';
import { lex } from '../../src/lang/lexer.js';
import { parseCommon } from '../../src/lang/parse-common.js';
import { parse, parseWithGrammar } from '../../src/lang/parser.js';
import { preprocess } from '../../src/lang/preprocess.js';
import { typedefNames } from '../../src/lang/sema-decl.js';
import { KEYWORDS } from '../../src/lang/tokens.js';
import { builtinTypeNames } from '../../src/lang/types.js';

const root = join(import.meta.dirname, '../../../..');
const baseTypes = (): Set<string> => new Set<string>([...KEYWORDS, ...builtinTypeNames()]);

/** The tokens compile() would parse (typedef names known), or null when the text does not lex. */
function tokensOf(text: string, types: Set<string>): IToken[] | null {
  const pre = preprocess(text, { enabled: false, defines: new Map() }).text;
  let lx = lex(pre, types);
  const fresh = typedefNames(lx.tokens).filter((n) => !types.has(n));
  if (fresh.length > 0) {
    for (const n of fresh) types.add(n);
    lx = lex(pre, types);
  }
  return lx.errors.length === 0 ? lx.tokens : null;
}

const json = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x));

/** 'common' when both parsers agree on a tree, 'grammar' when only the grammar parses, 'neither'. */
function compare(tokens: IToken[], types: ReadonlySet<string>): 'common' | 'grammar' | 'neither' {
  const common = parseCommon(tokens, types);
  const grammar = parseWithGrammar(tokens, types);
  if (common === null) return grammar.tree === null ? 'neither' : 'grammar';
  expect(grammar.error).toBeNull();
  expect(grammar.tree!.pending).toEqual([]);
  expect(json(common)).toBe(json(grammar.tree));
  return 'common';
}


const PRIMARY = ['x', 'arg0', '@', '@a', 'self->t', 'this->u', '42', '0x1fUL', "'c'", '"s\\n"', 'probefunc', 'curthread', 'y', '010'];
const BINARY = ['+', '-', '*', '/', '%', '<<', '>>', '<', '<=', '>', '>=', '==', '!=', '&', '^', '|', '&&', '^^', '||'];
const ASSIGN = ['=', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=', '<<=', '>>='];
const PREFIX = ['-', '+', '!', '~', '*', '&', '++', '--'];

function expression(r: (n: number) => number, depth: number): string {
  if (depth <= 0) return PRIMARY[r(PRIMARY.length)]!;
  const sub = (): string => expression(r, depth - 1);
  switch (r(14)) {
    case 0:
      return `${sub()} ${BINARY[r(BINARY.length)]} ${sub()} ${BINARY[r(BINARY.length)]} ${sub()}`;
    case 1:
      return `${sub()} ? ${sub()} : ${sub()}`;
    case 2:
      return `${sub()} ${ASSIGN[r(ASSIGN.length)]} ${sub()}`;
    case 3:
      return `${PREFIX[r(PREFIX.length)]}${sub()}`;
    case 4:
      return `(${sub()}, ${sub()})`;
    case 5:
      return `${['count', 'f', 'strjoin', 'x'][r(4)]}(${r(2) ? sub() : ''}${r(2) ? `, ${sub()}` : ''})`;
    case 6:
      return `@${['', 'q', 'c'][r(3)]}[${sub()}${r(2) ? `, ${sub()}` : ''}]`;
    case 7:
      return `${sub()}${['->m', '.m', '++', '--', '[1]'][r(5)]}`;
    case 8:
      return `(${sub()})`;
    case 9:
      if (r(3) > 0) return sub();
      return ['(int)x', 'sizeof (x)', 'stringof(x)', '(char *)arg0', 'offsetof(struct s, m)', `(${sub()})(1)`][r(6)]!;
    default:
      return sub();
  }
}

function statements(r: (n: number) => number, depth: number): string {
  const out: string[] = [];
  for (let i = r(4); i > 0; i--) {
    if (depth > 0 && r(5) === 0) out.push(`if (${expression(r, 2)}) ${r(2) ? `{ ${statements(r, depth - 1)} }` : `${expression(r, 2)};`}${r(2) ? ` else { ${statements(r, depth - 1)} }` : ''}`);
    else out.push(r(6) === 0 ? ';' : `${expression(r, 3)};`);
  }
  // The last statement may omit its `;`.
  if (r(3) === 0) out.push(expression(r, 2));
  return out.join(' ');
}

function clause(r: (n: number) => number): string {
  const probes = ['BEGIN', 'syscall::read:entry', 'profile-97', 'zsd:::create, zsd:::destroy'][r(4)]!;
  const predicate = r(2) ? ` /${expression(r, 3)}/` : '';
  return `${probes}${predicate} { ${statements(r, 2)} }`;
}

/** The text with one token-sized change: a character or piece dropped, doubled or swapped in. */
function mutate(text: string, r: (n: number) => number): string {
  const at = r(text.length);
  const pieces = [')', '(', ']', ';', '{', '}', ',', '?', ':', '=', 'int', 'sizeof', '->', '@', '/', ''];
  switch (r(3)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1);
    case 1:
      return `${text.slice(0, at)} ${pieces[r(pieces.length)]} ${text.slice(at)}`;
    default:
      return text.slice(0, at) + text[at] + text.slice(at);
  }
}

describe('the common-forms parser', () => {
  it('builds the grammar’s tree for every corpus script and example it accepts', () => {
    const counts = { common: 0, grammar: 0, neither: 0 };
    for (const file of [...scripts(join(root, 'test/corpus')), ...scripts(join(root, 'examples'))]) {
      const types = baseTypes();
      const tokens = tokensOf(readFileSync(file, 'utf8'), types);
      if (tokens === null) continue;
      counts[compare(tokens, types)]++;
    }
    // Most scripts are common forms only; the rest exercise the fallback.
    expect(counts.common).toBeGreaterThan(300);
    expect(counts.grammar).toBeGreaterThan(50);
  });

  it('builds the grammar’s tree for generated clauses, and gives up where the grammar fails', () => {
    const r = random(9);
    const counts = { common: 0, grammar: 0, neither: 0 };
    for (let i = 0; i < 3000; i++) {
      let text = Array.from({ length: 1 + r(3) }, () => clause(r)).join('\n');
      if (i % 3 === 0) text = mutate(text, r);
      const types = baseTypes();
      const tokens = tokensOf(text, types);
      if (tokens === null) continue;
      counts[compare(tokens, types)]++;
    }
    expect(counts.common).toBeGreaterThan(1000);
    expect(counts.grammar).toBeGreaterThan(100);
    expect(counts.neither).toBeGreaterThan(100);
  });

  it('takes the common forms itself and leaves the rest to the grammar', () => {
    const types = baseTypes();
    const common = (src: string): boolean => parseCommon(lex(src, types).tokens, types) !== null;
    expect(common('bench:::work /arg0 == 1/ { @c[probefunc, arg0] = count(); self->x = timestamp; printf("%d %s\\n", arg0, probename); }')).toBe(true);
    expect(common('BEGIN { if (x) { y = 1; } else z++; ; exit(0) }')).toBe(true);
    expect(common('BEGIN { x = (int)arg0; }')).toBe(false);
    expect(common('BEGIN { x = sizeof (arg0); }')).toBe(false);
    expect(common('int x; BEGIN { x = 1; }')).toBe(false);
    expect(common('BEGIN')).toBe(false);
    expect(common('BEGIN { x = 08; }')).toBe(false);
    expect(common('BEGIN { (x + 1)(1); }')).toBe(false);
    expect(common('BEGIN { x = ; }')).toBe(false);
  });

  it('leaves errors to the grammar, which reports them where it always did', () => {
    const types = baseTypes();
    const stop = (src: string): string | undefined => parse(lex(src, types).tokens, types).error?.token.image;
    expect(stop('BEGIN { x = 1 y = 2; }')).toBe('y');
    expect(stop('BEGIN /x/ { a[1 = 2; }')).toBe(';');
  });
});
