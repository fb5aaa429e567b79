/*
 * How the screen's lines are shared out. Pure arithmetic on line counts, so it can be tested
 * without rendering.
 *
 * Invariant: the live region (everything but the log) stays shorter than the terminal, with the
 * log's share of lines kept free above it. Ink redraws a live region that reaches the terminal's
 * height by clearing the whole screen each frame, and the log lines written above it would
 * scroll away unseen.
 */

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 15;

export const HEADER_LINES = 2;
export const FOOTER_LINES = 1;
/** Fewest lines a panel is given: its title and two rows. */
export const PANEL_MIN_LINES = 3;

export function tooSmall(columns: number, rows: number): boolean {
  return columns < MIN_COLUMNS || rows < MIN_ROWS;
}

/** Lines kept for the printf/trace log above the live region: none until the script prints. */
export function logLines(rows: number, hasLog: boolean): number {
  return hasLog ? Math.max(2, Math.min(10, Math.floor(rows / 4))) : 0;
}

/** Lines for the engine panel: a title, zones, keys, blocked threads, waits. */
export function engineLines(rows: number, hasEngine: boolean): number {
  if (!hasEngine) return 0;
  return rows >= 30 ? 6 : rows >= 20 ? 4 : 2;
}

export interface PanelPlan {
  /** Index of the first aggregation shown. */
  readonly first: number;
  /** Lines of each shown aggregation, from `first` on. */
  readonly heights: readonly number[];
  /** Aggregations not shown after the last one (a "more" line is drawn for them). */
  readonly hiddenAfter: number;
}

/**
 * Shares `available` lines among panels that would like `desired[i]` lines. Every shown panel
 * gets at least PANEL_MIN_LINES (or its whole desire if smaller); the rest goes one line at a
 * time to panels still wanting more. When not all fit, a contiguous run containing `focus` is
 * shown, and one line is kept for the "more panels" note.
 */
export function planPanels(desired: readonly number[], available: number, focus: number): PanelPlan {
  const n = desired.length;
  if (n === 0 || available <= 0) return { first: 0, heights: [], hiddenAfter: n };
  const floor = (i: number): number => Math.min(desired[i] ?? 0, PANEL_MIN_LINES);
  let first = 0;
  let last = n - 1;
  let need = 0;
  for (let i = 0; i < n; i++) need += floor(i);
  if (need > available) {
    // Not all fit: grow a run around the focused panel, keeping a line for the note.
    const budget = available - 1;
    first = Math.max(0, Math.min(focus, n - 1));
    last = first;
    let used = floor(first);
    for (;;) {
      if (last + 1 < n && used + floor(last + 1) <= budget) used += floor(++last);
      else if (first > 0 && used + floor(first - 1) <= budget) used += floor(--first);
      else break;
    }
    need = used;
    available = Math.max(used, budget);
  }
  const heights: number[] = [];
  for (let i = first; i <= last; i++) heights.push(floor(i));
  let spare = available - need;
  while (spare > 0) {
    let gave = false;
    for (let k = 0; k < heights.length && spare > 0; k++) {
      if ((heights[k] ?? 0) < (desired[first + k] ?? 0)) {
        heights[k] = (heights[k] ?? 0) + 1;
        spare--;
        gave = true;
      }
    }
    if (!gave) break;
  }
  return { first, heights, hiddenAfter: n - 1 - last };
}
