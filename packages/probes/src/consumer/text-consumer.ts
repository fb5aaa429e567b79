/*
 * dtrace(1)'s text output (d-language.md 2.1, 2.6; cmd/dtrace.c chew/chewrec and main's end).
 *
 * - Before the first firing, unless quiet: `"%3s %6s %32s\n"` of CPU, ID, FUNCTION:NAME, or
 *   with flowindent `"%3s %-41s\n"` of CPU, FUNCTION.
 * - Each firing, unless quiet: `"%3d %6d %32s "` of cpu, probe id, `function:name` (flowindent:
 *   `"%3d %-41s "` of cpu and the indented ` -> func` / ` <- func` / `| func:name`), then every
 *   record as record-format.ts prints it, then the clause's closing `"\n"`. Quiet mode prints the
 *   records alone.
 * - Faults, drops and runtime errors go to `err` as `<progname>: <message>\n`.
 * - finish(): the newline dtrace always prints after its consume loop, then the aggregations
 *   that were never printed, in one sorted walk.
 *
 * Each firing is written with one `out` call (two around a freopen()). Must not decide what to
 * print: the runtime says. freopen() records switch `out` to a file (appending) and back.
 */

import { closeSync, openSync, writeSync } from 'node:fs';
import type { StackFrame } from '../provider/host.js';
import { printUnprinted } from './aggregate-print.js';
import { dropMessage, faultMessage } from './messages.js';
import { dynamicOptions, type DynamicOptions, type RawOptions } from './options.js';
import { formatRecord, freopenPath, type DisplayOptions } from './record-format.js';
import type { AggSnapshot, DropReport, FaultReport, Firing, RuntimeSink } from '../program/value-model.js';
import type { ProgramOptions } from '../program/options.js';

export type { DynamicOptions, RawOptions } from './options.js';

const DEFAULT_STRSIZE = 256;

/**
 * Aggregations in the exit format, sorted by the given options (typed, or dtrace's raw option
 * table with `strsize`): the periodic text output of the dashboard's fallback.
 */
export function printAggregations(aggs: readonly AggSnapshot[], options?: DynamicOptions | RawOptions): string {
  const raw = (options ?? {}) as RawOptions;
  const strsize = Number(raw.strsize ?? DEFAULT_STRSIZE) || DEFAULT_STRSIZE;
  return printUnprinted(aggs, { ...dynamicOptions(options), strsize });
}

export interface TextConsumerOptions {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly quiet: boolean;
  readonly flowindent: boolean;
  /** Prefix of messages: `zsdtrace`. */
  readonly progname: string;
  readonly droptags: boolean;
  readonly strsize: number;
  /** aggsort*, stackindent, rawbytes: typed, or dtrace's raw option table (options.ts). */
  readonly options?: DynamicOptions | RawOptions;
  /** Resolves addresses for %a and sym(). */
  readonly symbol?: (addr: number) => StackFrame | null;
}

/** The width of flowindent's FUNCTION column. */
const FLOW_COLUMN = 41;

export class TextConsumer implements RuntimeSink {
  private out: (s: string) => void;
  /** The output the consumer was given; freopen("") returns to it. */
  private readonly stdout: (s: string) => void;
  /** The file freopen() opened, if any. */
  private fd: number | null = null;
  private readonly err: (s: string) => void;
  private readonly progname: string;
  private readonly droptags: boolean;
  private display: DisplayOptions;
  private flowindent: boolean;
  private headed = false;
  /** Current flow indentation per CPU, in columns. */
  private readonly indent = new Map<number, number>();

  constructor(opts: TextConsumerOptions) {
    this.out = opts.out;
    this.stdout = opts.out;
    this.err = opts.err;
    this.progname = opts.progname;
    this.droptags = opts.droptags;
    const dyn = dynamicOptions(opts.options);
    this.flowindent = opts.flowindent;
    this.display = { ...dyn, quiet: opts.quiet, strsize: opts.strsize, symbol: opts.symbol };
  }

  /** Applies setopt() changes to the dynamic options. */
  setOptions(changes: DynamicOptions | RawOptions): void {
    const dyn = dynamicOptions(changes);
    if (dyn.flowindent !== undefined) this.flowindent = dyn.flowindent;
    this.display = { ...this.display, ...dyn, quiet: dyn.quiet ?? this.display.quiet };
  }

  /** RuntimeSink: setopt() changed a dynamic option while tracing. */
  options(opts: ProgramOptions): void {
    this.setOptions(opts);
  }

  firing(f: Firing): void {
    const quiet = this.display.quiet;
    let s = '';
    if (!quiet) {
      if (!this.headed) {
        this.headed = true;
        s += this.flowindent
          ? `${'CPU'.padStart(3)} ${'FUNCTION'.padEnd(FLOW_COLUMN)}\n`
          : `${'CPU'.padStart(3)} ${'ID'.padStart(6)} ${'FUNCTION:NAME'.padStart(32)}\n`;
      }
      s += this.flowindent ? this.flowLine(f) : this.probeLine(f);
    }
    for (const rec of f.records) {
      if (rec.kind === 'freopen') {
        // Output recorded before the freopen() goes to the old file, the rest to the new one.
        if (s !== '') this.out(s);
        s = '';
        this.reopen(freopenPath(rec, this.display));
      } else if (rec.kind === 'setopt') this.setOptions(rec.options);
      else s += formatRecord(rec, this.display);
    }
    if (!quiet) s += '\n';
    if (s !== '') this.out(s);
  }

  /**
   * freopen(): appends to the named file from now on (dtrace opens it with "a"); "" returns to
   * the original output. A file that cannot be opened leaves the output where it was.
   */
  private reopen(path: string): void {
    if (path !== '') {
      let fd: number;
      try {
        fd = openSync(path, 'a');
      } catch (e) {
        this.error(`failed to freopen "${path}": ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
        return;
      }
      this.closeFile();
      this.fd = fd;
      this.out = (text) => {
        writeSync(fd, text);
      };
      return;
    }
    this.closeFile();
    this.out = this.stdout;
  }

  private closeFile(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }

  private probeLine(f: Firing): string {
    return `${String(f.cpu).padStart(3)} ${String(f.probeId).padStart(6)} ${`${f.func}:${f.name}`.padStart(32)} `;
  }

  /**
   * dtrace's flow indentation: entry and return lines show ` -> func` / ` <- func` indented two
   * columns per call depth; other probes show `| func:name` at the current depth.
   */
  private flowLine(f: Firing): string {
    let name: string;
    if (f.flow) {
      const at = Math.max(0, f.flow.depth) * 2;
      this.indent.set(f.cpu, f.flow.kind === 'entry' ? at + 2 : at);
      name = `${' '.repeat(at)}${f.flow.kind === 'entry' ? ' -> ' : ' <- '}${f.func}`;
    } else {
      name = `${' '.repeat(this.indent.get(f.cpu) ?? 0)}| ${f.func}:${f.name}`;
    }
    return `${String(f.cpu).padStart(3)} ${name.padEnd(FLOW_COLUMN)} `;
  }

  fault(f: FaultReport): void {
    this.err(`${this.progname}: ${faultMessage(f)}\n`);
  }

  drop(d: DropReport): void {
    this.err(`${this.progname}: ${dropMessage(d, this.droptags)}\n`);
  }

  error(message: string): void {
    this.err(`${this.progname}: ${message}\n`);
  }

  /** Aggregations in the exit format, for periodic printing (the dashboard's text fallback). */
  printAggregations(aggs: readonly AggSnapshot[]): string {
    return printUnprinted(aggs, this.display);
  }

  /** End of tracing: dtrace's unconditional newline, then the never-printed aggregations. */
  finish(unprinted: readonly AggSnapshot[]): void {
    this.out('\n' + printUnprinted(unprinted, this.display));
    this.closeFile();
  }
}
