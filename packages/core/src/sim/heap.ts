/*
 * A binary min-heap of sleeping threads ordered by (wakeAt, seq). `seq` breaks ties in the
 * order threads went to sleep, so wake-up order is deterministic. Used by the kernel to advance
 * virtual time to the next wake-up without scanning every thread.
 */

import { objectArray } from './object-array.js';

export interface Sleeper {
  wakeAt: number;
  sleepSeq: number;
}

export class SleepHeap<T extends Sleeper> {
  private readonly items: T[] = objectArray();

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(x: T): void {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const x = a[i]!;
      const y = a[p]!;
      if (!less(x, y)) break;
      a[i] = y;
      a[p] = x;
      i = p;
    }
  }

  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && less(a[l]!, a[m]!)) m = l;
        if (r < a.length && less(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        const x = a[i]!;
        a[i] = a[m]!;
        a[m] = x;
        i = m;
      }
    }
    return top;
  }
}

function less(a: Sleeper, b: Sleeper): boolean {
  return a.wakeAt < b.wakeAt || (a.wakeAt === b.wakeAt && a.sleepSeq < b.sleepSeq);
}
