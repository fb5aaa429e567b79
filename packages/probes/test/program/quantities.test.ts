/*
 * The one size parser and the one time parser, against libdtrace's dt_opt_size / dt_opt_rate
 * rules (suffixes, C integer notation, hz as a frequency) and the callers' bare units.
 */

import { describe, expect, it } from 'vitest';
import { parseCInteger, parseSize, parseTime } from '../../src/program/quantities.js';

describe('parseSize (dt_opt_size)', () => {
  it('reads k/m/g/t as powers of 1024, in either case', () => {
    expect(parseSize('1k')).toBe(1024);
    expect(parseSize('1K')).toBe(1024);
    expect(parseSize('4m')).toBe(4 * 1024 ** 2);
    expect(parseSize('2g')).toBe(2 * 1024 ** 3);
    expect(parseSize('1t')).toBe(1024 ** 4);
    expect(parseSize('1024')).toBe(parseSize('1k'));
  });
  it('reads C integer notation: 0x hex and leading-0 octal', () => {
    expect(parseSize('0x40')).toBe(64);
    expect(parseSize('010')).toBe(8);
    expect(parseSize('0x1k')).toBe(1024);
  });
  it('refuses anything else', () => {
    for (const bad of ['', 'k', '1kb', '1.5k', '-1', ' 1', '08', '1 k', 'lots']) expect(parseSize(bad)).toBeNull();
  });
});

describe('parseTime (dt_opt_rate)', () => {
  it('reads every unit, case-insensitively, and a bare option value as nanoseconds', () => {
    expect(parseTime('5')).toBe(5);
    expect(parseTime('10ns')).toBe(10);
    expect(parseTime('3usec')).toBe(3000);
    expect(parseTime('250ms')).toBe(250e6);
    expect(parseTime('2SEC')).toBe(2e9);
    expect(parseTime('1m')).toBe(60e9);
    expect(parseTime('1hour')).toBe(3600e9);
    expect(parseTime('1day')).toBe(86400e9);
  });
  it('reads hz as a frequency, truncating as dtrace does, with 0hz meaning 0', () => {
    expect(parseTime('1hz')).toBe(1e9);
    expect(parseTime('97hz')).toBe(Math.floor(1e9 / 97));
    expect(parseTime('7Hz')).toBe(142857142);
    expect(parseTime('0hz')).toBe(0);
  });
  it("takes a bare number in the caller's unit", () => {
    expect(parseTime('97', { bare: 'hz' })).toBe(Math.floor(1e9 / 97));
    expect(parseTime('5', { bare: 's' })).toBe(5e9);
    expect(parseTime('5', { bare: null })).toBeNull();
  });
  it('accepts fractions only where the caller allows them', () => {
    expect(parseTime('2.5ms')).toBeNull();
    expect(parseTime('2.5ms', { bare: 'ns', fraction: true })).toBe(2_500_000);
    expect(parseTime('0.5', { bare: 's', fraction: true })).toBe(5e8);
  });
  it('refuses unknown suffixes and malformed numbers', () => {
    for (const bad of ['', 'ms', '10 ms', '10mss', '-1s', '1e3', 'x']) expect(parseTime(bad)).toBeNull();
  });
});

describe('parseCInteger', () => {
  it('is strtoull(…, 0) over the whole string', () => {
    expect(parseCInteger('0')).toBe(0);
    expect(parseCInteger('42')).toBe(42);
    expect(parseCInteger('0x2A')).toBe(42);
    expect(parseCInteger('052')).toBe(42);
    expect(parseCInteger('4 2')).toBeNull();
    expect(parseCInteger('')).toBeNull();
  });
});
