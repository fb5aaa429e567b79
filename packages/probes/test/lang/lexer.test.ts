import { describe, expect, it } from 'vitest';
import { LexerDefinitionErrorType, type TokenType } from 'chevrotain';
import { createDLexer, lex } from '../../src/lang/lexer.js';
import { ALL_TOKENS, KEYWORDS, ProbeDesc } from '../../src/lang/tokens.js';

const types = new Set<string>(KEYWORDS);
const show = (src: string): string[] => lex(src, types).tokens.map((t) => `${t.tokenType.name}@${t.startOffset}:${t.image}`);

describe('lexer dispatch', () => {
  it('is a valid chevrotain lexer definition in optimized mode', () => {
    // The shared instance skips validation for start-up time; this one runs it.
    // ensureOptimizations makes construction throw if any pattern lacks its first characters.
    const lexer = createDLexer(true);
    // Chevrotain's static reachability check runs custom patterns out of context: a probe
    // description matches `.`, `->`, `*`, … only where a clause may start (lex-context.ts), which
    // the check cannot know. Every other finding would be a real error.
    const real = lexer.lexerDefinitionErrors.filter((e) => !(e.type === LexerDefinitionErrorType.UNREACHABLE_PATTERN && e.tokenTypes?.[0] === ProbeDesc));
    expect(real).toEqual([]);
    expect(lexer.lexerDefinitionErrors.length).toBeGreaterThan(0);
  });
  it('declares every character a regular-expression pattern can start with', () => {
    // The lexer only tries the patterns listed for the character at hand (start_chars_hint), so
    // a pattern that could start with an undeclared character would silently never match there.
    const regexTokens = ALL_TOKENS.filter((t): t is TokenType & { PATTERN: RegExp } => t.PATTERN instanceof RegExp);
    expect(regexTokens.length).toBeGreaterThan(5);
    for (const t of regexTokens) {
      const hint = new Set((t.START_CHARS_HINT ?? []).map((c) => (typeof c === 'number' ? String.fromCharCode(c) : c)));
      const re = new RegExp(t.PATTERN.source, 'y');
      for (let c = 0; c < 128; c++) {
        const ch = String.fromCharCode(c);
        if (hint.has(ch)) continue;
        for (const rest of ['', 'a', '0', '1"', "a'", '\n', 'x`y']) {
          re.lastIndex = 0;
          expect(re.test(ch + rest), `${t.name} matches ${JSON.stringify(ch + rest)}`).toBe(false);
        }
      }
    }
  });
  it('takes the first pattern that matches, in vocabulary order, and skips blanks and comments', () => {
    expect(show('BEGIN /* c */ { x <<= 1 -> y--; }\\\n')).toEqual([
      'ProbeDesc@0:BEGIN', 'LCurly@14:{', 'Identifier@16:x', 'ShlAssign@18:<<=', 'IntLit@22:1', 'Arrow@24:->', 'Identifier@27:y', 'Dec@28:--', 'Semi@30:;', 'RCurly@32:}',
    ]);
    expect(show('BEGIN { @a[$1] = 0x1fUL; s = "a\\"b"; c = \'\\n\'; }').slice(2, 11)).toEqual([
      'AggName@8:@a', 'LBracket@10:[', 'MacroVar@11:$1', 'RBracket@13:]', 'Assign@15:=', 'IntLit@17:0x1fUL', 'Semi@23:;', 'Identifier@25:s', 'Assign@27:=',
    ]);
  });
  it('reports one error per run of characters that start nothing, then resumes', () => {
    const r = lex('BEGIN { x = 1 ## 2; y = 3 é; }', types);
    expect(r.errors).toEqual([
      { code: 'D_SYNTAX', message: 'syntax error near "#"', offset: 14 },
      { code: 'D_SYNTAX', message: 'syntax error near "é"', offset: 26 },
    ]);
    expect(r.tokens.map((t) => t.image)).toEqual(['BEGIN', '{', 'x', '=', '1', '2', ';', 'y', '=', '3', ';', '}']);
  });
  it('orders lexical errors by offset', () => {
    const r = lex('BEGIN { x = 1.5; y = "a\n; ) }', types);
    expect(r.errors.map((e) => [e.code, e.offset])).toEqual([['D_SYNTAX', 12], ['D_STR_NL', 21], ['D_SYNTAX', 26]]);
  });
});
