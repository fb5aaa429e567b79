/*
 * The dashboard's keys, as a pure map from a keypress to an intent. Keeping it pure lets the
 * help overlay list the same bindings the handler obeys, and lets tests check the map directly.
 */

import type { Key } from 'ink';

export type KeyIntent =
  | 'quit'
  | 'interrupt'
  | 'abort'
  | 'pause'
  | 'clear'
  | 'sort'
  | 'focus-next'
  | 'focus-prev'
  | 'up'
  | 'down'
  | 'page-up'
  | 'page-down'
  | 'home'
  | 'help'
  | 'close';

/** The bindings in the order the help overlay lists them. */
export const KEY_HELP: readonly (readonly [string, string])[] = [
  ['q', 'quit: run END and print the final aggregations'],
  ['Ctrl-C', 'quit; a second Ctrl-C aborts'],
  ['p', 'pause or resume the workload'],
  ['c', 'clear every aggregation'],
  ['s', 'cycle the sort: value, key, reverse'],
  ['Tab / Shift-Tab', 'focus the next / previous panel'],
  ['Up / Down', 'scroll the focused panel'],
  ['PgUp / PgDn', 'scroll the focused panel by a page'],
  ['Home', 'back to the top of the focused panel'],
  ['?', 'show or hide this help'],
  ['Esc', 'close this help'],
];

export function keyIntent(input: string, key: Key): KeyIntent | null {
  // Ctrl-C pressed twice before Ink reads stdin arrives as one chunk of ETX characters.
  if (/^\u0003{2,}$/.test(input)) return 'abort';
  if (key.ctrl && input === 'c') return 'interrupt';
  if (key.tab) return key.shift ? 'focus-prev' : 'focus-next';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.pageUp) return 'page-up';
  if (key.pageDown) return 'page-down';
  if (key.home) return 'home';
  if (key.escape) return 'close';
  if (key.ctrl || key.meta) return null;
  switch (input) {
    case 'q':
      return 'quit';
    case 'p':
      return 'pause';
    case 'c':
      return 'clear';
    case 's':
      return 'sort';
    case '?':
      return 'help';
    default:
      return null;
  }
}
