import { beforeAll, describe, expect, it } from 'vitest';
import {
  formatPrintf, isFormatError, parseFormat, type DType, type DValue, type FormatContext, type ParsedFormat,
} from '../../src/consumer/index.js';

const I64: DType = { kind: 'int', size: 8, signed: true };
const U64: DType = { kind: 'int', size: 8, signed: false };
const I32: DType = { kind: 'int', size: 4, signed: true };
const U32: DType = { kind: 'int', size: 4, signed: false };
const STR: DType = { kind: 'string' };

const frames = {
  0x1000: { module: 'genunix', func: 'zsd_apply_create', offset: 0x4c },
  0x2000: { module: 'genunix', func: 'zone_key_create', offset: 0 },
} as Record<number, { module: string; func: string; offset: number }>;

const ctx: FormatContext = { strsize: 256, symbol: (a) => frames[a] ?? null };

function parsed(fmt: string): ParsedFormat {
  const p = parseFormat(fmt);
  if (isFormatError(p)) throw new Error(p.message);
  return p;
}

function pf(fmt: string, args: DValue[], types?: DType[], c: FormatContext = ctx): string {
  const t = types ?? args.map((a) => (typeof a === 'string' ? STR : I64));
  return formatPrintf(parsed(fmt), args, t, c);
}

describe('printf integer conversions', () => {
  it('prints %d and %i of positive and negative values', () => {
    expect(pf('%d', [42])).toBe('42');
    expect(pf('%d', [-42])).toBe('-42');
    expect(pf('%i|%i', [7, -7])).toBe('7|-7');
  });

  it('applies width, -, 0, +, space and precision', () => {
    expect(pf('%5d|', [42])).toBe('   42|');
    expect(pf('%-5d|', [42])).toBe('42   |');
    expect(pf('%05d', [42])).toBe('00042');
    expect(pf('%05d', [-42])).toBe('-0042');
    expect(pf('%+d %+d', [5, -5])).toBe('+5 -5');
    expect(pf('% d|% d', [5, -5])).toBe(' 5|-5');
    expect(pf('%.3d', [5])).toBe('005');
    expect(pf('%8.3d|', [5])).toBe('     005|');
    expect(pf('%08.3d|', [5])).toBe('     005|');
    // dt_printf.c leaves a zero precision out of the C format, so 0 still prints.
    expect(pf('[%.0d]', [0])).toBe('[0]');
  });

  it("groups thousands with '", () => {
    expect(pf("%'d", [1234567])).toBe('1,234,567');
    expect(pf("%'d", [-1234567])).toBe('-1,234,567');
    expect(pf("%'d", [999])).toBe('999');
    expect(pf("%'u", [1000n * 1000n * 1000n * 1000n * 1000n * 1000n])).toBe('1,000,000,000,000,000,000');
  });

  it('takes each value at its own size and signedness', () => {
    expect(pf('%u', [-1])).toBe('18446744073709551615');
    expect(pf('%u', [-1], [I32])).toBe('4294967295');
    // dt_printf.c pfcheck_dint: %d of an unsigned argument prints as %u.
    expect(pf('%d', [0xffffffff], [U32])).toBe('4294967295');
    expect(pf('%d', [(1n << 64n) - 1n], [U64])).toBe('18446744073709551615');
    expect(pf('%d', [-1], [I32])).toBe('-1');
    expect(pf('%u', [(1n << 64n) - 1n], [U64])).toBe('18446744073709551615');
    expect(pf('%x', [-1])).toBe('ffffffffffffffff');
    expect(pf('%x', [-1], [I32])).toBe('ffffffff');
  });

  it('is exact for 64-bit bigint values', () => {
    expect(pf('%d', [(1n << 63n) - 1n])).toBe('9223372036854775807');
    expect(pf('%d', [-(1n << 63n)])).toBe('-9223372036854775808');
    expect(pf('%lld', [9007199254740993n])).toBe('9007199254740993');
    expect(pf('%x', [0x123456789abcdef0n])).toBe('123456789abcdef0');
    expect(pf('%25d|', [-(1n << 63n)])).toBe('     -9223372036854775808|');
  });

  it('prints %o %x %X with #', () => {
    expect(pf('%x %X', [255, 255])).toBe('ff FF');
    expect(pf('%#x %#X', [255, 255])).toBe('0xff 0XFF');
    expect(pf('%#x', [0])).toBe('0');
    expect(pf('%08x', [0xbeef])).toBe('0000beef');
    expect(pf('%#010x', [0xbeef])).toBe('0x0000beef');
    expect(pf('%o %#o', [8, 8])).toBe('10 010');
  });

  it('narrows with h and hh and ignores l, ll', () => {
    expect(pf('%hd', [70000])).toBe('4464');
    expect(pf('%hhd', [255])).toBe('-1');
    expect(pf('%hu', [-1])).toBe('65535');
    expect(pf('%ld %lld %lu', [5, -5, 5])).toBe('5 -5 5');
  });

  it('prints %c', () => {
    expect(pf('%c%c', [72, 105])).toBe('Hi');
    expect(pf('%3c|', [65])).toBe('  A|');
    expect(pf('%-3c|', [65])).toBe('A  |');
  });

  it('prints %p as hex without 0x, and %?p at pointer width', () => {
    expect(pf('%p', [0x1234])).toBe('1234');
    expect(pf('%?p|', [0x1234])).toBe('            1234|');
    expect(pf('%?d|', [5])).toBe('               5|');
    expect(pf('%p', [-1])).toBe('ffffffffffffffff');
  });

  it('takes * width and precision from the arguments', () => {
    expect(pf('%*d|', [5, 42])).toBe('   42|');
    expect(pf('%-*d|', [5, 42])).toBe('42   |');
    expect(pf('%*d|', [-5, 42])).toBe('42   |');
    expect(pf('%.*d', [3, 5])).toBe('005');
    expect(pf('%*.*d|', [6, 3, 5])).toBe('   005|');
    expect(pf('%*s|', [6, 'ab'])).toBe('    ab|');
  });

  it('prints %% and plain text', () => {
    expect(pf('100%% of %d\n', [3])).toBe('100% of 3\n');
    expect(pf('no conversions', [])).toBe('no conversions');
  });

  it('prints integers through %e %f %g', () => {
    expect(pf('%e', [12345])).toBe('1.234500e+04');
    expect(pf('%E', [12345])).toBe('1.234500E+04');
    expect(pf('%f', [10])).toBe('10.000000');
    expect(pf('%.2f', [-3])).toBe('-3.00');
    expect(pf('%g', [100000])).toBe('100000');
    expect(pf('%g', [1000000])).toBe('1e+06');
    expect(pf('%G', [1000000])).toBe('1E+06');
    expect(pf('%10.1f|', [7])).toBe('       7.0|');
  });
});

describe('printf string conversions', () => {
  it('pads, justifies and truncates %s', () => {
    expect(pf('%s', ['hello'])).toBe('hello');
    expect(pf('%-10s|', ['abc'])).toBe('abc       |');
    expect(pf('%10s|', ['abc'])).toBe('       abc|');
    expect(pf('%5.2s|', ['abcdef'])).toBe('   ab|');
    expect(pf('%-5.2s|', ['abcdef'])).toBe('ab   |');
    expect(pf('%.2s|', ['abcdef'])).toBe('ab|');
  });

  it('cuts strings at strsize', () => {
    expect(pf('%s', ['abcdefg'], undefined, { strsize: 4 })).toBe('abcd');
  });

  it('escapes %S and %C', () => {
    expect(pf('%S', ['a\tb"c\\d\n'])).toBe('a\\tb\\"c\\\\d\\n');
    expect(pf('%S', ['\x01x'])).toBe('\\001x');
    expect(pf('%C', [10])).toBe('\\n');
    expect(pf('%C', [65])).toBe('A');
    expect(pf('%C', [1])).toBe('\\001');
  });
});

describe('printf D conversions', () => {
  it('prints %a and %A symbolically, or as 0x… when unknown', () => {
    expect(pf('%a', [0x1000])).toBe('genunix`zsd_apply_create+0x4c');
    expect(pf('%a', [0x2000])).toBe('genunix`zone_key_create');
    expect(pf('%A', [0xdead])).toBe('0xdead');
    expect(pf('%-32a|', [0x2000])).toBe('genunix`zone_key_create         |');
    const sym: DValue = { kind: 'sym', addr: 0x1000, frame: frames[0x1000]! };
    expect(pf('%a', [sym], [{ kind: 'sym' }])).toBe('genunix`zsd_apply_create+0x4c');
  });

  it('prints %k as a stack indented by stackindent', () => {
    const stack: DValue = {
      kind: 'stack',
      frames: [
        { module: 'genunix', func: 'zsd_apply_create', offset: 0x4c },
        { module: 'genunix', func: 'zone_key_create', offset: 0 },
      ],
    };
    expect(pf('%k', [stack], [{ kind: 'stack' }])).toBe(
      '\n              genunix`zsd_apply_create+0x4c\n              genunix`zone_key_create\n',
    );
    expect(pf('%k', [stack], [{ kind: 'stack' }], { ...ctx, stackindent: 2 })).toBe(
      '\n  genunix`zsd_apply_create+0x4c\n  genunix`zone_key_create\n',
    );
  });

  describe('time conversions in UTC', () => {
    beforeAll(() => {
      process.env.TZ = 'UTC';
    });

    it('prints %Y as YYYY Mon DD HH:MM:SS', () => {
      expect(pf('%Y', [123787200000000000n])).toBe('1973 Dec  3 17:20:00');
      expect(pf('%Y', [1609459200_000_000_123n])).toBe('2021 Jan  1 00:00:00');
      expect(pf('[%25Y]', [123787200000000000n])).toBe('[     1973 Dec  3 17:20:00]');
    });

    it('prints %T RFC-822 style, with the ISO week-based year dtrace uses', () => {
      expect(pf('%T', [123787200000000000n])).toBe('Mon, 03 Dec 1973 17:20:00 UTC');
      // 1 January 2021 is a Friday of ISO week 53 of 2020.
      expect(pf('%T', [1609459200_000_000_000n])).toBe('Fri, 01 Jan 2020 00:00:00 UTC');
    });
  });
});

describe('parseFormat', () => {
  it('describes each conversion and what it consumes', () => {
    const p = parsed('%*.*d %s %@d %k %a %lld');
    const c = p.conversions;
    expect(c.map((x) => x.conv)).toEqual(['d', 's', '@d', 'k', 'a', 'lld']);
    expect(c[0]!.argKinds).toEqual(['int', 'int', 'int']);
    expect(c[1]!.argKinds).toEqual(['string']);
    expect(c[2]!.isAggValue).toBe(true);
    expect(c[2]!.argKinds).toEqual([]);
    expect(c[3]!.argKinds).toEqual(['stack']);
    expect(c[4]!.argKinds).toEqual(['sym']);
    expect(c[5]!.length).toBe('ll');
    expect(p.segments.filter((s) => s.kind === 'text').map((s) => (s.kind === 'text' ? s.text : ''))).toEqual([
      ' ', ' ', ' ', ' ', ' ',
    ]);
  });

  it('rejects what dtrace rejects, with its messages', () => {
    expect(parseFormat('%1$d')).toEqual({
      code: 'D_PRINTF_POSITIONAL',
      message: 'format conversion #1 uses unsupported positional format (%n$)',
    });
    expect(parseFormat('%**d')).toEqual({
      code: 'D_PRINTF_DSTAR',
      message: "format conversion #1 has more than one '*' specified for the output width",
    });
    expect(parseFormat('%d %.**d')).toEqual({
      code: 'D_PRINTF_DSTAR',
      message: "format conversion #2 has more than one '*' specified for the output precision",
    });
    expect(parseFormat('%5.3.2d')).toEqual({
      code: 'D_PRINTF_DDOT',
      message: "format conversion #1 has more than one '.' specified",
    });
    expect(parseFormat('abc %')).toEqual({
      code: 'D_PRINTF_NAME',
      message: 'format conversion #1 name expected before end of format string',
    });
    expect(parseFormat('%d %q')).toEqual({
      code: 'D_PRINTF_INVCONV',
      message: 'format conversion #2 is undefined: %q',
    });
    expect(parseFormat('%-%')).toEqual({
      code: 'D_PRINTF_PCTFLAGS',
      message: 'format conversion #1 cannot be combined with other format flags: %%',
    });
    expect(parseFormat('%Ld')).toMatchObject({ code: 'D_PRINTF_INVCONV' });
  });
});

describe('printf of small integer types', () => {
  it('reinterprets 2- and 1-byte values at their size, as dtrace does', () => {
    const I16: DType = { kind: 'int', size: 2, signed: true };
    const U8: DType = { kind: 'int', size: 1, signed: false };
    expect(pf('%d %u', [65535, -1], [I16, I16])).toBe('-1 65535');
    expect(pf('%d %x', [255, 255], [U8, U8])).toBe('255 ff');
    expect(pf('%d', [-1], [{ kind: 'int', size: 1, signed: true }])).toBe('-1');
  });
});
