/*
 * The tracing handle end to end on a host with a manual clock: options through the one table,
 * compile failures as data with dtrace's text, the run sequence go → work → stop → finish, and
 * what the consumer receives (plain data, the status, the unprinted aggregations).
 */

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTrace } from '../../src/handle/index.js';
import type { ProgramOptions } from '../../src/program/options.js';
import type { AggSnapshot, Consumer } from '../../src/program/value-model.js';
import { RecordingSink, rig, ZONE_TYPES } from '../runtime/fake-host.js';

class RecordingConsumer extends RecordingSink implements Consumer {
  readonly finished: { unprinted: readonly AggSnapshot[]; status: number }[] = [];
  readonly optionChanges: ProgramOptions[] = [];
  finish(unprinted: readonly AggSnapshot[], status: number): void {
    this.finished.push({ unprinted, status });
  }
  options(o: ProgramOptions): void {
    this.optionChanges.push(o);
  }
}

function open() {
  const r = rig();
  const handle = openTrace({ host: r.host, registry: r.registry, types: ZONE_TYPES });
  return { r, handle, consumer: new RecordingConsumer() };
}

describe('tracing handle', () => {
  it('runs BEGIN, the probes, END and finish in order, and returns exit()’s status', () => {
    const { r, handle, consumer } = open();
    expect(handle.compile([{ kind: 'n', text: 'BEGIN { trace(1); } test:::work { @n = count(); } END { trace(2); }' }]).ok).toBe(true);
    handle.go(consumer);
    expect(consumer.traced()).toEqual([1]);
    r.probes.work.fire(1, 'a');
    r.probes.work.fire(2, 'b');
    expect(handle.snapshot()[0]!.entries[0]!.value).toBe(2);
    expect(handle.finish()).toBe(0);
    expect(consumer.traced()).toEqual([1, 2]);
    expect(consumer.finished).toHaveLength(1);
    expect(consumer.finished[0]!.unprinted.map((a) => a.name)).toEqual(['n']);
    // Probes are disabled after stop; finish is idempotent.
    r.probes.work.fire(3, 'c');
    handle.finish();
    expect(consumer.finished).toHaveLength(1);
    expect(structuredClone(consumer.firings)).toEqual(consumer.firings);
  });

  it('reports exit() through onExit, registered before go(), and finish returns its status', () => {
    const { handle, consumer } = open();
    const seen: number[] = [];
    handle.onExit((s) => seen.push(s));
    expect(handle.compile([{ kind: 'n', text: 'BEGIN { exit(3); }' }]).ok).toBe(true);
    handle.go(consumer);
    expect(seen).toEqual([3]);
    expect(handle.exited).toBe(true);
    expect(handle.finish()).toBe(3);
    expect(consumer.finished[0]!.status).toBe(3);
  });

  it('sets options through the one table, before compiling and while tracing', () => {
    const { handle, consumer } = open();
    expect(handle.setopt('strsize', '1k')).toBeNull();
    expect(handle.options.strsize).toBe(1024);
    expect(handle.setopt('strsize', 'lots')).toBe('failed to set -x strsize=lots: Invalid value for specified option');
    expect(handle.setopt('nosuch')).toBe('failed to set -x nosuch: Invalid option name');
    expect(handle.compile([{ kind: 'script', name: 't.d', text: '#pragma D option quiet\nBEGIN { }' }]).ok).toBe(true);
    expect(handle.options.quiet).toBe(true);
    expect(handle.options.strsize).toBe(1024);
    handle.go(consumer);
    expect(handle.setopt('aggsortrev')).toBeNull();
    expect(consumer.optionChanges.at(-1)?.aggsortrev).toBe(true);
    expect(handle.setopt('bufsize', '8k')).toBe('failed to set -x bufsize=8k: Operation illegal when tracing is active');
  });

  it('returns a compile failure as data with dtrace’s text, errtags included', () => {
    const { handle } = open();
    handle.setopt('errtags');
    const r = handle.compile([{ kind: 'script', name: 'bad.d', text: 'BEGIN\n{\n  x = ;\n}\n' }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.diagnostics[0]!.code).toBe('D_SYNTAX');
    expect(r.failure.message).toBe('zsdtrace: failed to compile script bad.d: [D_SYNTAX] line 3: syntax error near ";"');
  });

  it('reads script files and says why one cannot be opened', () => {
    const { handle } = open();
    const dir = mkdtempSync(join(tmpdir(), 'zsdtrace-handle-'));
    writeFileSync(join(dir, 'ok.d'), 'test:::work { }\n');
    expect(handle.compile([{ kind: 'file', path: join(dir, 'ok.d') }]).ok).toBe(true);
    expect(handle.matchNotices()).toEqual([`zsdtrace: script '${join(dir, 'ok.d')}' matched 1 probe`]);
    const missing = handle.compile([{ kind: 'file', path: join(dir, 'none.d') }]);
    expect(missing.ok ? '' : missing.failure.message).toBe(`zsdtrace: failed to open ${join(dir, 'none.d')}: No such file or directory`);
  });

  it('reports drops every switchrate of the host clock with periodicWork, and stops doing so at stop()', () => {
    const { r, handle, consumer } = open();
    handle.setopt('bufsize', '16');
    handle.setopt('switchrate', '10ms');
    expect(handle.compile([{ kind: 'n', text: 'test:::work { trace(arg0); trace(arg0); trace(arg0); }' }]).ok).toBe(true);
    handle.go(consumer, { periodicWork: true });
    r.probes.work.fire(1, 'a');
    expect(consumer.drops).toEqual([]);
    r.host.advance(10e6);
    expect(consumer.drops.map((d) => d.kind)).toEqual(['principal']);
    handle.stop();
    r.probes.work.fire(1, 'a');
    r.host.advance(100e6);
    expect(consumer.drops).toHaveLength(1);
  });

  it('installs the profile provider on the registry it opens', () => {
    const { r, handle, consumer } = open();
    expect(handle.compile([{ kind: 'n', text: 'tick-100hz { @ = count(); }' }]).ok).toBe(true);
    handle.go(consumer);
    r.host.advance(1e9);
    expect(handle.snapshot()[0]!.entries[0]!.value).toBe(100);
  });
});
