import { ProbeRegistry } from '@zsdtrace/probes/provider';
import { describe, expect, it } from 'vitest';
import { createEngine, loadWorkload, type TraceEvent } from '../../src/index.js';
import { KList } from '../../src/sim/list.js';
import { ZsdEntry, zsdFind, zsdFindMru, type KeyCallbacks } from '../../src/zsd/entry.js';
import { workload } from '../helpers.js';

type ZoneLike = { zone_id: number; zsd: { head: { zsd_key: number; zsd_flags: number; lnext: unknown } | null } };

function flagsOf(zone: ZoneLike, key: number): number {
  for (let e = zone.zsd.head; e; e = e.lnext as typeof e) if (e.zsd_key === key) return e.zsd_flags;
  return -1;
}

/** Records sdt firings for one zone as `func:name flags`. */
function recordZone(registry: ProbeRegistry, zoneId: number, out: string[]): void {
  for (const p of registry.probes) {
    if (p.provider !== 'sdt') continue;
    registry.enable(p, (a0, a1) => {
      const z = a0 as ZoneLike;
      if (z.zone_id !== zoneId) return;
      const key = typeof a1 === 'object' ? (a1 as { zsd_key: number }).zsd_key : p.name === 'zsd-create-end' ? 1 : (a1 as number);
      const f = flagsOf(z, key);
      // configure fires create-needed just before appending the entry (spec 2.7 step 2).
      out.push(`${p.func}:${p.name} ${f < 0 ? 'not-yet-linked' : `0x${f.toString(16)}`}`);
    });
  }
}

const lifecycle = workload({
  keys: [{ name: 'k', create: { duration: '5us' }, shutdown: { duration: '5us' }, destroy: { duration: '5us' } }],
  zones: [{ name: 'z', createAt: '0ms', bootAt: '1ms', haltAt: '2ms' }],
});

describe('ZSD functions: flag transitions and probe sequences (round-robin)', () => {
  it('configure -> creates -> zone_shutdown -> zone_destroy walks every flag group forward', () => {
    const registry = new ProbeRegistry();
    const seen: string[] = [];
    const e = createEngine({ workload: lifecycle, policy: 'round-robin', registry });
    recordZone(registry, 1, seen);
    expect(e.run().findings).toEqual([]);
    expect(seen).toEqual([
      'zone_zsd_configure:zsd-create-needed not-yet-linked',
      'zsd_apply_create:zsd-create-inprogress 0x2',
      'zsd_apply_create:zsd-create-start 0x2',
      'zsd_apply_create:zsd-create-end 0x2',
      'zsd_apply_create:zsd-create-completed 0x4',
      'zone_zsd_callbacks:zsd-shutdown-needed 0x14',
      'zsd_apply_shutdown:zsd-shutdown-inprogress 0x24',
      'zsd_apply_shutdown:zsd-shutdown-start 0x24',
      'zsd_apply_shutdown:zsd-shutdown-end 0x24',
      'zsd_apply_shutdown:zsd-shutdown-completed 0x44',
      'zone_zsd_callbacks:zsd-destroy-needed 0x144',
      'zsd_apply_destroy:zsd-destroy-inprogress 0x244',
      'zsd_apply_destroy:zsd-destroy-start 0x244',
      'zsd_apply_destroy:zsd-destroy-end 0x244',
      'zsd_apply_destroy:zsd-destroy-completed 0x444',
    ]);
  });

  it('zone_key_create on a running zone marks it, and zone_key_delete marks, runs and frees', () => {
    const w = workload({
      keys: [{ name: 'm', module: 'mod', create: { duration: '5us' }, shutdown: true, destroy: { duration: '5us', actions: ['zone_getspecific'] } }],
      modules: [{ name: 'mod', keys: ['m'], loadAt: '2ms', unloadAt: '3ms' }],
      zones: [{ name: 'z', createAt: '0ms', bootAt: '1ms' }],
    });
    const registry = new ProbeRegistry();
    const seen: string[] = [];
    const e = createEngine({ workload: w, policy: 'round-robin', registry });
    recordZone(registry, 1, seen);
    const events: TraceEvent[] = [];
    e.onEvent((ev) => events.push(ev));
    expect(e.run().findings).toEqual([]);
    expect(seen.map((x) => x.split(' ')[0])).toEqual([
      'zone_key_create:zsd-create-needed',
      'zsd_apply_create:zsd-create-inprogress',
      'zsd_apply_create:zsd-create-start',
      'zsd_apply_create:zsd-create-end',
      'zsd_apply_create:zsd-create-completed',
      'zone_key_delete:zsd-shutdown-needed',
      'zone_key_delete:zsd-destroy-needed',
      'zsd_apply_shutdown:zsd-shutdown-inprogress',
      'zsd_apply_shutdown:zsd-shutdown-start',
      'zsd_apply_shutdown:zsd-shutdown-end',
      'zsd_apply_shutdown:zsd-shutdown-completed',
      'zsd_apply_destroy:zsd-destroy-inprogress',
      'zsd_apply_destroy:zsd-destroy-start',
      'zsd_apply_destroy:zsd-destroy-end',
      'zsd_apply_destroy:zsd-destroy-completed',
    ]);
    // The destroy callback still sees the create result (spec 4.2 I8); the entry is then freed.
    const created = events.find((x) => x.kind === 'end' && x.phase === 'create' && x.zone === 1);
    const got = events.find((x) => x.kind === 'getspecific' && x.zone === 1);
    expect(got && 'value' in got ? got.value : -1).toBe(created && 'result' in created ? created.result : -2);
    expect(events.filter((x) => x.kind === 'free' && x.src === 'keyDelete').map((x) => ('zone' in x ? x.zone : -1))).toEqual([0, 1]);
    const end = events.find((x) => x.kind === 'opEnd' && x.op === 'zone_key_delete');
    expect(end).toMatchObject({ rc: 0 });
    const visits = events.filter((x) => x.kind === 'markVisit').map((x) => ('decision' in x ? x.decision : ''));
    expect(visits).toEqual(['alloc', 'alloc']);
  });

  it('the 2008 order publishes the key before the creates; the 2009 option after them', () => {
    const w = loadWorkload('s1');
    for (const after of [false, true]) {
      const events: TraceEvent[] = [];
      const e = createEngine({ workload: w, publishKeyAfterCreate: after });
      e.onEvent((ev) => events.push(ev));
      e.run();
      const pub = events.findIndex((x) => x.kind === 'keyPublish' && x.key === 1);
      const done = events.findLastIndex((x) => x.kind === 'completed' && x.key === 1);
      expect(pub).toBeGreaterThanOrEqual(0);
      expect(after ? pub > done : pub < done).toBe(true);
    }
  });

  it('wait probes pass the entry; lockstat passes the lock; stack() names the engine functions', () => {
    type EntryView = { zsd_key: number; zsd_flags: number; addr: number };
    let waitArg: EntryView | null = null;
    let stackAtStart: string[] = [];
    const lockNames = new Set<string>();
    for (let seed = 1; seed <= 60 && !waitArg; seed++) {
      const registry = new ProbeRegistry();
      const e = createEngine({ workload: loadWorkload('s4'), seed, registry });
      const wait = registry.lookup('sdt', 'genunix', 'zsd_wait_for_inprogress', 'zsd-wait-for-inprogress')!;
      registry.enable(wait, (_z, ent) => {
        // The entry is the engine's live object: snapshot it at the firing.
        if (!waitArg) waitArg = { ...(ent as EntryView) };
      });
      const start = registry.lookup('sdt', 'genunix', 'zsd_apply_create', 'zsd-create-start')!;
      registry.enable(start, () => {
        stackAtStart = e.host.stack().map((f) => f.func);
      });
      const acq = registry.lookup('lockstat', 'genunix', 'mutex_enter', 'adaptive-acquire')!;
      registry.enable(acq, (m) => lockNames.add((m as { lock_name: string }).lock_name));
      e.run();
    }
    expect(waitArg).not.toBeNull();
    expect(waitArg!.zsd_flags & 0x222).not.toBe(0);
    expect(typeof waitArg!.addr).toBe('number');
    expect(stackAtStart[0]).toBe('zsd_apply_create');
    expect(stackAtStart[1]).toMatch(/^zsd_apply_all_(zones|keys)$/);
    expect(stackAtStart.at(-1)).toMatch(/^(zsched|modload)$/);
    expect([...lockNames]).toEqual(expect.arrayContaining(['zonehash_lock', 'zone_lock', 'zsd_key_lock']));
  });

  it('zsd_find does not reorder; zsd_find_mru moves a hit to the head', () => {
    const fns: KeyCallbacks = { name: 'x', create: null, shutdown: null, destroy: null, createAddr: 0, shutdownAddr: 0, destroyAddr: 0 };
    const list = new KList<ZsdEntry>();
    for (const k of [1, 2, 3]) list.append(new ZsdEntry(k, fns, k, 1));
    const order = (): number[] => [...list].map((e) => e.zsd_key);
    expect(zsdFind(list, 3)?.zsd_key).toBe(3);
    expect(order()).toEqual([1, 2, 3]);
    expect(zsdFindMru(list, 3)?.zsd_key).toBe(3);
    expect(order()).toEqual([3, 1, 2]);
    expect(zsdFindMru(list, 9)).toBeNull();
    expect(order()).toEqual([3, 1, 2]);
  });

  it('engine state shows zones, keys and threads; the host runs on virtual time', () => {
    const e = createEngine({ workload: loadWorkload('illumos'), seed: 1 });
    e.runUntil(5_000_000);
    const st = e.state();
    expect(st.zones[0]).toMatchObject({ id: 0, name: 'global', statusName: 'running' });
    expect(st.keys.map((k) => k.name)).toContain('netstack_zone_key');
    expect(st.threads.some((t) => t.name === 'zsched')).toBe(true);
    expect(e.host.timestamp()).toBe(e.now);
    expect(e.host.walltimestamp()).toBe(1_767_225_600_000_000_000n + BigInt(e.now));
    let ticks = 0;
    e.host.every(1_000_000, () => ticks++);
    e.runUntil(9_000_000);
    expect(ticks).toBe(4);
  });
});
