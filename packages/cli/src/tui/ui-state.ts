/*
 * What the user has chosen on screen, as a reducer: the focused panel, the sort order, each
 * panel's scroll offset, the help overlay. Commands come from the key map; the run itself
 * (pause, clear, quit) is not state of the screen and goes to the DashboardSource instead.
 */

import { nextSortMode, type SortMode } from './agg-order.js';

export interface UiState {
  readonly focus: number;
  readonly sort: SortMode;
  /** Scroll offset per aggregation id, in rows away from the panel's anchor. */
  readonly scroll: Readonly<Record<number, number>>;
  readonly help: boolean;
}

export const initialUiState: UiState = { focus: 0, sort: 'value', scroll: {}, help: false };

export type UiCommand =
  | { readonly kind: 'focus'; readonly delta: 1 | -1; readonly panels: number }
  | { readonly kind: 'scroll'; readonly aggId: number; readonly delta: number; readonly max: number }
  | { readonly kind: 'scroll-home'; readonly aggId: number }
  | { readonly kind: 'sort' }
  | { readonly kind: 'help'; readonly open?: boolean }
  | { readonly kind: 'reset-scroll' };

export function uiReducer(state: UiState, cmd: UiCommand): UiState {
  switch (cmd.kind) {
    case 'focus': {
      if (cmd.panels <= 0) return state;
      return { ...state, focus: (state.focus + cmd.delta + cmd.panels) % cmd.panels };
    }
    case 'scroll': {
      const now = state.scroll[cmd.aggId] ?? 0;
      return { ...state, scroll: { ...state.scroll, [cmd.aggId]: Math.max(0, Math.min(cmd.max, now + cmd.delta)) } };
    }
    case 'scroll-home':
      return { ...state, scroll: { ...state.scroll, [cmd.aggId]: 0 } };
    case 'sort':
      // A new order puts every panel back at its anchor: old offsets point at other rows.
      return { ...state, sort: nextSortMode(state.sort), scroll: {} };
    case 'help':
      return { ...state, help: cmd.open ?? !state.help };
    case 'reset-scroll':
      return { ...state, scroll: {} };
  }
}
