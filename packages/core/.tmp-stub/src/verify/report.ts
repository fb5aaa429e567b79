/*
 * The callback each property check reports through. The checker decides what to keep (the first
 * few per property) and counts the rest; checks only describe what they saw.
 */

import type { TraceEvent } from '../trace/events.js';
import type { PropertyId } from './violation.js';

export type Report = (
  property: PropertyId,
  message: string,
  at: TraceEvent | { readonly t: number },
  events: readonly TraceEvent[],
  zone?: number,
  key?: number,
) => void;
