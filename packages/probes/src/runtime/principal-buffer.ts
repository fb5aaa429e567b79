/*
 * The principal buffer's budget (`bufsize`, `bufpolicy`, d-language.md 2.9): each firing that
 * records is charged an estimate of its size in dtrace's record layout; a firing that does not
 * fit is a principal drop, not delivered. With `switch` (and `ring`) the buffer empties at
 * every switch interval (flush); with `fill` it never does, so tracing stops recording once
 * full, as dtrace's fill policy does.
 */

import type { DataRecord, Firing, RuntimeSink } from '../program/value-model.js';
import type { ProgramOptions } from '../program/options.js';
import type { DropCounters } from './drops.js';
import { recordsSize } from './space.js';

export class PrincipalBuffer {
  used = 0;

  constructor(
    private readonly sink: RuntimeSink,
    private readonly drops: DropCounters,
    private readonly options: () => ProgramOptions,
    /** Called when a firing does not fit under the fill policy: tracing ends. */
    private readonly onFull: () => void,
  ) {}

  /** The bytes a firing's records take: a header, then each record by its kind. */
  sizeOf(records: readonly DataRecord[]): number {
    return recordsSize(records, this.options().strsize);
  }

  /** Delivers a firing to the sink if it fits, else counts a principal drop. */
  emit(f: Firing): void {
    const size = this.sizeOf(f.records);
    if (this.used + size > this.options().bufsize) {
      this.drops.principal++;
      // A full buffer under the fill policy ends tracing, as dtrace stops when it fills.
      if (this.options().bufpolicy === 'fill') this.onFull();
      return;
    }
    this.used += size;
    this.sink.firing(f);
  }

  /** The switch interval: the consumer has taken the buffer's contents. */
  switched(): void {
    if (this.options().bufpolicy !== 'fill') this.used = 0;
  }
}
