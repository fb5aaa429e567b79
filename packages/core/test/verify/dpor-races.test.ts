/*
 * Race analysis of one schedule (src/verify/dpor-races.ts): which earlier step of another thread
 * each step races with, under happens-before (program order, thread creation, dependent steps).
 */

import { describe, expect, it } from 'vitest';
import { EVERYTHING, races, type Token } from '../../src/verify/dpor-races.js';

const x = { id: 0 };
const y = { id: 1 };
const z = { id: 2 };
const step = (tid: number, ...fp: Token[]) => ({ tid, fp });

describe('race analysis', () => {
  it('independent steps do not race', () => {
    expect(races([step(1, x), step(2, y)], new Map(), 0)).toEqual([]);
  });

  it('a step races with every dependent step since its thread last ran, latest first', () => {
    expect(races([step(1, x), step(2, y), step(3, x, y)], new Map(), 0)).toEqual([
      [1, 3],
      [0, 3],
    ]);
  });

  it('a step that already happens before the thread does not race with it', () => {
    // 3 touches x, then 1 (after it, through x), then 3 again: only 1's step races with it.
    expect(races([step(3, x), step(1, x), step(3, x)], new Map(), 0)).toEqual([
      [0, 1],
      [1, 3],
    ]);
    // Before the thread's previous step only the latest racing step counts.
    expect(races([step(1, x), step(2, x), step(3, z), step(3, x)], new Map(), 3)).toEqual([[1, 3]]);
  });

  it('the step that created a thread happens before all of its steps', () => {
    expect(races([step(1, x), step(2, x)], new Map([[2, 0]]), 0)).toEqual([]);
    expect(races([step(1, x), step(2, x)], new Map(), 0)).toEqual([[0, 2]]);
  });

  it('a step dependent on everything races with every step it can', () => {
    expect(races([step(1, x), step(2, y), { tid: 3, fp: EVERYTHING }], new Map(), 2)).toEqual([
      [1, 3],
      [0, 3],
    ]);
  });

  it('only steps from `from` on are analysed', () => {
    expect(races([step(1, x), step(2, x), step(3, z)], new Map(), 2)).toEqual([]);
  });
});
