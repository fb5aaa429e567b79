/*
 * Compile diagnostics: user errors are data (STYLE.md). A diagnostic carries dtrace's D_* tag,
 * its wording (d-language.md 2.6), and a 0-based offset with 1-based line and column in the
 * unit it came from. `formatDiagnostic` renders it as dtrace(1) does.
 */

import type { ErrorTag } from '../program/error-tags.js';

export interface SourceUnit {
  text: string;
  kind: 'script' | 'n' | 'P' | 'm' | 'f' | 'i';
  /** Script file name, or the -n text. */
  name?: string;
}

export interface Diagnostic {
  code: ErrorTag;
  message: string;
  line?: number;
  column?: number;
  offset?: number;
  /** Index into the compiled units. */
  unit: number;
  region?: 'predicate' | 'action list';
  /** The error is in this type library (lang/library.ts), not in the user's program. */
  library?: string;
  /**
   * `enable`: the program compiled but dtrace would refuse to enable it; `codegen`: dtrace's
   * code generator failed (EDT_NOTUPREG). Neither has a line or a tag.
   */
  phase?: 'enable' | 'codegen';
  /** D_NEST_DEPTH on a default-sized stack: the program may compile on a large one (CompileOptions.largeStack). */
  largeStack?: true;
}

/** Maps offsets of one unit to 1-based lines and columns, honouring `#line` directives. */
export class LineMap {
  private readonly starts: number[] = [0];
  /** physical line index -> logical line number override base */
  private readonly remaps: { from: number; line: number }[] = [];

  constructor(text: string) {
    // indexOf scans natively: a per-character loop runs interpreted on a script's one pass.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** From physical line `physLine` (1-based) on, lines are numbered starting at `line`. */
  remap(physLine: number, line: number): void {
    this.remaps.push({ from: physLine, line });
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    let line = lo + 1;
    for (const r of this.remaps) if (line >= r.from) line = r.line + (lo + 1 - r.from);
    return { line, column: offset - this.starts[lo]! + 1 };
  }
}

/** Collects the diagnostics of one unit. */
export class DiagnosticSink {
  readonly list: Diagnostic[] = [];
  constructor(
    readonly unit: number,
    readonly lines: LineMap,
  ) {}

  error(code: ErrorTag, message: string, offset?: number, region?: Diagnostic['region']): void {
    const d: Diagnostic = { code, message, unit: this.unit };
    if (offset !== undefined) {
      const p = this.lines.position(offset);
      d.offset = offset;
      d.line = p.line;
      d.column = p.column;
    }
    if (region) d.region = region;
    this.list.push(d);
  }

  get failed(): boolean {
    return this.list.length > 0;
  }
}

/**
 * Renders a diagnostic as dtrace(1) prints it:
 * `zsdtrace: failed to compile script x.d: line 3: syntax error near "}"`, or for a -n string
 * `zsdtrace: invalid probe specifier BEGIN { x = ; }: syntax error near ";"`; with errtags the
 * tag comes first (`[D_SYNTAX] line 3: …`). An enable-time refusal reads
 * `zsdtrace: failed to enable 'x.d': Destructive actions not allowed`.
 */
export function formatDiagnostic(
  d: Diagnostic,
  unit: SourceUnit,
  opts: { errtags: boolean; progname: string },
): string {
  // dtrace.c: dfatal("failed to enable '%s'", dc_name) with the library's error text.
  if (d.phase === 'enable') return `${opts.progname}: failed to enable '${unit.name ?? unit.text}': ${d.message}`;
  if (d.phase === 'codegen') {
    return unit.kind === 'script' ? `${opts.progname}: failed to compile script ${unit.name ?? '<stdin>'}: ${d.message}` : `${opts.progname}: invalid probe specifier ${unit.name ?? unit.text}: ${d.message}`;
  }
  const tag = opts.errtags ? `[${d.code}] ` : '';
  // dtrace names the library file whose declarations failed to compile, with its line.
  if (d.library !== undefined) return `${opts.progname}: failed to load type library ${d.library}: ${tag}${d.line !== undefined ? `line ${d.line}: ` : ''}${d.message}`;
  const where = unit.kind === 'script' && d.line !== undefined ? `line ${d.line}: ` : d.region && unit.kind !== 'script' ? `in ${d.region}: ` : '';
  const body = `${tag}${where}${d.message}`;
  if (unit.kind === 'script') return `${opts.progname}: failed to compile script ${unit.name ?? '<stdin>'}: ${body}`;
  return `${opts.progname}: invalid probe specifier ${unit.name ?? unit.text}: ${body}`;
}
