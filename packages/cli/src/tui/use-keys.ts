/*
 * Listens to the keyboard and hands each recognised keypress to `onIntent`.
 *
 * Input is only read where the terminal supports raw mode: Ink's useInput throws on a stdin
 * that is not a terminal, and without raw mode Ctrl-C arrives as SIGINT, which the CLI handles.
 * The listener is registered once and calls the latest `onIntent` through a ref: Ink
 * re-subscribes a changed handler only in a passive effect, so a key pressed just after a
 * refresh would otherwise reach the handler of the frame before.
 */

import { useInput, useStdin } from 'ink';
import { useCallback, useRef } from 'react';
import { keyIntent, type KeyIntent } from './key-map.js';

export function useKeys(onIntent: (intent: KeyIntent) => void): void {
  const { isRawModeSupported } = useStdin();
  const latest = useRef(onIntent);
  latest.current = onIntent;
  const handler = useCallback((input: string, key: Parameters<typeof keyIntent>[1]) => {
    const intent = keyIntent(input, key);
    if (intent !== null) latest.current(intent);
  }, []);
  useInput(handler, { isActive: isRawModeSupported });
}
