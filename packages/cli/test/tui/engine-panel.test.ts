/*
 * The engine panel's "blocked" line: threads on a mutex, then threads asleep on a condition
 * variable, with what they hold; threads that only pass simulated time are not listed.
 */

import { describe, expect, it } from 'vitest';
import type { EngineState } from '@zsdtrace/core';
import { blockedLine } from '../../src/tui/EnginePanel.js';

const base: EngineState = { zones: [], keys: [], threads: [], waits: [] };

describe('blockedLine', () => {
  it('lists mutex waiters first, then cv sleepers, and leaves out threads in a delay', () => {
    const engine: EngineState = {
      ...base,
      threads: [
        { tid: 1, name: 'sched', state: 'sleep', holds: [] },
        { tid: 7, name: 'zsched', state: 'sleep', blockedOn: 'zsd_cv(zone 3, key 2)', holds: [] },
        { tid: 9, name: 'modload', state: 'blocked', blockedOn: 'zonehash_lock', holds: ['zsd_key_lock'] },
        { tid: 4, name: 'zoneadmd', state: 'run', holds: [] },
      ],
    };
    expect(blockedLine(engine)).toBe(
      'blocked  t9 modload blocked on zonehash_lock holding zsd_key_lock; t7 zsched sleeps on zsd_cv(zone 3, key 2)',
    );
    expect(blockedLine({ ...base, threads: [{ tid: 1, name: 'sched', state: 'sleep', holds: [] }] })).toBe('blocked  none');
  });
});
