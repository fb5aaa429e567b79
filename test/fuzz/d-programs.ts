/*
 * Grammar-aware generation of D programs for the fuzzer: clauses of well-typed statements over
 * the variables, builtins, actions and aggregating functions D has, and, mixed in, ill-typed and
 * ill-formed ones (unknown names, JavaScript names, wrong argument counts and types, stray
 * tokens, deep nesting). Shrinking comes from fast-check's combinators: a failing program
 * shrinks to fewer clauses, statements and smaller expressions.
 */

import fc from 'fast-check';

const JS_NAMES = [...Object.getOwnPropertyNames(Object.prototype), 'prototype', '__proto__'];

const ints = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map(String),
  fc.constantFrom('0', '1', '-1', '0x7fffffffffffffff', '0xffffffffffffffff', '18446744073709551616', '077', '1u', '99999999999999999999'),
);
const strings = fc.oneof(
  fc.constantFrom('"hi"', '""', '"\\xff"', '"\\0"', '"%d %s"', '"\\n"', '"a\\tb"'),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s.replace(/[\n\r]/g, ' '))),
);
const builtins = fc.constantFrom('pid', 'tid', 'timestamp', 'vtimestamp', 'walltimestamp', 'execname', 'probename', 'probefunc', 'probemod', 'probeprov', 'zonename', 'cpu', 'arg0', 'arg1', 'args[0]', 'curthread', 'errno', 'epid', 'id', 'uid', 'stackdepth', 'caller');
const vars = fc.constantFrom('x', 'y', 's', 'self->t', 'this->v', 'a[1]', 'a[pid]', 'b["k", 1]');
const badNames = fc.oneof(fc.constantFrom(...JS_NAMES), fc.constantFrom('nosuch', '$1', '$$constructor', '$target', '`x'));
const binops = fc.constantFrom('+', '-', '*', '/', '%', '<<', '>>', '&', '|', '^', '&&', '||', '^^', '==', '!=', '<', '<=', '>', '>=');
const unops = fc.constantFrom('-', '!', '~', '+', '*', '&');
const subrs = fc.constantFrom('strlen', 'lltostr', 'strjoin', 'substr', 'index', 'rindex', 'strchr', 'basename', 'dirname', 'toupper', 'tolower', 'strtoll', 'rand', 'copyinstr', 'stringof');

export const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    ints,
    strings,
    builtins,
    vars,
    badNames,
    fc.tuple(tie('e'), binops, tie('e')).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(unops, tie('e')).map(([op, a]) => `${op}${a}`),
    tie('e').map((a) => `(${a})`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    fc.tuple(subrs, fc.array(tie('e'), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.tuple(fc.constantFrom('int', 'char', 'string', 'uint64_t', 'zone_t *', 'void'), tie('e')).map(([t, a]) => `(${t})${a}`),
    fc.tuple(fc.constantFrom('sizeof', 'stringof'), tie('e')).map(([k, a]) => `${k}(${a})`),
    fc.tuple(vars, fc.constantFrom('=', '+=', '-=', '*=', '<<=', '|='), tie('e')).map(([v, op, a]) => `${v} ${op} ${a}`),
    fc.tuple(tie('e'), fc.constantFrom('->', '.'), fc.constantFrom('zone_name', 'zone_id', 'nosuch', ...JS_NAMES)).map(([a, op, m]) => `${a}${op}${m}`),
  ),
})).e;

const aggfn = fc.constantFrom('count', 'sum', 'avg', 'min', 'max', 'stddev', 'quantize', 'lquantize', 'llquantize', ...JS_NAMES.slice(0, 4));
const actionNames = fc.constantFrom('trace', 'printf', 'printa', 'tracemem', 'stack', 'ustack', 'speculate', 'commit', 'discard', 'exit', 'clear', 'trunc', 'normalize', 'denormalize', 'print', 'setopt', 'chill', 'raise', 'breakpoint', 'system', 'freopen', ...JS_NAMES.slice(4, 8));

const statement: fc.Arbitrary<string> = fc.oneof(
  expr.map((e) => `${e};`),
  fc.tuple(fc.constantFrom('@a', '@b', '@', '@c[pid]', '@d[execname, 1]'), aggfn, fc.array(expr, { maxLength: 3 })).map(([a, f, args]) => `${a} = ${f}(${args.join(', ')});`),
  fc.tuple(actionNames, fc.array(expr, { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')});`),
  fc.tuple(strings, fc.array(expr, { maxLength: 3 })).map(([fmt, args]) => `printf(${[fmt, ...args].join(', ')});`),
  fc.tuple(expr, expr).map(([c, e]) => `if (${c}) { ${e}; } else { trace(1); }`),
  fc.constantFrom('printa(@a);', 'trunc(@a, 1);', 'exit(0);', 'exit(1);', 'speculate(1);', 'commit(1);', 'tracemem(0, 16);', 'stack();'),
);

const probeDesc = fc.oneof(
  fc.constantFrom('BEGIN', 'END', 'ERROR', 'tick-1ms', 'tick-10ms', 'profile-97', 'zone:::', 'zone:::zone-create', 'zsd*:::', 'sched:::on-cpu', 'fbt::zone_create:entry', 'fbt:::return', 'sdt:::', 'lockstat:::'),
  fc.constantFrom('tick-100ns', 'profile-1ns', 'tick-1constructor', 'nosuch:::', 'constructor:::', ':::__proto__', 'fbt::toString:'),
);

const clause = fc.tuple(fc.array(probeDesc, { minLength: 1, maxLength: 2 }), fc.option(expr, { nil: undefined }), fc.array(statement, { maxLength: 5 })).map(
  ([probes, pred, body]) => `${probes.join(',\n')}${pred === undefined ? '' : `\n/${pred}/`}\n{\n  ${body.join('\n  ')}\n}`,
);

const topLevel = fc.oneof(
  { weight: 6, arbitrary: clause },
  { weight: 1, arbitrary: fc.constantFrom('int x;', 'string s;', 'self int t;', 'int a[4];', 'int b[string, int];', 'inline int K = 5;', '#pragma D option quiet', '#pragma D option nspec=4', '#pragma D option strsize=32', '#pragma D option constructor', 'int big[0x7fffffffffffffff];') },
);

/** A whole program: a few top-level items. */
export const dProgram: fc.Arbitrary<string> = fc.array(topLevel, { minLength: 1, maxLength: 5 }).map((items) => items.join('\n'));

/** Deep or long programs: nesting and chains around the limits. */
export const deepProgram: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('(', '-', 'x ? 1 : ', 'if (x) ', '1 + ', 'strlen(lltostr(', '!'), fc.integer({ min: 1, max: 3000 }))
  .map(([unit, n]) => {
    if (unit === 'if (x) ') return `BEGIN { x = 1; ${unit.repeat(n)}trace(1); exit(0); }`;
    const close = unit === '(' ? ')' : unit === 'strlen(lltostr(' ? '))' : '';
    return `BEGIN { x = 1; trace(${unit.repeat(n)}1${close.repeat(n)}); exit(0); }`;
  });
