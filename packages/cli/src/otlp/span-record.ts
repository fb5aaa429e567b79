/*
 * Spans as plain records: the OpenTelemetry `ReadableSpan` shape that the OTLP serialisers read,
 * built directly rather than through the SDK's Tracer.
 *
 * Why: the SDK span (sampler, context objects, attribute sanitising, random ids, a clock read per
 * span) cost ~5.6 µs each here, the largest share of the exporter's overhead on an engine run.
 * Every span of this exporter is sampled, has explicit times and attributes of known types, so
 * none of that work is needed. Ids: a random trace-id prefix per exporter plus a counter (unique
 * within and across runs), span ids a random salt plus a counter.
 *
 * Invariant: a record is handed to `onEnd` exactly once, when `end` is first called; later calls
 * and mutations after the end are ignored, as the SDK does. Must not: read the clock.
 */

import { randomBytes } from 'node:crypto';
import { SpanKind, SpanStatusCode, TraceFlags } from '@opentelemetry/api';
import type { Attributes, AttributeValue, HrTime, Link, SpanContext, SpanStatus } from '@opentelemetry/api';
import type { InstrumentationScope } from '@opentelemetry/core';
import type { Resource } from '@opentelemetry/resources';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace-base';

/** Per-span caps, the SDK's defaults: beyond them items are counted as dropped. */
const MAX_EVENTS = 128;
const MAX_LINKS = 128;

export interface SpanSink {
  onEnd(span: ReadableSpan): void;
}

export class SpanRecord implements ReadableSpan {
  readonly kind: SpanKind = SpanKind.INTERNAL;
  readonly links: Link[] = [];
  readonly events: TimedEvent[] = [];
  endTime: HrTime = [0, 0];
  status: SpanStatus = { code: SpanStatusCode.UNSET };
  ended = false;
  droppedAttributesCount = 0;
  droppedEventsCount = 0;
  droppedLinksCount = 0;

  constructor(
    private readonly source: SpanSource,
    readonly name: string,
    private readonly context: SpanContext,
    readonly parentSpanContext: SpanContext | undefined,
    readonly startTime: HrTime,
    readonly attributes: Attributes,
  ) {}

  spanContext = (): SpanContext => this.context;

  get duration(): HrTime {
    let s = this.endTime[0] - this.startTime[0];
    let ns = this.endTime[1] - this.startTime[1];
    if (ns < 0) {
      s -= 1;
      ns += 1_000_000_000;
    }
    return [s, ns];
  }

  get resource(): Resource {
    return this.source.resource;
  }

  get instrumentationScope(): InstrumentationScope {
    return this.source.scope;
  }

  setAttribute(key: string, value: AttributeValue): void {
    if (!this.ended) this.attributes[key] = value;
  }

  setStatus(status: SpanStatus): void {
    if (!this.ended) this.status = status;
  }

  addEvent(name: string, attributes: Attributes, time: HrTime): void {
    if (this.ended) return;
    if (this.events.length >= MAX_EVENTS) this.droppedEventsCount++;
    else this.events.push({ name, attributes, time });
  }

  addLink(link: Link): void {
    if (this.ended) return;
    if (this.links.length >= MAX_LINKS) this.droppedLinksCount++;
    else this.links.push(link);
  }

  end(time: HrTime): void {
    if (this.ended) return;
    // An end before the start (cannot happen with monotonic virtual time) is clamped, as the SDK does.
    this.endTime = time[0] < this.startTime[0] || (time[0] === this.startTime[0] && time[1] < this.startTime[1]) ? this.startTime : time;
    this.ended = true;
    this.source.sink.onEnd(this);
  }
}

export class SpanSource {
  private readonly tracePrefix = randomBytes(8).toString('hex');
  private readonly spanSalt = ((randomBytes(4).readUInt32BE(0) | 1) >>> 0).toString(16).padStart(8, '0');
  private traces = 0;
  private spans = 0;

  constructor(
    readonly resource: Resource,
    readonly scope: InstrumentationScope,
    readonly sink: SpanSink,
  ) {}

  /** Starts a span: a new trace when `parent` is null, else a child in the parent's trace. */
  start(name: string, parent: SpanRecord | null, startTime: HrTime, attributes: Attributes): SpanRecord {
    const parentCtx = parent?.spanContext();
    const traceId = parentCtx?.traceId ?? this.tracePrefix + (++this.traces).toString(16).padStart(16, '0');
    const spanId = this.spanSalt + ((++this.spans) >>> 0).toString(16).padStart(8, '0');
    const ctx: SpanContext = { traceId, spanId, traceFlags: TraceFlags.SAMPLED };
    return new SpanRecord(this, name, ctx, parentCtx, startTime, attributes);
  }
}
