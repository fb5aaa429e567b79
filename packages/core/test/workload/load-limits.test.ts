/*
 * Workload names and parameters are user text: JavaScript names are no workloads and no
 * parameters, unknown parameters are errors naming the workload's, and every parameter is
 * bounded so that no built-in can grow past the memory limit.
 */
import { describe, expect, it } from 'vitest';
import { loadWorkload, WorkloadError } from '../../src/index.js';

const JS_NAMES = [...Object.getOwnPropertyNames(Object.prototype), 'prototype', '__proto__'];

describe('loadWorkload with hostile names and parameters', () => {
  it('knows no workload by a JavaScript name', () => {
    for (const name of JS_NAMES) {
      expect(() => loadWorkload(name)).toThrow(WorkloadError);
      expect(() => loadWorkload(name)).toThrow(new RegExp(`^no built-in workload "${name}" \\(built in: illumos, boot-storm, module-churn, s1, s2, s3, s4(, [a-z0-9-]+)*\\)$`));
    }
  });

  it('refuses unknown parameters, naming the workload and its parameters', () => {
    expect(() => loadWorkload('boot-storm', { nope: 1 })).toThrow('boot-storm: unknown parameter "nope" (its parameters are zones, keys)');
    expect(() => loadWorkload('s3', { zones: 1 })).toThrow('s3: unknown parameter "zones" (it takes no parameters)');
    for (const name of JS_NAMES) {
      const params = Object.fromEntries([[name, 1]]) as Record<string, number>;
      if (Object.keys(params).length === 0) continue;
      expect(() => loadWorkload('module-churn', params)).toThrow(`unknown parameter "${name}"`);
    }
  });

  it('bounds every parameter, naming the limit', () => {
    expect(() => loadWorkload('boot-storm', { keys: 100_000_000 })).toThrow('parameter keys must be an integer from 1 to 1000, not 100000000');
    expect(() => loadWorkload('module-churn', { rounds: 100_000_000 })).toThrow('parameter rounds must be an integer from 1 to 1000');
    expect(() => loadWorkload('boot-storm', { zones: 100_000, keys: 1000 })).toThrow('the limit is 1000000 ZSD entries');
    expect(() => loadWorkload('boot-storm', { zones: 1.5 })).toThrow('must be an integer');
    expect(loadWorkload('boot-storm', { zones: 2, keys: 3 }).keys.length).toBe(3);
  });
});
