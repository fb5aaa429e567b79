/*
 * scan-common.ts must be a faster route to chevrotain's tokens, never a second lexer: wherever
 * it returns tokens, lexWithChevrotain must return the same ones (type, text, offset) with no
 * error. Checked over every script of the corpus and the examples, and over generated and
 * mutated text.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IToken } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { random, scripts } from './equivalence-inputs.js';
import { lex, lexWithChevrotain } from '../../src/lang/lexer.js';
import { preprocess } from '../../src/lang/preprocess.js';
import { scanCommon } from '../../src/lang/scan-common.js';
import { KEYWORDS } from '../../src/lang/tokens.js';
import { builtinTypeNames } from '../../src/lang/types.js';

const root = join(import.meta.dirname, '../../../..');
const types: ReadonlySet<string> = new Set<string>([...KEYWORDS, ...builtinTypeNames(), 'zone_t', 'my_t']);

const shape = (tokens: readonly IToken[]): string[] => tokens.map((t) => `${t.startOffset}:${t.tokenType.name}:${t.image}`);

/** 'common' when both agree, 'chevrotain' when only chevrotain lexes cleanly, 'neither'. */
function compare(text: string): 'common' | 'chevrotain' | 'neither' {
  const common = scanCommon(text, types);
  const full = lexWithChevrotain(text, types);
  if (common === null) return full.errors.length === 0 ? 'chevrotain' : 'neither';
  expect(full.errors).toEqual([]);
  expect(shape(common)).toEqual(shape(full.tokens));
  return 'common';
}


/** Pieces of D text, including the ones that change the lexer's context or make it fail. */
const PIECES = [
  'BEGIN', 'syscall::read:entry', 'tick-1s', 'zsd:::*', 'END', '*:::', '123', ',', '/', '/', '{', '}', '(', ')', '[', ']', ';', ';',
  'x', 'self->t', '@a', '@', 'int', 'my_t', 'zone_t', 'string', 'this', 'if', 'else', 'sizeof', 'count()', '$1', '$$2', '$pid', '$',
  '42', '0x1fUL', '08', '1.5', '.5', '1e3', '...', '.', '"s"', '"a\\"b"', '"open', "'c'", "''", "'ab", '/* c */', '/* a /* b */', '/*',
  '+', '-', '*', '%', '<<=', '>>', '->', '++', '--', '&&', '||', '^^', '==', '!=', '<=', '>=', '=', '+=', '?', ':', '!', '~', '&', '|', '^',
  '#', '\\', '`x', 'a`b', '\u00e9', '\t', '\n', ' ', '  ',
];

describe('the common-text scanner', () => {
  it('returns chevrotain’s tokens for every corpus script and example it accepts', () => {
    const counts = { common: 0, chevrotain: 0, neither: 0 };
    for (const file of [...scripts(join(root, 'test/corpus')), ...scripts(join(root, 'examples'))]) {
      counts[compare(preprocess(readFileSync(file, 'utf8'), { enabled: false, defines: new Map() }).text)]++;
    }
    // Nearly every script is common text (the rest uses backquotes, line continuations, …).
    expect(counts.common).toBeGreaterThan(500);
  });

  it('returns chevrotain’s tokens for generated text, and gives up where chevrotain reports errors', () => {
    const r = random(9);
    const counts = { common: 0, chevrotain: 0, neither: 0 };
    for (let i = 0; i < 4000; i++) {
      const parts: string[] = [];
      for (let k = 2 + r(30); k > 0; k--) parts.push(PIECES[r(PIECES.length)]!, r(4) === 0 ? '' : ' ');
      counts[compare(parts.join(''))]++;
    }
    expect(counts.common).toBeGreaterThan(500);
    expect(counts.chevrotain).toBeGreaterThan(100);
    expect(counts.neither).toBeGreaterThan(500);
  });

  it('scans common text itself and leaves the rest to chevrotain', () => {
    const common = (src: string): boolean => scanCommon(src, types) !== null;
    expect(common('bench:::work /arg0 == 1/ { @c[probefunc, arg0] = count(); self->x = timestamp; printf("%d %s\\n", arg0, probename); }')).toBe(true);
    expect(common('int x; /* note */ BEGIN, END { x = y / 2; }')).toBe(true);
    expect(common('BEGIN { x = 1.5; }')).toBe(false);
    expect(common('BEGIN { x = `kernelbase; }')).toBe(false);
    expect(common('BEGIN { x = "open\n"; }')).toBe(false);
    expect(common('BEGIN { x = 1; ] }')).toBe(false);
    expect(common('BEGIN /(x/ { }')).toBe(false);
  });

  it('leaves errors to chevrotain, which reports them as before', () => {
    expect(lex('BEGIN { /* a /* b */ }', types).errors[0]?.message).toBe('/* encountered inside a comment');
    expect(lex('BEGIN { x = 1.5; }', types).errors[0]?.message).toBe('floating-point constants are not permitted');
  });
});
