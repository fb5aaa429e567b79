import { describe, expect, it } from 'vitest';
import { lex } from '../../src/lang/lexer.js';
import { KEYWORDS } from '../../src/lang/tokens.js';
import { parseIntLiteral, parseCharLiteral, decodeEscapes } from '../../src/lang/literals.js';
import { compileErr, compileOk, rig, run } from '../runtime/fake-host.js';

const types = new Set<string>(KEYWORDS);
const names = (src: string): string[] => lex(src, types).tokens.map((t) => t.tokenType.name);

describe('lexer', () => {
  it('lexes probe descriptions only at clause start and predicates by the delimiter rule', () => {
    expect(names('sdt:::zsd-*-start /a / b/ { x = a / 2; }')).toEqual([
      'ProbeDesc', 'Div', 'Identifier', 'Div', 'Identifier', 'PredEnd', 'LCurly', 'Identifier', 'Assign', 'Identifier', 'Div', 'IntLit', 'Semi', 'RCurly',
    ]);
    expect(names('int x; BEGIN {}')[0]).toBe('Kw_int');
    expect(names('BEGIN, tick-1s {}')).toEqual(['ProbeDesc', 'Comma', 'ProbeDesc', 'LCurly', 'RCurly']);
  });
  it('reports lexical errors with offsets', () => {
    const e = (src: string) => lex(src, types).errors[0];
    expect(e('BEGIN { /* a /* b */ }')?.message).toBe('/* encountered inside a comment');
    expect(e('BEGIN { x = "ab\n"; }')?.code).toBe('D_STR_NL');
    expect(e('BEGIN { x = 1.5; }')?.message).toBe('floating-point constants are not permitted');
    expect(e('BEGIN /(x/ { }')?.message).toBe('closing ) expected in predicate before /');
    expect(e('BEGIN { x = 1; ] }')?.message).toBe('extra ] in input stream');
  });
  it('types integer literals as C does', () => {
    const t = (s: string) => {
      const r = parseIntLiteral(s);
      return 'type' in r ? r.type.kind === 'int' && `${r.type.size}${r.type.signed ? 's' : 'u'}` : r.code;
    };
    expect(t('1')).toBe('4s');
    expect(t('2147483648')).toBe('8s');
    expect(t('0xffffffff')).toBe('4u');
    expect(t('1u')).toBe('4u');
    expect(t('1l')).toBe('8s');
    expect(t('1ull')).toBe('8u');
    expect(t('0xffffffffffffffff')).toBe('8u');
    expect(t('0128')).toBe('D_INT_DIGIT');
    expect(t('99999999999999999999')).toBe('D_INT_OFLOW');
  });
  it('decodes escapes and character constants', () => {
    expect(decodeEscapes('a\\tb\\101\\x41\\\\')).toBe('a\tbAA\\');
    expect(parseCharLiteral("'a'")).toEqual({ value: 97 });
    expect(parseCharLiteral("''")).toMatchObject({ code: 'D_CHR_NULL' });
    expect(parseCharLiteral("'abcdefghi'")).toMatchObject({ code: 'D_CHR_OFLOW' });
  });
});

describe('parser and precedence', () => {
  const value = (expr: string): unknown => run(`BEGIN { trace(${expr}); }`).r.sink.traced()[0];
  it('applies every precedence level', () => {
    expect(value('1 + 2 * 3')).toBe(7);
    expect(value('(1 + 2) * 3')).toBe(9);
    expect(value('1 << 2 + 1')).toBe(8);
    expect(value('1 < 2 == 1')).toBe(1);
    expect(value('6 & 3 ^ 1 | 8')).toBe(11);
    expect(value('1 || 0 && 0')).toBe(1);
    expect(value('1 ^^ 1 || 1')).toBe(1);
    expect(value('1 ^^ 1')).toBe(0);
    expect(value('0 ^^ 1')).toBe(1);
    expect(value('1 && 0 ^^ 1')).toBe(1);
    expect(value('0 ? 1 : 2 ? 3 : 4')).toBe(3);
    expect(value('-2 * -3')).toBe(6);
    expect(value('!0 + ~0')).toBe(0);
    expect(value('10 - 2 - 3')).toBe(5);
    expect(value('100 / 10 / 5')).toBe(2);
    expect(value('7 % 4')).toBe(3);
    expect(value('sizeof(int) + sizeof (long)')).toBe(12);
    expect(value('(char)300')).toBe(44);
  });
  it('accepts if/else, empty statements, a missing last semicolon, several descriptions', () => {
    const r = rig();
    compileOk(r, 'BEGIN, END { ; x = 1; if (x) { y = 2; } else y = 3; trace(x) }');
    expect(run('BEGIN { x = 0; if (x) trace(1); else trace(2); }').r.sink.traced()).toEqual([2]);
  });
  it('reports syntax errors with line, column and tag', () => {
    const d = compileErr('BEGIN\n{\n  x = ;\n}');
    expect(d).toMatchObject({ code: 'D_SYNTAX', message: 'syntax error near ";"', line: 3, column: 7 });
    expect(compileErr('BEGIN { x = 1').message).toBe('syntax error near end of input');
    expect(compileErr('BEGIN').message).toBe('expected predicate and/or actions following probe description');
    expect(compileErr('BEGIN { while (1) { } }').message).toBe('syntax error near "while"');
    expect(compileErr('BEGIN { x = 1 y = 2; }').message).toBe('syntax error near "y"');
  });
});
