/*
 * Colour, or its absence. Panels ask for a role (`accent`, `bar`, `alert`, …) and get an Ink
 * colour name, or undefined when colour is off (NO_COLOR, a terminal without colour), so the
 * screen degrades to plain text with the same layout. Emphasis that must survive without colour
 * (non-zero drops and errors) is also marked in the text itself by the callers.
 */

import { createContext, useContext } from 'react';

export const TONES = {
  accent: 'cyan',
  bar: 'green',
  negative: 'magenta',
  alert: 'red',
  warn: 'yellow',
  dim: 'gray',
  focus: 'cyanBright',
} as const;

export type Tone = keyof typeof TONES;

export const ColorContext = createContext<boolean>(true);

/** Returns a function from a role to an Ink colour, or undefined when colour is off. */
export function useTone(): (tone: Tone) => string | undefined {
  const color = useContext(ColorContext);
  return (tone) => (color ? TONES[tone] : undefined);
}

/**
 * Whether to draw in colour: off when NO_COLOR is set to anything non-empty (no-color.org),
 * on when FORCE_COLOR asks for it, else whatever the terminal reports.
 */
export function colorEnabled(stdout: { isTTY?: boolean; hasColors?: () => boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (stdout.isTTY !== true) return false;
  return typeof stdout.hasColors === 'function' ? stdout.hasColors() : true;
}
