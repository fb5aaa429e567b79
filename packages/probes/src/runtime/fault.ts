/*
 * Runtime faults: what aborts a clause (d-language.md 2.6, 2.8). Generated code throws a
 * DFault; the fused probe function catches it, reports it and fires ERROR. A DFault never
 * leaves the runtime.
 */

import type { ErrorTag } from '../program/error-tags.js';

export const FaultCode = {
  UNKNOWN: 0,
  BADADDR: 1,
  BADALIGN: 2,
  ILLOP: 3,
  DIVZERO: 4,
  NOSCRATCH: 5,
  KPRIV: 6,
  UPRIV: 7,
  TUPOFLOW: 8,
  BADSTACK: 9,
  BADSIZE: 10,
  BADINDEX: 11,
  LIBRARY: 1000,
} as const;

export type FaultCodeValue = (typeof FaultCode)[keyof typeof FaultCode];

const TEXT: Record<number, string> = {
  0: 'unknown fault',
  1: 'invalid address',
  2: 'invalid alignment',
  3: 'illegal operation',
  4: 'divide-by-zero',
  5: 'out of scratch space',
  6: 'invalid kernel access',
  7: 'invalid user access',
  8: 'tuple stack overflow',
  9: 'bad stack',
  10: 'invalid size',
  11: 'index out of bounds',
  1000: 'library-level fault',
};

export function faultText(code: number): string {
  return TEXT[code] ?? 'unknown fault';
}

export class DFault extends Error {
  readonly code: ErrorTag = 'D_RUNTIME_FAULT';
  constructor(
    readonly fault: FaultCodeValue,
    readonly addr?: number,
  ) {
    super(faultText(fault));
  }
}
