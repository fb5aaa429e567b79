/*
 * The option table: validation with dtrace's messages, resolution into typed options, and the
 * dynamic/static split that setopt() obeys.
 */

import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, isDynamicOption, OPTIONS, OptionError, resolveOptions, validateOption } from '../../src/program/options.js';

describe('option table', () => {
  it("validates with dtrace's messages", () => {
    expect(validateOption('nosuch', true)).toBe(OptionError.name);
    expect(validateOption('bufsize', 'lots')).toBe(OptionError.value);
    expect(validateOption('bufsize', true)).toBe(OptionError.value);
    expect(validateOption('quiet', 'maybe')).toBe(OptionError.value);
    expect(validateOption('zdefs', 'yes')).toBe(OptionError.value);
    expect(validateOption('bufpolicy', 'fill')).toBeNull();
    expect(validateOption('bufpolicy', 'drain')).toBe(OptionError.value);
    expect(validateOption('nspec', '-1')).toBe(OptionError.value);
    expect(validateOption('switchrate', '10hz')).toBeNull();
  });

  it("reads a flag's value as dt_opt_runtime does: words in any case, empty unsets, a number sets", () => {
    const o = (v: string): boolean => resolveOptions({ quiet: v }).quiet;
    expect([o('yes'), o('ENABLED'), o('On'), o('set'), o('0'), o('7')]).toEqual([true, true, true, true, true, true]);
    expect([o('no'), o('Disable'), o('off'), o('UnSeT'), o('FALSE'), o('')]).toEqual([false, false, false, false, false, false]);
  });

  it('resolves every option once: sizes in bytes, rates in ns, flags as booleans', () => {
    const o = resolveOptions({ strsize: '1k', quiet: true, switchrate: '10ms', nspec: '0x4', bufpolicy: 'ring' });
    expect(o.strsize).toBe(1024);
    expect(o.quiet).toBe(true);
    expect(o.flowindent).toBe(false);
    expect(o.switchrate).toBe(10e6);
    expect(o.nspec).toBe(4);
    expect(o.bufpolicy).toBe('ring');
    expect(o.bufsize).toBe(4 * 1024 * 1024);
  });

  it('has a default of the right kind for every option that is not a flag or a string', () => {
    for (const [name, spec] of Object.entries(OPTIONS)) {
      const v = DEFAULT_OPTIONS[name as keyof typeof OPTIONS];
      if (spec.kind === 'flag') expect(v, name).toBe(false);
      else if (spec.kind === 'string') expect(v, name).toBeUndefined();
      else if (spec.kind === 'enum' && !('default' in spec)) expect(v, name).toBeUndefined();
      else if (spec.kind === 'enum') expect(spec.values, name).toContain(v);
      else expect(typeof v, name).toBe('number');
    }
  });

  it("reads run-time flags as dt_opt_runtime does: setting words, empty, any integer", () => {
    const o = resolveOptions({ quiet: 'YES', flowindent: 'off', aggsortrev: '0', aggpack: '', agghist: 'Set' });
    expect(o.quiet).toBe(true);
    expect(o.flowindent).toBe(false);
    expect(o.aggsortrev).toBe(true);
    expect(o.aggpack).toBe(false);
    expect(o.agghist).toBe(true);
    expect(resolveOptions({ encoding: 'utf8' }).encoding).toBe('utf8');
    expect(DEFAULT_OPTIONS.encoding).toBeUndefined();
  });

  it('refuses an unvalidated table rather than guessing', () => {
    expect(() => resolveOptions({ strsize: 'lots' })).toThrow(/internal error/);
  });

  it('lets only consumer options change while tracing', () => {
    expect(isDynamicOption('aggsortrev')).toBe(true);
    expect(isDynamicOption('bufsize')).toBe(false);
    expect(isDynamicOption('nosuch')).toBe(false);
  });
});
