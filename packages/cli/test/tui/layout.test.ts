import { describe, expect, it } from 'vitest';
import { PANEL_MIN_LINES, logLines, planPanels, tooSmall } from '../../src/tui/layout.js';

describe('planPanels', () => {
  it('gives every panel what it wants when there is room', () => {
    expect(planPanels([4, 6], 20, 0)).toEqual({ first: 0, heights: [4, 6], hiddenAfter: 0 });
  });
  it('shares lines evenly past each panel minimum', () => {
    const p = planPanels([50, 50], 20, 0);
    expect(p.heights).toEqual([10, 10]);
  });
  it('shows a run around the focused panel when not all fit, keeping a line for the note', () => {
    const p = planPanels([10, 10, 10, 10, 10], 7, 3);
    expect(p.heights.length).toBe(2);
    expect(p.first).toBeLessThanOrEqual(3);
    expect(p.first + p.heights.length).toBeGreaterThan(3);
    expect(p.heights.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(6);
    expect(p.heights.every((h) => h >= PANEL_MIN_LINES)).toBe(true);
  });
});

describe('screen limits', () => {
  it('is too small under 60x15', () => {
    expect([tooSmall(59, 40), tooSmall(100, 14), tooSmall(60, 15)]).toEqual([true, true, false]);
  });
  it('keeps no log lines until the script prints', () => {
    expect(logLines(40, false)).toBe(0);
    expect(logLines(40, true)).toBe(10);
  });
});
