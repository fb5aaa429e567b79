/*
 * The consumer's rates on the host's clock: aggregation snapshots every `aggrate` free the space
 * `aggsize` bounds, and END after exit() reads the clock of the next status check.
 */

import { describe, expect, it } from 'vitest';
import { openTrace } from '../../src/handle/index.js';
import { statusCheckAfter } from '../../src/runtime/runtime.js';
import type { AggSnapshot, Consumer } from '../../src/program/value-model.js';
import { RecordingSink, rig, ZONE_TYPES } from '../runtime/fake-host.js';

class Sink extends RecordingSink implements Consumer {
  finish(_unprinted: readonly AggSnapshot[], _status: number): void {}
  options(): void {}
}

function open(opts: Record<string, string>, text: string, periodicWork = true) {
  const r = rig();
  const handle = openTrace({ host: r.host, registry: r.registry, types: ZONE_TYPES });
  for (const [k, v] of Object.entries(opts)) expect(handle.setopt(k, v)).toBeNull();
  expect(handle.compile([{ kind: 'n', text }]).ok).toBe(true);
  const consumer = new Sink();
  handle.go(consumer, { periodicWork });
  return { r, handle, consumer };
}

describe('aggrate', () => {
  const script = 'test:::work { @a[arg0] = count(); }';

  it('frees the aggregation space at each snapshot, so new keys keep finding room', () => {
    const { r, handle } = open({ aggsize: '128', aggrate: '10ms' }, script);
    for (let k = 0; k < 6; k++) {
      r.probes.work.fire(k, 'a');
      r.host.advance(10e6);
    }
    expect(handle.snapshot()[0]!.entries).toHaveLength(6);
    expect(handle.counters().drops.aggregation).toBe(0);
  });

  it('still drops the new keys past aggsize within one interval', () => {
    const { r, handle } = open({ aggsize: '128', aggrate: '10ms' }, script);
    for (let k = 0; k < 5; k++) r.probes.work.fire(k, 'a');
    expect(handle.counters().drops.aggregation).toBe(3);
    r.host.advance(10e6);
    r.probes.work.fire(7, 'a');
    expect(handle.snapshot()[0]!.entries).toHaveLength(3);
  });

  it('takes no snapshot without the periodic work (the space is never drained)', () => {
    const { r, handle } = open({ aggsize: '128', aggrate: '10ms' }, script, false);
    for (let k = 0; k < 4; k++) {
      r.probes.work.fire(k, 'a');
      r.host.advance(10e6);
    }
    expect(handle.counters().drops.aggregation).toBe(2);
  });

  it('keeps the space in use reported in full across snapshots', () => {
    const { r, handle } = open({ aggsize: '128', aggrate: '10ms' }, script);
    r.probes.work.fire(1, 'a');
    r.host.advance(10e6);
    r.probes.work.fire(2, 'a');
    r.host.advance(10e6);
    r.probes.work.fire(3, 'a');
    expect(handle.usage().aggEntries.used).toBe(3);
  });
});

describe('statusrate', () => {
  it('puts the check after exit() on the grid of statusrate from the start of tracing', () => {
    expect(statusCheckAfter(100, 350, 100)).toBe(400);
    expect(statusCheckAfter(100, 400, 100)).toBe(400);
    expect(statusCheckAfter(100, 100, 100)).toBe(100);
    expect(statusCheckAfter(100, 150, 0)).toBe(150);
  });

  it('gives END the clock of the next status check after exit()', () => {
    const { r, handle, consumer } = open(
      { statusrate: '1s' },
      'test:::work { t = timestamp; w = walltimestamp; exit(0); } END { trace(timestamp - t); trace(walltimestamp - w); }',
    );
    r.host.advance(300e6);
    r.probes.work.fire(1, 'a');
    handle.finish();
    expect(consumer.traced()).toEqual([700e6, 700e6]);
  });

  it('leaves END’s clock alone when tracing stops without exit()', () => {
    const { r, handle, consumer } = open({ statusrate: '1s' }, 'test:::work { t = timestamp; } END { trace(timestamp - t); }');
    r.host.advance(300e6);
    r.probes.work.fire(1, 'a');
    r.host.advance(50e6);
    handle.finish();
    expect(consumer.traced()).toEqual([50e6]);
  });
});
