/*
 * The handle's consumer factory: the consumer a run prints with follows the program's resolved
 * options (quiet, droptags, strsize) and the format asked for, for every caller alike.
 */

import { describe, expect, it } from 'vitest';
import { consumerOptions, createConsumer } from '../../src/handle/index.js';
import { DEFAULT_OPTIONS, resolveOptions } from '../../src/program/options.js';
import type { Firing } from '../../src/program/value-model.js';

const firing: Firing = { cpu: 0, probeId: 1, provider: 'sdt', module: 'genunix', func: 'zone_create', name: 'zsd-create', records: [] };

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s), progname: 'zsdtrace' } };
}

describe('createConsumer', () => {
  it('prints dtrace text with the probe header unless quiet', () => {
    const loud = capture();
    createConsumer('text', DEFAULT_OPTIONS, loud.io).firing(firing);
    expect(loud.out.join('')).toContain('zone_create:zsd-create');
    const quiet = capture();
    createConsumer('text', resolveOptions({ quiet: true }), quiet.io).firing(firing);
    expect(quiet.out.join('')).toBe('');
  });

  it('prints one JSON object per line for json', () => {
    const c = capture();
    createConsumer('json', DEFAULT_OPTIONS, c.io).firing(firing);
    const lines = c.out.join('').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: 'probe', cpu: 0 });
  });

  it('tags drop messages when droptags is set', () => {
    const c = capture();
    createConsumer('text', resolveOptions({ droptags: true }), c.io).drop({ kind: 'dynamic', count: 2 });
    expect(c.err.join('')).toMatch(/^zsdtrace: \[\w+\] 2 dynamic variable drops/);
  });

  it('carries the resolved options into the consumer options', () => {
    const o = consumerOptions(resolveOptions({ quiet: true, flowindent: true, strsize: '64' }), capture().io);
    expect(o).toMatchObject({ quiet: true, flowindent: true, droptags: false, strsize: 64, progname: 'zsdtrace' });
  });
});
