import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { EngineState } from '../../src/tui/source.js';
import { countAgg, fakeSource, quantizeBuckets } from './helpers/fake-source.js';
import { KEYS, renderApp } from './helpers/render-app.js';

afterEach(() => cleanup());

const lines = (f: string): string[] => f.split('\n');
const lineWith = (f: string, s: string): string => lines(f).find((l) => l.includes(s)) ?? '';
const before = (f: string, a: string, b: string): boolean => f.indexOf(a) >= 0 && f.indexOf(a) < f.indexOf(b);

function twoPanels() {
  return fakeSource([
    countAgg(0, 'calls', [['zsd-create-start', 10], ['zsd-create-end', 30], ['zsd-apply-create', 20]]),
    { id: 1, name: 'lat', fn: 'quantize', keyTypes: [], normal: 1, entries: [{ key: [], value: quantizeBuckets({ 2: 1, 4: 3 }) }] },
  ]);
}

describe('App header', () => {
  it('shows the run, the counters and the time', async () => {
    const r = await renderApp(twoPanels());
    const f = r.frame();
    expect(lines(f)[0]).toBe('zsdtrace  lat.d  workload illumos  seed 42  current  [RUNNING]  wall 0:12.3  virtual 12.301s');
    expect(lines(f)[1]).toBe('probes 34  firings 1,234,567 (102,345/s)  drops 0  errors 0');
    expect(f).not.toContain('spans');
  });

  it('marks non-zero drops and errors and shows spans when present', async () => {
    const src = twoPanels();
    src.snapshot = { ...src.snapshot, drops: 3, errors: 1200, spans: { exported: 1500, dropped: 2, failed: 0 } };
    const r = await renderApp(src, { columns: 120, rows: 40 });
    const f = r.frame();
    expect(f).toContain('drops 3!');
    expect(f).toContain('errors 1,200!');
    expect(f).toContain('spans 1,500 exported, dropped 2!, failed 0');
  });
});

describe('App panels', () => {
  it('lists a count aggregation in dtrace value order with proportional bars', async () => {
    const r = await renderApp(twoPanels());
    const f = r.frame();
    expect(before(f, 'zsd-create-start', 'zsd-apply-create')).toBe(true);
    expect(before(f, 'zsd-apply-create', 'zsd-create-end')).toBe(true);
    const bars = (s: string): number => (lineWith(f, s).match(/#/g) ?? []).length;
    expect(bars('zsd-create-end')).toBeGreaterThan(bars('zsd-apply-create'));
    expect(bars('zsd-apply-create')).toBeGreaterThan(bars('zsd-create-start'));
    expect(bars('zsd-create-start') * 3).toBeCloseTo(bars('zsd-create-end'), -1);
    expect(lineWith(f, 'zsd-create-end').trimEnd().endsWith('30')).toBe(true);
  });

  it('draws a quantize aggregation as a distribution', async () => {
    const r = await renderApp(twoPanels());
    const f = r.frame();
    expect(f).toContain('@lat = quantize()');
    expect(lineWith(f, 'Distribution')).toMatch(/value +-+ Distribution -+ count/);
    expect(lineWith(f, '               4 |')).toMatch(/\|@+ +3$/);
    expect(lineWith(f, '               1 |')).toMatch(/\| + 0$/);
  });

  it('shows the engine state', async () => {
    const engine: EngineState = {
      zones: [
        { id: 0, name: 'global', status: 3, statusName: 'running' },
        { id: 1, name: 'web', status: 3, statusName: 'running' },
        { id: 2, name: 'db', status: 5, statusName: 'shutting_down' },
      ],
      keys: [{ key: 1, name: 'netstack', create: true, shutdown: true, destroy: true }, { key: 2, name: 'cred', create: true, shutdown: false, destroy: true }],
      threads: [
        { tid: 5, name: 'zoneadmd', state: 'blocked', blockedOn: 'zone_lock', holds: ['zsd_key_lock'] },
        { tid: 6, name: 'zsched', state: 'run', holds: [] },
      ],
      waits: [{ tid: 7, zone: 2, key: 1, kind: 'creator', since: 12_300_000_000 }],
    };
    const src = fakeSource([countAgg(0, 'c', [['a', 1]])], engine);
    const r = await renderApp(src);
    const f = r.frame();
    expect(f).toContain('engine  3 zones  2 keys  threads: 1 run, 0 ready, 1 blocked, 0 asleep, 0 done  1 waits');
    expect(f).toContain('zones    running 2 (global, web)  shutting_down 1 (db)');
    expect(f).toContain('blocked  t5 zoneadmd blocked on zone_lock holding zsd_key_lock');
    expect(f).toContain('waits    t7 for creator zone 2 key 1 (1.00ms)');
    expect(f).toContain('keys     1:netstack[CSD] 2:cred[C-D]');
  });

  it('writes the printf stream above the live region, cut to the screen', async () => {
    const src = twoPanels();
    src.pending = ['first line', 'second line'];
    const r = await renderApp(src);
    await r.waitFor((f) => f.includes('second line'), 'the log');
    expect(before(r.frame(), 'second line', 'zsdtrace  lat.d')).toBe(true);
    src.pending = Array.from({ length: 1000 }, (_, i) => `burst ${i}`);
    const f = await r.waitFor((fr) => fr.includes('burst 999'), 'the burst');
    expect(f).toMatch(/\[… 99\d lines not shown\]/);
    expect(f).not.toContain('burst 500\n');
  });
});

describe('App keys', () => {
  it('s cycles the sort through value, key and reverse', async () => {
    const r = await renderApp(twoPanels());
    await r.press('s');
    let f = await r.waitFor((fr) => fr.includes('sort key'), 'key sort');
    expect(before(f, 'zsd-apply-create', 'zsd-create-end')).toBe(true);
    expect(before(f, 'zsd-create-end', 'zsd-create-start')).toBe(true);
    await r.press('s');
    f = await r.waitFor((fr) => fr.includes('sort reverse'), 'reverse sort');
    expect(before(f, 'zsd-create-end', 'zsd-apply-create')).toBe(true);
    expect(before(f, 'zsd-apply-create', 'zsd-create-start')).toBe(true);
    await r.press('s');
    await r.waitFor((fr) => fr.includes('sort value'), 'back to value sort');
  });

  it('p pauses and resumes the workload', async () => {
    const src = twoPanels();
    const r = await renderApp(src);
    await r.press('p');
    await r.waitFor((f) => f.includes('[PAUSED]'), 'paused');
    expect(src.calls).toEqual(['pause:true']);
    await r.press('p');
    await r.waitFor((f) => f.includes('[RUNNING]'), 'running');
    expect(src.calls).toEqual(['pause:true', 'pause:false']);
  });

  it('c clears every aggregation', async () => {
    const src = twoPanels();
    const r = await renderApp(src);
    await r.press('c');
    const f = await r.waitFor((fr) => !fr.includes('zsd-create-end'), 'cleared');
    expect(src.calls).toEqual(['clear']);
    expect(f).toContain('(no entries)');
  });

  it('Tab moves the focus between panels', async () => {
    const r = await renderApp(twoPanels());
    expect(r.frame()).toContain('> @calls');
    await r.press(KEYS.tab);
    const f = await r.waitFor((fr) => fr.includes('> @lat'), 'focus on @lat');
    expect(f).toContain('  @calls');
    await r.press(KEYS.tab);
    await r.waitFor((fr) => fr.includes('> @calls'), 'focus wraps around');
  });

  it('arrows scroll the focused panel', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => [`key${String(i).padStart(2, '0')}`, i + 1] as const);
    const src = fakeSource([countAgg(0, 'many', rows)]);
    const r = await renderApp(src, { columns: 80, rows: 20 });
    let f = r.frame();
    // Value order is ascending: the window sits on the largest values, at the tail.
    expect(f).toContain('key39');
    const shown = /(\d+)-(\d+) shown/.exec(f);
    expect(shown?.[2]).toBe('40');
    await r.press(KEYS.up);
    f = await r.waitFor((fr) => !fr.includes('key39'), 'scrolled up');
    expect(f).toMatch(/-39 shown/);
    await r.press(KEYS.down);
    await r.waitFor((fr) => fr.includes('key39'), 'scrolled back');
  });

  it('? shows the help and Esc closes it', async () => {
    const r = await renderApp(twoPanels());
    await r.press('?');
    const f = await r.waitFor((fr) => fr.includes('Keys (? or Esc to close)'), 'help');
    expect(f).toContain('cycle the sort: value, key, reverse');
    expect(f).not.toContain('@calls');
    await r.press(KEYS.esc);
    await r.waitFor((fr) => fr.includes('@calls'), 'help closed');
  });

  it('q quits', async () => {
    const src = twoPanels();
    const r = await renderApp(src);
    await r.press('q');
    expect(src.calls).toEqual(['quit']);
  });

  it('Ctrl-C quits, and a second one aborts', async () => {
    const once = twoPanels();
    const a = await renderApp(once);
    await a.press(KEYS.ctrlC);
    expect(once.calls).toEqual(['quit']);
    const twice = twoPanels();
    const b = await renderApp(twice);
    await b.press(KEYS.ctrlC + KEYS.ctrlC);
    expect(twice.calls).toEqual(['quit', 'abort']);
  });

  it('stays up with the final numbers when the run is done', async () => {
    const src = twoPanels();
    const r = await renderApp(src);
    src.snapshot = { ...src.snapshot, done: true };
    const f = await r.waitFor((fr) => fr.includes('[DONE]'), 'done');
    expect(f).toContain('done: q quit');
    expect(f).toContain('zsd-create-end');
    expect(src.calls).toEqual([]);
  });
});

describe('App size', () => {
  it('follows a resize and says when the terminal is too small', async () => {
    const r = await renderApp(twoPanels(), { columns: 100, rows: 40 });
    expect(lines(r.frame()).some((l) => l.length > 70)).toBe(true);
    r.resize(70, 20);
    let f = await r.waitFor((fr) => lines(fr).every((l) => l.length <= 70), 'narrow frame');
    expect(f).toContain('@calls');
    r.resize(50, 12);
    f = await r.waitFor((fr) => fr.includes('too small'), 'too small');
    expect(f).toContain('terminal too small (50x12)');
    expect(f).toContain('the dashboard needs 60x15');
    expect(f).not.toContain('@calls');
    r.resize(100, 40);
    await r.waitFor((fr) => fr.includes('@calls') && !fr.includes('too small'), 'full size again');
  });

  it('keeps the live region shorter than the terminal', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => [`k${i}`, i] as const);
    const src = fakeSource([countAgg(0, 'a', rows), countAgg(1, 'b', rows), countAgg(2, 'c', rows)]);
    const r = await renderApp(src, { columns: 90, rows: 24 });
    const f = r.frame();
    expect(lines(f).length).toBeLessThan(24);
    expect(f).toContain('@a');
  });
});
