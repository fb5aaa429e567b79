/*
 * preprocess(): text without control lines passes through unchanged; control lines are
 * blanked to spaces (keeping `\r` and offsets) and their pragmas collected.
 */

import { describe, expect, it } from 'vitest';
import { preprocess } from '../../src/lang/preprocess.js';

const off = () => ({ enabled: false, defines: new Map<string, string>() });

describe('preprocess', () => {
  it('returns text without # unchanged', () => {
    const src = 'BEGIN { x = 1; }\r\n/* c */ END { exit(0); }\n';
    const r = preprocess(src, off());
    expect(r.text).toBe(src);
    expect(r.options).toEqual([]);
    expect(r.errors).toEqual([]);
  });

  it('blanks pragma lines and keeps lengths', () => {
    const src = '#pragma D option quiet\r\nBEGIN { }\n#!not-first\n';
    const r = preprocess(src, off());
    expect(r.text.length).toBe(src.length);
    expect(r.text.split('\n')[0]).toBe(' '.repeat(22) + '\r');
    expect(r.options).toEqual([{ name: 'quiet', value: true, offset: 0 }]);
    expect(r.errors.map((e) => e.code)).toEqual(['D_PRAGCTL_INVAL']);
  });

  it('does not treat # inside a block comment as a directive', () => {
    const src = 'BEGIN { } /* open\n#pragma D option quiet\n*/\n';
    const r = preprocess(src, off());
    expect(r.options).toEqual([]);
    expect(r.text).toBe(src);
  });

  it('ignores /* inside a string when tracking comments', () => {
    const r = preprocess('BEGIN { printf("/*"); }\n#pragma D option quiet\n', off());
    expect(r.options.map((o) => o.name)).toEqual(['quiet']);
  });
});
