import { describe, expect, it } from 'vitest';
import {
  formatRawBytes, formatStack, formatSymbol, formatTraceValue, type DType, type DValue,
} from '../../src/consumer/index.js';

const S = (n: number): string => ' '.repeat(n);
const t = (size: 1 | 2 | 4 | 8, signed = true): DType => ({ kind: 'int', size, signed });
const loud = { quiet: false, strsize: 256 };
const quiet = { quiet: true, strsize: 256 };

describe('trace() formats (illumos)', () => {
  it('prints 8-byte values as signed %16lld', () => {
    expect(formatTraceValue(-1, t(8), loud)).toBe(`${S(15)}-1`);
    expect(formatTraceValue(123, t(8), loud)).toBe(`${S(14)}123`);
    expect(formatTraceValue((1n << 64n) - 1n, t(8, false), loud)).toBe(`${S(15)}-1`);
    expect(formatTraceValue(-(1n << 63n), t(8), loud)).toBe(' -9223372036854775808');
    expect(formatTraceValue(7, { kind: 'pointer' }, loud)).toBe(`${S(16)}7`);
  });

  it('prints 4-byte values as signed %8d', () => {
    expect(formatTraceValue(5, t(4), loud)).toBe(`${S(8)}5`);
    expect(formatTraceValue(0xffffffff, t(4, false), loud)).toBe(`${S(7)}-1`);
  });

  it('prints 2- and 1-byte values unsigned, %5d and %3d', () => {
    expect(formatTraceValue(-1, t(2), loud)).toBe(' 65535');
    expect(formatTraceValue(7, t(2), loud)).toBe(`${S(5)}7`);
    expect(formatTraceValue(-1, t(1), loud)).toBe(' 255');
    expect(formatTraceValue(7, t(1), loud)).toBe(`${S(3)}7`);
  });

  it('prints strings as "  %-33s", and bare when quiet', () => {
    expect(formatTraceValue('hi', { kind: 'string' }, loud)).toBe(`  hi${S(31)}`);
    expect(formatTraceValue('x'.repeat(40), { kind: 'string' }, loud)).toBe(`  ${'x'.repeat(40)}`);
    expect(formatTraceValue('hi', { kind: 'string' }, quiet)).toBe('hi');
  });

  it('prints bare numbers when quiet, with the same signedness rules', () => {
    expect(formatTraceValue(-1, t(8), quiet)).toBe('-1');
    expect(formatTraceValue(-1, t(4), quiet)).toBe('-1');
    expect(formatTraceValue(-1, t(2), quiet)).toBe('65535');
    expect(formatTraceValue(-1, t(1), quiet)).toBe('255');
  });

  it('hex-dumps strings with unprintable characters, and everything under rawbytes', () => {
    const dump =
      `\n${S(11)}  0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f  0123456789abcdef\n` +
      `${S(9)}0: 61 01 00 00${S(36)}  a...\n`;
    expect(formatTraceValue('a\x01', { kind: 'string' }, { quiet: false, strsize: 4 })).toBe(dump);
    expect(formatTraceValue('a', { kind: 'string' }, { quiet: true, strsize: 4, rawbytes: true })).toContain(
      `${S(9)}0: 61 00 00 00`,
    );
  });

  it('dumps 16 bytes per row with offsets', () => {
    const bytes = new Uint8Array(18).map((_, i) => 0x41 + i);
    expect(formatRawBytes(bytes).split('\n').slice(2)).toEqual([
      `${S(9)}0: 41 42 43 44 45 46 47 48 49 4a 4b 4c 4d 4e 4f 50  ABCDEFGHIJKLMNOP`,
      `${S(8)}10: 51 52${S(42)}  QR`,
      '',
    ]);
  });
});

describe('stacks and symbols', () => {
  const stack: DValue = {
    kind: 'stack',
    frames: [
      { module: 'genunix', func: 'zsd_apply_create', offset: 0x4c },
      { module: 'genunix', func: 'zone_key_create', offset: 0 },
    ],
  };

  it('prints a stack on fresh lines indented by 14', () => {
    expect(formatTraceValue(stack, { kind: 'stack' }, loud)).toBe(
      `\n${S(14)}genunix\`zsd_apply_create+0x4c\n${S(14)}genunix\`zone_key_create\n`,
    );
    if (typeof stack === 'object' && stack.kind === 'stack') {
      expect(formatStack(stack, 4)).toBe('\n    genunix`zsd_apply_create+0x4c\n    genunix`zone_key_create\n');
    }
  });

  it('prints sym(), func() and mod() as "  %-50s"', () => {
    const frame = { module: 'genunix', func: 'zsd_apply_create', offset: 0x4c };
    expect(formatSymbol({ kind: 'sym', addr: 0x10, frame })).toBe(`  genunix\`zsd_apply_create${S(26)}`);
    expect(formatSymbol({ kind: 'mod', addr: 0x10, frame })).toBe(`  genunix${S(43)}`);
    expect(formatSymbol({ kind: 'func', addr: 0xbeef, frame: null })).toBe(`  0xbeef${S(44)}`);
  });
});
