/*
 * NDJSON output for machines: one JSON object per line for every record, fault, drop, error and
 * aggregation snapshot, then an `exit` object. The schema is documented in docs/json-output.md.
 *
 * Integers are JSON numbers while they are safe integers and decimal strings beyond (so 64-bit
 * values survive any JSON parser). Text fields carry exactly what the text consumer prints in
 * quiet mode, so a machine reader never has to re-implement dtrace's formats.
 *
 * Input: the RuntimeSink calls. Output: `out(line)` per object, the line ending in `\n`.
 */

import type { StackFrame } from '../provider/host.js';
import { exactCountsOf, isDistribution, scalarOf } from './agg-values.js';
import { printa } from './aggregate-print.js';
import { sortEntries } from './aggregate-sort.js';
import { bucketLayout } from './buckets.js';
import { dropMessage, faultMessage } from './messages.js';
import { dynamicOptions, type DynamicOptions, type RawOptions } from './options.js';
import { formatRecord, freopenPath, type DisplayOptions } from './record-format.js';
import { frameText, symbolText } from './trace-format.js';
import type {
  AggSnapshot, AggValue, DataRecord, DInt, DropReport, DValue, FaultReport, Firing, RuntimeSink,
} from '../program/value-model.js';
import type { ProgramOptions } from '../program/options.js';

export interface JsonConsumerOptions {
  /** Receives one complete line (JSON text and `\n`) per object. */
  readonly out: (line: string) => void;
  readonly strsize: number;
  readonly droptags?: boolean;
  readonly options?: DynamicOptions | RawOptions;
  readonly symbol?: (addr: number) => StackFrame | null;
}

type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };

/** A D integer as JSON: a number when safe, else its decimal string. */
export function jsonInt(v: DInt | bigint): number | string {
  if (typeof v === 'number') return v;
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
}

function jsonFrame(f: StackFrame): Json {
  return { module: f.module, function: f.func, offset: f.offset, text: frameText(f) };
}

export function jsonValue(v: DValue): Json {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return jsonInt(v);
  if (v.kind === 'stack') return { frames: v.frames.map(jsonFrame) };
  return { kind: v.kind, addr: jsonInt(v.addr), text: symbolText(v) };
}

/** An aggregation cell: the printed integer, with the raw parts for avg/stddev and histograms. */
export function jsonAggValue(agg: AggSnapshot, value: AggValue): Json {
  if (isDistribution(agg.fn)) {
    const layout = bucketLayout(agg.params);
    const counts = exactCountsOf(value);
    return {
      buckets: layout.map((b, i) => ({
        label: b.label,
        min: b.min === null ? null : jsonInt(b.min),
        max: b.max === null ? null : jsonInt(b.max),
        count: jsonInt(agg.normal === 1 ? counts[i] ?? 0 : BigInt(counts[i] ?? 0) / BigInt(agg.normal)),
      })),
    };
  }
  const printed = jsonInt(scalarOf(agg.fn, value, agg.normal));
  if (typeof value === 'object' && !Array.isArray(value)) {
    const v = value as { count: DInt; sum: DInt; sumsq?: bigint };
    const raw: Record<string, Json> = { value: printed, count: jsonInt(v.count), sum: jsonInt(v.sum) };
    if (v.sumsq !== undefined) raw.sumsq = jsonInt(v.sumsq);
    return raw;
  }
  return printed;
}

export function jsonAggregation(agg: AggSnapshot, opts: DisplayOptions): Json {
  return {
    id: agg.id,
    name: agg.name,
    function: agg.fn,
    params: agg.params ? ({ ...agg.params } as Json) : null,
    normalize: agg.normal,
    keyTypes: agg.keyTypes.map((t) => ({ ...t }) as Json),
    entries: sortEntries(agg, opts).map((e) => ({ keys: e.key.map(jsonValue), value: jsonAggValue(agg, e.value) })),
  };
}

export class JsonConsumer implements RuntimeSink {
  private readonly out: (line: string) => void;
  private readonly droptags: boolean;
  private display: DisplayOptions;

  constructor(opts: JsonConsumerOptions) {
    this.out = opts.out;
    this.droptags = opts.droptags ?? false;
    this.display = { ...dynamicOptions(opts.options), quiet: true, strsize: opts.strsize, symbol: opts.symbol };
  }

  setOptions(changes: DynamicOptions | RawOptions): void {
    this.display = { ...this.display, ...dynamicOptions(changes), quiet: true };
  }

  /** RuntimeSink: setopt() changed a dynamic option while tracing. */
  options(opts: ProgramOptions): void {
    this.setOptions(opts);
  }

  private emit(obj: Json): void {
    this.out(JSON.stringify(obj) + '\n');
  }

  private probeOf(f: Firing): Json {
    const p: Record<string, Json> = {
      id: f.probeId, provider: f.provider, module: f.module, function: f.func, name: f.name,
    };
    if (f.flow) p.flow = { kind: f.flow.kind, depth: f.flow.depth };
    return p;
  }

  private record(rec: Exclude<DataRecord, { kind: 'setopt' }>): Record<string, Json> {
    switch (rec.kind) {
      case 'trace':
        return {
          type: 'trace', value: jsonValue(rec.value), valueType: { ...rec.type } as Json,
          text: formatRecord(rec, this.display),
        };
      case 'printf':
        return { type: 'printf', text: formatRecord(rec, this.display) };
      case 'printa':
        return {
          type: 'printa',
          format: rec.format ?? null,
          text: printa(rec.format, rec.aggs, this.display),
          aggregations: rec.aggs.map((a) => jsonAggregation(a, this.display)),
        };
      case 'stack':
        return { type: 'stack', frames: rec.value.frames.map(jsonFrame) };
      case 'sym':
        return { type: 'sym', kind: rec.value.kind, addr: jsonInt(rec.value.addr), text: symbolText(rec.value) };
      case 'tracemem':
        return { type: 'tracemem', bytes: Buffer.from(rec.bytes).toString('hex') };
      case 'print':
        return { type: 'print', typeName: rec.typeName, value: jsonValue(rec.value), text: formatRecord(rec, this.display) };
      case 'freopen':
        // NDJSON stays one stream: the request is reported, not carried out.
        return { type: 'freopen', path: freopenPath(rec, this.display) };
    }
  }

  firing(f: Firing): void {
    const probe = this.probeOf(f);
    if (f.records.every((r) => r.kind === 'setopt')) {
      for (const rec of f.records) if (rec.kind === 'setopt') this.setOptions(rec.options);
      this.emit({ type: 'probe', probe, cpu: f.cpu });
      return;
    }
    for (const rec of f.records) {
      // setopt() is applied in record order and is not an output record of its own.
      if (rec.kind === 'setopt') {
        this.setOptions(rec.options);
        continue;
      }
      const { type, ...rest } = this.record(rec);
      this.emit({ type: type!, probe, cpu: f.cpu, ...rest });
    }
  }

  fault(f: FaultReport): void {
    const obj: Record<string, Json> = {
      type: 'fault', epid: f.epid, probeId: f.probeId, probe: f.probe, fault: f.fault, code: f.code,
    };
    if (f.addr !== undefined) obj.addr = jsonInt(f.addr);
    obj.where = f.where === 'predicate' ? 'predicate' : { action: f.where.action };
    obj.offset = f.offset;
    obj.message = faultMessage(f);
    this.emit(obj);
  }

  drop(d: DropReport): void {
    const obj: Record<string, Json> = { type: 'drop', kind: d.kind, count: d.count };
    if (d.cpu !== undefined) obj.cpu = d.cpu;
    obj.message = dropMessage(d, this.droptags);
    this.emit(obj);
  }

  error(message: string): void {
    this.emit({ type: 'error', message });
  }

  /** One `aggregation` object per snapshot (periodic output). */
  aggregations(aggs: readonly AggSnapshot[]): void {
    for (const agg of aggs) {
      if (agg.entries.length > 0) this.emit({ type: 'aggregation', ...(jsonAggregation(agg, this.display) as object) });
    }
  }

  /** End of tracing: the never-printed aggregations, then `{"type":"exit","status":N}`. */
  finish(unprinted: readonly AggSnapshot[], status = 0): void {
    this.aggregations(unprinted);
    this.emit({ type: 'exit', status });
  }
}
