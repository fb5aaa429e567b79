/*
 * The D compiler driver. Roadmap — the phases, in order, with their files:
 *
 *   1. preprocess.ts     `#!`, `#pragma D option|depends_on|error|ident`, `#line`, optional cpp;
 *                        pragma options are validated against the option table
                        (program/options.ts).
 *   2. lexer.ts          chevrotain Lexer (tokens.ts) with dt_lex.l's context rules
 *                        (lex-context.ts): probe descriptions, predicate delimiters, comments.
 *                        scan-common.ts produces the same tokens for common text, faster;
 *                        chevrotain takes everything else and every error.
 *   3. macros.ts         `$1…$N`, `$$N`, `$target`, … substituted on the token stream
 *                        (D_MACRO_UNDEF; D_MACRO_UNUSED after all units).
 *   4. parser.ts,        the grammar, a chevrotain EmbeddedActionsParser that builds the typed
 *      parse-expr.ts     AST (ast.ts) directly, literals decoded by literals.ts; the first
 *                        recognition error is `syntax error near "x"`. parse-common.ts builds
 *                        the same tree for the common forms by direct descent, faster; the
 *                        grammar takes everything else and every error.
 *   5. ast-builder.ts    reports what the parser deferred (bad literals, calls on non-names,
 *                        clauses without actions, by kind of unit) in dtrace's order.
 *   6. sema-probes.ts    probe descriptions matched against the registry (-Z).
 *   7. sema-expr.ts,     names, scopes and types (sema-scope.ts, types.ts); operators
 *      sema-ops.ts,      (sema-ops.ts); calls, aggregation,
 *      sema-actions.ts   printf and speculation rules (sema-action-args.ts: the formats and
 *                        aggregations actions take). Program order matters: the first
 *                        assignment of a variable fixes its type, as in dtrace.
 *   8. codegen/codegen*  clauses -> JavaScript source + constants table; printf formats are
 *                        parsed once (program/printf-format.ts) and shared by sema, codegen
 *                        and the consumer.
 *   9. codegen/link.ts   the Program (program/program.ts): clause code, enablings and epids
 *                        by probe, variables, aggregations, options resolved once. The runtime
 *                        fuses it per probe and never imports the compiler.
 *
 * Type libraries (library.ts) go through phases 1-7 before the first unit, as dtrace compiles
 * /usr/lib/dtrace/*.d before the user's program: their typedefs, structs, translators and
 * inlines are the program's, their errors name the library.
 *
 * Providers (tick-/profile- included, provider/profile.ts) are the caller's: compile() only
 * matches probe descriptions against the registry it is given.
 *
 * Errors are data: the first one stops compilation (as dtrace does) and is returned as a
 * Diagnostic; compile() never throws for user input. A program that compiles but would be
 * refused when enabled (destructive actions without -w) fails with an `enable` diagnostic.
 */

import { seedLibrary } from './fault-codes.js';
import type { ProbeRegistry } from '../provider/registry.js';
import type { Program } from '../program/program.js';
import { LIMITS, optionLimitError } from '../program/limits.js';
import { resolveOptions, validateOption, type RawOptionTable } from '../program/options.js';
import { link, type ClauseOut } from '../codegen/link.js';
import type * as A from './ast.js';
import { buildAst } from './ast-builder.js';
import { DiagnosticSink, LineMap, type Diagnostic, type SourceUnit } from './diagnostics.js';
import { lex } from './lexer.js';
import { substituteMacros, unusedMacroErrors, type MacroContext } from './macros.js';
import { nestingError } from './nesting.js';
import { parse } from './parser.js';
import { preprocess } from './preprocess.js';
import { callHooks, setLineResolver } from './sema-actions.js';
import { Checker, newClauseContext, SemaError, type ClauseContext } from './sema-expr.js';
import { CodegenError } from './sema-error.js';
import { matchProbes } from './sema-probes.js';
import { declare, declareInline, typedefNames } from './sema-decl.js';
import { defineTranslator } from './sema-xlate.js';
import { Scope } from './sema-scope.js';
import { KEYWORDS } from './tokens.js';
import { nameTable } from '../name-table.js';
import { builtinTypeNames } from './types.js';
import { librariesFor } from './library-demand.js';
import { libraryUnits, publishKernelTypes, snapshotTypeNames, type TypeLibrary } from './library.js';

export interface CompileOptions {
  registry: ProbeRegistry;
  /** Struct member types: `{ 'zone_t': { zone_id: 'zoneid_t', … } }`. */
  types?: Record<string, Record<string, string>>;
  /** Type libraries compiled before the units, in order (library.ts). */
  libraries?: readonly TypeLibrary[];
  /** `$1…$N` (`$0` is the script name). */
  macroArgs?: readonly string[];
  /** `$pid`, `$target`, … */
  macros?: Record<string, number>;
  /** -x options from the command line. */
  options?: Record<string, string | true>;
  /**
   * compile() and the program's probes run on a thread with LIMITS.largeStackMb of stack: the
   * nesting limits are LIMITS.nesting and LIMITS.expressionDepth. Otherwise both are
   * LIMITS.defaultStackNesting, and a program nested deeper fails with a D_NEST_DEPTH
   * diagnostic marked `largeStack` (the CLI then compiles and runs it on such a thread).
   */
  largeStack?: boolean;
}

export interface CompileResult {
  program?: Program;
  diagnostics: Diagnostic[];
}


class Stop extends Error {}

/**
 * Compiles the units into one Program. The phases recurse over the nesting of the program; a
 * program nested deeper than the limits for its stack (opts.largeStack) is refused with
 * D_NEST_DEPTH, and any phase that still runs out of stack reports that too, never a stack
 * overflow (docs/limits.md gives the depths that compile).
 */
export function compile(units: readonly SourceUnit[], opts: CompileOptions): CompileResult {
  const size = units.reduce((n, u) => n + u.text.length, 0);
  if (size > LIMITS.scriptBytes) {
    return { diagnostics: [{ code: 'D_SCRIPT_SIZE', message: `program text is ${size} characters; the limit is ${LIMITS.scriptBytes}`, unit: 0 }] };
  }
  let result: CompileResult;
  try {
    result = compileUnits(units, opts);
  } catch (e) {
    // Past the stack, V8 throws RangeError; the parser then may fail on its own broken state
    // with another RangeError (`Invalid array length`) before the overflow reaches here.
    if (!(e instanceof RangeError)) throw e;
    result = { diagnostics: [{ code: 'D_NEST_DEPTH', message: 'program is nested too deeply for the compiler (see the nesting limits in docs/limits.md)', unit: 0 }] };
  }
  const first = result.diagnostics[0];
  if (!opts.largeStack && first?.code === 'D_NEST_DEPTH') result.diagnostics[0] = { ...first, largeStack: true };
  return result;
}

function compileUnits(userUnits: readonly SourceUnit[], opts: CompileOptions): CompileResult {
  const libs = librariesFor(opts.libraries ?? [], userUnits);
  const units = libs.length === 0 ? userUnits : [...libraryUnits(libs), ...userUnits];
  const result = compileAll(units, libs, opts);
  if (libs.length === 0) return result;
  // Diagnostics and unit records index the user's units; a library's error names the library.
  for (const d of result.diagnostics) {
    if (d.unit < libs.length) {
      d.library = libs[d.unit]!.name;
      d.unit = 0;
    } else d.unit -= libs.length;
  }
  return result;
}

function compileAll(units: readonly SourceUnit[], libs: readonly TypeLibrary[], opts: CompileOptions): CompileResult {
  const nesting = opts.largeStack ? LIMITS.nesting : LIMITS.defaultStackNesting;
  const diagnostics: Diagnostic[] = [];
  const options = Object.create(null) as Record<string, string | true>;
  for (const [k, v] of Object.entries(opts.options ?? {})) {
    const err = validateOption(k, v) ?? optionLimitError(k, v);
    if (err) {
      diagnostics.push({ code: 'D_XOPT', message: `failed to set -x ${k}: ${err}`, unit: libs.length });
      return { diagnostics };
    }
    options[k] = v;
  }
  const structs = new Map<string, Map<string, string>>(Object.entries(opts.types ?? {}).map(([k, v]) => [k, new Map(Object.entries(v))]));
  const typeNames = new Set<string>([...KEYWORDS, ...builtinTypeNames(), ...[...structs.keys()].filter((k) => !k.includes(' '))]);
  const scope = new Scope(structs);
  seedLibrary(scope);
  const checker = new Checker(scope, 256, callHooks);
  checker.maxDepth = opts.largeStack ? LIMITS.expressionDepth : LIMITS.defaultStackNesting;
  const used = new Set<number>();
  const clauses: ClauseOut[] = [];
  const unitInfo: { matched: number; description: string }[] = [];
  let tokens = 0;

  try {
    units.forEach((unit, ui) => {
      const cppDefines = new Map<string, string>();
      const pre = preprocess(unit.text, { enabled: options.cpp !== undefined, defines: cppDefines });
      const lines = new LineMap(pre.text);
      for (const r of pre.remaps) lines.remap(r.from, r.line);
      const sink = new DiagnosticSink(ui, lines);
      const bail = (): never => {
        diagnostics.push(...sink.list.slice(0, 1));
        throw new Stop();
      };
      for (const e of pre.errors) sink.error(e.code, e.message, e.offset);
      if (sink.failed) bail();
      for (const p of pre.options) {
        const err = validateOption(p.name, p.value) ?? optionLimitError(p.name, p.value);
        if (err) {
          sink.error('D_PRAGMA_OPTSET', `failed to set option '${p.name}': ${err}`, p.offset);
          bail();
        }
        options[p.name] = p.value;
      }
      const macro: MacroContext = {
        args: [unit.name ?? '', ...(opts.macroArgs ?? [])],
        named: nameTable({ pid: process.pid, ppid: process.ppid, uid: 0, gid: 0, euid: 0, egid: 0, pgid: process.pid, sid: process.pid, projid: 0, taskid: 0, target: 0, ...opts.macros }),
        defaultargs: options.defaultargs !== undefined,
        used,
      };
      const front = frontEnd(pre.text, typeNames, sink, macro, nesting, ui >= libs.length ? tokens : null, unit.kind === 'script' ? 'script' : 'other');
      if (!front) return bail();
      tokens += front.tokens;
      const ast = front.ast;
      // dt_compile: a program with nothing in it, not even declarations (comments and pragmas
      // only), is refused unless the `empty` option is set; libraries may be empty.
      if (ui >= libs.length && ast.items.length === 0 && options.empty === undefined) {
        sink.error('D_EMPTY', 'empty D program translation unit', pre.text.length);
        bail();
      }
      strsizeInto(checker, options);
      setLineResolver((at) => lines.position(at).line);
      let matched = 0;
      const lib = libs[ui];
      const known = lib?.kernel ? snapshotTypeNames(checker.lib) : null;
      for (const item of ast.items) {
        let region: Diagnostic['region'];
        try {
          if (item.k === 'cdecl') declare(checker, item);
          else if (item.k === 'translator') defineTranslator(checker, item);
          else if (item.k === 'decl') continue;
          else if (item.k === 'inline') {
            declareInline(checker, item);
          } else if (lib) {
            throw new SemaError('D_SYNTAX', `probe clauses may not appear in type library ${lib.name}`, item.at);
          } else {
            const probes = matchProbes(unit.kind === 'P' || unit.kind === 'm' || unit.kind === 'f' ? item.probes.map((d) => alignSpec(unit.kind, d)) : item.probes, opts.registry, options.zdefs !== undefined);
            matched += probes.length;
            // dt_cook_clause: the actions are cooked before the predicate, since they more
            // often create the variables; if they name one not known yet, the predicate is
            // cooked first and the actions again (a fresh clause context for the retry).
            let ctx = newClauseContext(probes[0]?.args ?? null);
            checker.clause = ctx;
            region = 'action list';
            let retried = false;
            try {
              checkStatements(checker, item.body ?? [], nesting);
            } catch (e) {
              if (!item.predicate || !(e instanceof SemaError) || (e.code !== 'D_IDENT_UNDEF' && e.code !== 'D_VAR_UNDEF')) throw e;
              retried = true;
            }
            if (item.predicate) {
              if (retried) checker.clause = ctx = newClauseContext(probes[0]?.args ?? null);
              region = 'predicate';
              checker.condition(item.predicate, true);
            }
            if (retried) {
              region = 'action list';
              checkStatements(checker, item.body ?? [], nesting);
            }
            clauses.push({ unit: ui - libs.length, ast: item, probes, ctx });
            if (clauses.length > LIMITS.clauses) throw new SemaError('D_CLAUSE_LIMIT', `program has more than ${LIMITS.clauses} clauses (the limit)`, item.at);
            if (scope.aggList.length > LIMITS.aggregations) throw new SemaError('D_AGG_LIMIT', `program has more than ${LIMITS.aggregations} aggregations (the limit)`, item.at);
          }
        } catch (e) {
          if (!(e instanceof SemaError)) throw e;
          sink.error(e.code, e.message, e.at, region);
          if (e instanceof CodegenError) sink.list[sink.list.length - 1]!.phase = 'codegen';
          bail();
        }
      }
      // dt_compile: a #pragma attributes/binding whose identifier was never defined is unused.
      const unused = pre.retargeted.find((r) => !scope.globals.has(r.name) && !scope.inlines.has(r.name) && !checker.isName(r.name));
      if (unused) {
        sink.error('D_PRAGMA_UNUSED', `unused #pragma ${unused.pragma}`, unused.offset);
        bail();
      }
      if (known) publishKernelTypes(checker, structs, typeNames, known);
      if (!lib) unitInfo.push({ matched, description: describe(unit) });
    });
    if (options.argref === undefined) {
      const unused = unusedMacroErrors({ args: [units[libs.length]?.name ?? '', ...(opts.macroArgs ?? [])], named: {}, defaultargs: false, used });
      for (const e of unused) {
        diagnostics.push({ code: e.code, message: e.message, unit: libs.length });
        return { diagnostics };
      }
    }
  } catch (e) {
    if (e instanceof Stop) return { diagnostics };
    throw e;
  }
  // dtrace compiles destructive actions and refuses them when enabling the program without -w
  // ("failed to enable 'x.d': Destructive actions not allowed"), after every unit compiled.
  const destructive = clauses.find((c) => c.ctx.flags.destructive);
  if (destructive && options.destructive === undefined) {
    diagnostics.push({ code: 'D_ACT_DESTRUCT', message: 'Destructive actions not allowed', unit: destructive.unit + libs.length, phase: 'enable' });
    return { diagnostics };
  }
  return { program: link(clauses, scope, options, unitInfo), diagnostics };
}

/**
 * Phases 2-5 for one unit: lex (again knowing the unit's typedef names), substitute macros,
 * check the nesting, parse and build the AST. The tokens and the parse tree are this call's
 * alone: the later phases keep only the AST, so a long program's tokens are garbage before
 * checking and code generation allocate (rather than copied by every young-generation
 * collection until the unit is done). `counted` is the tokens of the user's units so far, or
 * null for a library (not counted against LIMITS.tokens). Null after an error in the sink.
 */
function frontEnd(
  text: string,
  typeNames: Set<string>,
  sink: DiagnosticSink,
  macro: MacroContext,
  nesting: number,
  counted: number | null,
  kind: 'script' | 'other',
): { ast: A.ProgramAst; tokens: number } | null {
  let lx = lex(text, typeNames);
  // dtrace knows a typedef's name as soon as it is declared: lex again knowing them. (This
  // pass over every token, and the macros' below, is skipped when the text cannot hold
  // what it looks for.)
  const fresh = text.includes('typedef') ? typedefNames(lx.tokens).filter((n) => !typeNames.has(n)) : [];
  if (fresh.length > 0) {
    for (const n of fresh) typeNames.add(n);
    lx = lex(text, typeNames);
  }
  for (const e of lx.errors) sink.error(e.code, e.message, e.offset);
  if (sink.failed) return null;
  // The limit is the user's program's: libraries do not count against it.
  const tokens = counted === null ? 0 : lx.tokens.length;
  if (counted !== null && counted + tokens > LIMITS.tokens) {
    sink.error('D_SCRIPT_SIZE', `program has more than ${LIMITS.tokens} tokens (the limit)`, lx.tokens[lx.tokens.length - 1]?.startOffset ?? 0);
    return null;
  }
  const ms = text.includes('$') ? substituteMacros(lx.tokens, macro) : { tokens: lx.tokens, errors: [] };
  for (const e of ms.errors) sink.error(e.code, e.message, e.offset);
  if (sink.failed) return null;
  const deep = nestingError(ms.tokens, nesting);
  if (deep) {
    sink.error(deep.code, deep.message, deep.offset);
    return null;
  }
  const parsed = parse(ms.tokens, typeNames);
  if (parsed.error) {
    const t = parsed.error.token;
    const eof = t.tokenType.name === 'EOF' || t.image === '';
    sink.error('D_SYNTAX', eof ? 'syntax error near end of input' : `syntax error near "${t.image}"`, eof ? text.length : t.startOffset);
    return null;
  }
  const ast = buildAst(parsed.tree!, sink, kind);
  return sink.failed ? null : { ast, tokens };
}

function strsizeInto(c: Checker, options: RawOptionTable): void {
  (c as { strsize: number }).strsize = resolveOptions(options).strsize;
}

function checkStatements(c: Checker, list: readonly A.Stmt[], limit: number, depth = 0): void {
  for (const s of list) {
    if (s.k === 'if') {
      if (depth >= limit) throw new SemaError('D_NEST_DEPTH', `if statements nested more than ${limit} levels deep`, s.at);
      c.condition(s.cond, false);
      checkStatements(c, s.then, limit, depth + 1);
      if (s.else) checkStatements(c, s.else, limit, depth + 1);
    } else c.statement(s.expr);
  }
}

/**
 * -P, -m and -f give a partial description whose last field is the provider, the module or the
 * function (dtrace_xstr2desc fills the fields from that one leftwards): `-P sdt` is `sdt:::`,
 * `-m zone:genunix` is `zone:genunix::`, `-f zone_create` is `::zone_create:`. More fields than
 * the flag allows stay as written and fail to match as an invalid description would.
 */
function alignSpec(kind: SourceUnit['kind'], d: A.ProbeSpec): A.ProbeSpec {
  const fields = kind === 'P' ? 1 : kind === 'm' ? 2 : 3;
  const have = d.text.split(':').length;
  if (have > fields) return d;
  return { ...d, text: ':'.repeat(fields - have) + d.text + ':'.repeat(4 - fields) };
}

/** dtrace's description of a -n/-P/… unit: the text cropped at the first `{`, `/` or `;`. */
function describe(unit: SourceUnit): string {
  if (unit.kind === 'script') return unit.name ?? '';
  const text = unit.name ?? unit.text;
  const cut = text.search(/[{/;]/);
  return (cut < 0 ? text : text.slice(0, cut)).trim();
}
