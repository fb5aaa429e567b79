/*
 * A span processor with a bounded queue that counts everything: the OpenTelemetry SDK's
 * BatchSpanProcessor drops silently once its queue is full, which at probe rates is most spans.
 *
 * Input: ended spans (`onEnd`). Output: batches handed to one SpanExporter, one export in flight
 * at a time (so the retries of each export can be attributed to it). Invariant, at every
 * moment: spans === exported + dropped + failed + pending. `drain(ms)` exports what is queued
 * and, when the budget runs out, counts the rest as failed with the reason given: it never
 * waits longer than asked.
 *
 * Must not: throw into the caller of `span.end()`, keep a timer that holds the process open.
 */

import { ExportResultCode } from '@opentelemetry/core';
import type { ExportResult } from '@opentelemetry/core';
import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { OtlpStats } from './types.js';

export interface QueueProcessorOptions {
  exporter: SpanExporter;
  maxQueueSize: number;
  maxBatchSize: number;
  /** A partial batch is sent after this long. */
  delayMs: number;
  /** HTTP attempts so far, to count the retries of each export. */
  attempts: () => number;
  /** Adds what is known of the cause to a failed export's reason (e.g. the HTTP status). */
  explain: () => string | undefined;
  /** First report of each kind of loss. */
  warn: (msg: string) => void;
}

interface Batch {
  readonly size: number;
  settled: boolean;
}

export class QueueProcessor implements SpanProcessor {
  private readonly o: QueueProcessorOptions;
  private queue: ReadableSpan[] = [];
  private head = 0;
  private inflight: Batch | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private draining = false;
  private idle: (() => void)[] = [];
  private readonly reasons = new Map<string, number>();
  private readonly counts = { spans: 0, exported: 0, dropped: 0, failed: 0, retries: 0 };

  constructor(o: QueueProcessorOptions) {
    this.o = o;
  }

  onStart(_span: Span, _parentContext: Context): void {}

  onEnd(span: ReadableSpan): void {
    this.counts.spans++;
    if (this.closed) return this.lose('failed', 1, 'span ended after shutdown');
    if (this.queued() >= this.o.maxQueueSize) {
      return this.lose('dropped', 1, `export queue full (maxQueueSize ${this.o.maxQueueSize})`);
    }
    this.queue.push(span);
    this.schedule();
  }

  stats(): OtlpStats {
    return { ...this.counts, pending: this.queued() + (this.inflight?.size ?? 0) };
  }

  lossReasons(): { reason: string; spans: number }[] {
    return [...this.reasons].map(([reason, spans]) => ({ reason, spans }));
  }

  /** Exports everything queued; after `budgetMs` counts what is left as failed. */
  async drain(budgetMs: number, reason: string): Promise<boolean> {
    this.draining = true;
    this.kick(true);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      new Promise<false>((resolve) => this.whenIdle(() => resolve(false))),
      new Promise<true>((resolve) => {
        timer = setTimeout(() => resolve(true), budgetMs);
      }),
    ]);
    clearTimeout(timer);
    this.draining = false;
    if (timedOut) this.abandon(reason);
    return timedOut;
  }

  /** Refuses further spans and counts anything still pending as failed. */
  close(reason: string): void {
    this.abandon(reason);
    this.closed = true;
  }

  forceFlush(): Promise<void> {
    return new Promise((resolve) => {
      this.kick(true);
      this.whenIdle(resolve);
    });
  }

  async shutdown(): Promise<void> {
    this.close('processor shut down');
  }

  private queued(): number {
    return this.queue.length - this.head;
  }

  private lose(kind: 'dropped' | 'failed', n: number, reason: string): void {
    if (n <= 0) return;
    this.counts[kind] += n;
    const before = this.reasons.get(reason);
    this.reasons.set(reason, (before ?? 0) + n);
    if (before === undefined) this.o.warn(`${n} span(s) ${kind === 'dropped' ? 'dropped' : 'not delivered'}: ${reason}`);
  }

  private whenIdle(fn: () => void): void {
    if (this.inflight === null && this.queued() === 0) fn();
    else this.idle.push(fn);
  }

  private take(n: number): ReadableSpan[] {
    const batch = this.queue.slice(this.head, this.head + n);
    this.head += batch.length;
    // Compact once the consumed prefix dominates, keeping take() amortised O(batch).
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return batch;
  }

  /** A full batch (or anything, while draining) goes now; a partial one after the delay. */
  private schedule(): void {
    const n = this.queued();
    if (n >= this.o.maxBatchSize || this.draining || n === 0) {
      this.kick(this.draining);
      return;
    }
    if (this.timer === null && this.inflight === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.kick(true);
      }, this.o.delayMs);
      this.timer.unref();
    }
  }

  /** Starts the next export if none is in flight; partial batches only when `partial`. */
  private kick(partial = false): void {
    if (this.inflight !== null || this.closed) return;
    const n = this.queued();
    if (n === 0 || (n < this.o.maxBatchSize && !partial && !this.draining)) {
      if (n === 0) this.settleIdle();
      return;
    }
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const spans = this.take(this.o.maxBatchSize);
    const batch: Batch = { size: spans.length, settled: false };
    this.inflight = batch;
    const attemptsBefore = this.o.attempts();
    const done = (result: ExportResult): void => {
      if (batch.settled) return;
      batch.settled = true;
      this.counts.retries += Math.max(0, this.o.attempts() - attemptsBefore - 1);
      if (result.code === ExportResultCode.SUCCESS) this.counts.exported += batch.size;
      else {
        const cause = this.o.explain();
        const msg = result.error?.message ?? 'unknown error';
        this.lose('failed', batch.size, `export failed: ${msg}${cause !== undefined && !msg.includes(cause) ? ` (${cause})` : ''}`);
      }
      this.inflight = null;
      this.schedule();
    };
    try {
      this.o.exporter.export(spans, done);
    } catch (err) {
      done({ code: ExportResultCode.FAILED, error: err instanceof Error ? err : new Error(String(err)) });
    }
  }

  private settleIdle(): void {
    if (this.inflight !== null || this.queued() > 0) return;
    const waiters = this.idle;
    this.idle = [];
    for (const fn of waiters) fn();
  }

  private abandon(reason: string): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batch = this.inflight;
    if (batch !== null && !batch.settled) {
      batch.settled = true;
      this.lose('failed', batch.size, reason);
    }
    this.inflight = null;
    this.lose('failed', this.queued(), reason);
    this.queue = [];
    this.head = 0;
    this.settleIdle();
  }
}
