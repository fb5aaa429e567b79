import { describe, expect, it } from 'vitest';
import { compile } from '../../src/lang/compile.js';
import { formatDiagnostic } from '../../src/lang/diagnostics.js';
import { compileErr, compileOk, rig, ZONE_TYPES } from '../runtime/fake-host.js';

const code = (src: string, extra = {}): string => compileErr(src, extra).code;

describe('semantic errors by tag', () => {
  it.each([
    ['BEGIN { trace(y); }', 'D_IDENT_UNDEF'],
    ['BEGIN { @a = count(); @a = sum(1); }', 'D_AGG_REDEF'],
    ['BEGIN { @a[1] = count(); @a["x"] = count(); }', 'D_PROTO_ARG'],
    ['BEGIN { @a[1] = count(); @a[1, 2] = count(); }', 'D_PROTO_LEN'],
    ['BEGIN { @a = lquantize(1, 10, 0); }', 'D_LQUANT_MISMATCH'],
    ['BEGIN { @a = lquantize(1, 0, 10, 0); }', 'D_LQUANT_STEPTYPE'],
    ['BEGIN { @a = lquantize(1, 0, 10, 20); }', 'D_LQUANT_STEPLARGE'],
    ['BEGIN { @a = lquantize(1, x, 10); }', 'D_IDENT_UNDEF'],
    ['BEGIN { @a = lquantize(1, 0, 10); @a = lquantize(1, 0, 20); }', 'D_LQUANT_MATCHLIM'],
    ['BEGIN { @a = llquantize(1, 1, 0, 2, 10); }', 'D_LLQUANT_FACTORSMALL'],
    ['BEGIN { @a = llquantize(1, 70000, 0, 2, 10); }', 'D_LLQUANT_FACTORVAL'],
    ['BEGIN { @a = llquantize(1, 10, -1, 2, 10); }', 'D_LLQUANT_LOWVAL'],
    ['BEGIN { @a = llquantize(1, 10, 0, 2, 3); }', 'D_LLQUANT_FACTORNSTEPS'],
    ['BEGIN { @a = llquantize(1, 10, 0, 2, 15); }', 'D_LLQUANT_FACTOREVEN'],
    ['BEGIN { @a = llquantize(1, 10, 2, 2, 10); }', 'D_LLQUANT_MAGRANGE'],
    ['BEGIN { @a = llquantize(1, 10, 0, 18, 10); }', 'D_LLQUANT_MAGTOOBIG'],
    ['BEGIN { @a = llquantize(1, 2, 0, 2, 4); @a = llquantize(1, 4, 0, 2, 4); }', 'D_LLQUANT_FACTORMATCH'],
    ['BEGIN { @a = llquantize(1, 10, 0, 2, 10); @a = llquantize(1, 10, 0, 2, 20); }', 'D_LLQUANT_NSTEPMATCH'],
    ['BEGIN { @a = llquantize(1, 10, 0, 2, 2 * 5); @a = llquantize(1, 10, 0, 2, 20); }', 'D_LLQUANT_NSTEPMATCH'],
    ['BEGIN { @a = lquantize(1, 0, 10, 1 - 1); }', 'D_LQUANT_STEPTYPE'],
    ['BEGIN { @a = count(); x = @a + 1; }', 'D_OP_INCOMPAT'],
    ['BEGIN { x = 5 / (2 - 2); }', 'D_DIV_ZERO'],
    ['BEGIN { x = 5; x %= 3 - 3; }', 'D_DIV_ZERO'],
    ['BEGIN { printf("%@d", 1); }', 'D_PRINTF_AGG_CONV'],
    ['BEGIN { @a = 1; }', 'D_AGG_FUNC'],
    ['BEGIN { x = count(); }', 'D_AGG_FUNC'],
    ['BEGIN { @a = count(); x = @a; }', 'D_AGG_SCALAR'],
    ['BEGIN { printf("%d\\n", "s"); }', 'D_PRINTF_ARG_TYPE'],
    ['BEGIN { printf("%d\\n", 1, 2); }', 'D_PRINTF_ARG_EXTRA'],
    ['BEGIN { printf("%d %d\\n", 1); }', 'D_PRINTF_ARG_PROTO'],
    ['BEGIN { trace(1); speculate(1); }', 'D_SPEC_DREC'],
    ['BEGIN { speculate(1); speculate(1); }', 'D_SPEC_SPEC'],
    ['BEGIN { trace(1); commit(1); }', 'D_COMM_DREC'],
    ['BEGIN { speculate(1); @a = count(); }', 'D_AGG_SPEC'],
    ['BEGIN { commit(1); @a = count(); }', 'D_AGG_COMM'],
    ['BEGIN { speculate(1); exit(0); }', 'D_EXIT_SPEC'],
    ['BEGIN { commit(1); trace(1); }', 'D_DREC_COMM'],
    ['BEGIN { x = 1 / 0; }', 'D_DIV_ZERO'],
    ['BEGIN { x = "a" - 1; }', 'D_OP_INCOMPAT'],
    ['BEGIN { x = "a" * 2; }', 'D_OP_ARITH'],
    ['BEGIN { x = 1; x = "s"; }', 'D_OP_INCOMPAT'],
    ['BEGIN { raise(9); }', 'D_ACT_DESTRUCT'],
    ['nosuch:::probe { }', 'D_PDESC_ZERO'],
    ['BEGIN { trace($1); }', 'D_MACRO_UNDEF'],
    ['#pragma D option nosuch\nBEGIN { }', 'D_PRAGMA_OPTSET'],
    ['#define X 1\nBEGIN { }', 'D_PRAGCTL_INVAL'],
    ['#pragma error stop here\nBEGIN { }', 'D_PRAGERR'],
    ['test:::zsd-create { trace(args[0]->nosuch); }', 'D_TYPE_MEMBER'],
    ['test:::zsd-create { trace(args[5]); }', 'D_ARGS_IDX'],
    ['BEGIN { trace(offsetof(int, x)); }', 'D_OFFSETOF_TYPE'],
  ])('%s -> %s', (src, tag) => {
    expect(code(src)).toBe(tag);
  });

  it('uses dtrace wording', () => {
    expect(compileErr('BEGIN { trace(y); }').message).toBe('failed to resolve y: Unknown variable name');
    expect(compileErr('nosuch:::probe { }').message).toBe('probe description nosuch:::probe does not match any probes');
    expect(compileErr('BEGIN { @a = count(); @a = sum(1); }').message).toBe(
      'aggregation redefined: @a\n\t current: @a = sum( )\n\tprevious: @a = count( ) : line 1',
    );
    expect(compileErr('BEGIN { printf("%d\\n", "s"); }').message).toMatch(/^printf\( \) argument #2 is incompatible with conversion #1 prototype:\n\tconversion: %d\n\t prototype: int\n\t  argument: string$/);
    expect(compileErr('BEGIN { trace(1); }', { macroArgs: ['foo'] })).toMatchObject({ code: 'D_MACRO_UNUSED', message: "extraneous argument 'foo' ($1 is not referenced)" });
  });

  it('allows what options allow', () => {
    const r = rig();
    compileOk(r, 'nosuch:::probe { }', { options: { zdefs: true } });
    compileOk(r, 'BEGIN { raise(9); }', { options: { destructive: true } });
    compileOk(r, 'BEGIN { trace($1); }', { options: { defaultargs: true } });
    compileOk(r, 'BEGIN { trace(1); }', { macroArgs: ['x'], options: { argref: true } });
    const p = compileOk(r, '#!/usr/sbin/dtrace -s\n#pragma D option quiet\n#pragma D option bufsize=8k\nBEGIN { }', { options: { aggsortrev: true } });
    expect(p.options).toMatchObject({ quiet: true, bufsize: 8192, aggsortrev: true });
  });

  it('counts matched probes per unit and formats diagnostics like dtrace', () => {
    const r = rig();
    const p = compileOk(r, 'BEGIN {} BEGIN {} test:::* {}');
    expect(p.units[0]!.matched).toBe(5);
    const n = compile([{ text: 'BEGIN { x = ; }', kind: 'n' }], { registry: r.registry, types: ZONE_TYPES });
    expect(formatDiagnostic(n.diagnostics[0]!, { text: 'BEGIN { x = ; }', kind: 'n' }, { errtags: false, progname: 'zsdtrace' })).toBe(
      'zsdtrace: invalid probe specifier BEGIN { x = ; }: syntax error near ";"',
    );
    const s = compile([{ text: 'BEGIN\n{\n}\n}', kind: 'script', name: 'x.d' }], { registry: r.registry });
    expect(formatDiagnostic(s.diagnostics[0]!, { text: '', kind: 'script', name: 'x.d' }, { errtags: true, progname: 'zsdtrace' })).toBe(
      'zsdtrace: failed to compile script x.d: [D_SYNTAX] line 4: syntax error near "}"',
    );
    const d = compile([{ text: 'BEGIN { x = 1; }', kind: 'n' }, { text: 'tick-1s', kind: 'n' }], { registry: r.registry });
    expect(d.program?.units.map((u) => u.description)).toEqual(['BEGIN', 'tick-1s']);
  });

  it('substitutes macro arguments by their lexical class', () => {
    const r = rig();
    const p = compileOk(r, 'BEGIN { trace($1 + 1); trace($$2); trace($2); }', { macroArgs: ['41', 'hello world'] });
    expect(p.constants).toContain('hello world');
  });
});
