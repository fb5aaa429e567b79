/*
 * Hostile input through the real bundled CLI: JavaScript names as options, workloads and
 * parameters, limits met with messages, programs that used to overflow the stack, SIGTERM
 * handled as SIGINT is. Every refusal is a `zsdtrace: …` message with status 1 or 2, never a
 * JavaScript stack.
 */

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from './lib/run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'zsdtrace-hostile-'));
const JS_NAMES = [...Object.getOwnPropertyNames(Object.prototype), 'prototype', '__proto__'];

function refused(r: CliResult, message: string | RegExp): void {
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(r.status === 1 || r.status === 2).toBe(true);
  if (typeof message === 'string') expect(r.stderr).toContain(message);
  else expect(r.stderr).toMatch(message);
}

describe('hostile input on the command line', () => {
  it('knows no action, aggregating function, variable or macro by a JavaScript name', async () => {
    refused(await runCli(['-n', 'BEGIN { toString(); }']), 'undefined function name: toString');
    refused(await runCli(['-n', 'BEGIN { @a = constructor(1); }']), 'undefined function name: constructor');
    refused(await runCli(['-n', 'BEGIN { trace(constructor); }']), 'failed to resolve constructor: Unknown variable name');
    refused(await runCli(['-n', 'BEGIN { trace($$constructor); }']), 'macro argument $$constructor is not defined');
  });

  it('knows no option, workload or parameter by a JavaScript name', async () => {
    for (const name of ['constructor', '__proto__', 'toString']) {
      refused(await runCli(['-x', name, '-n', 'BEGIN { exit(0); }']), `failed to set -x ${name}: Invalid option name`);
      refused(await runCli(['-x', `${name}=5`, '-n', 'BEGIN { exit(0); }']), 'Invalid option name');
    }
    for (const name of JS_NAMES.slice(0, 4)) {
      refused(await runCli(['--workload', name, '-n', 'BEGIN { exit(0); }']), `no built-in workload "${name}"`);
      // -c with a name that is no workload is a command to run, as in dtrace.
      refused(await runCli(['-c', name, '-n', 'BEGIN { exit(0); }']), `failed to execute ${name}`);
    }
    refused(await runCli(['--workload', 'boot-storm', '--param', 'constructor=1', '-n', 'BEGIN { exit(0); }']), 'unknown parameter "constructor" (its parameters are zones, keys)');
    refused(await runCli(['--workload', 'boot-storm', '--param', 'keys=100000000', '-n', 'BEGIN { exit(0); }']), 'parameter keys must be an integer from 1 to 1000');
  });

  it('meets limits with messages naming them', async () => {
    refused(await runCli(['-x', 'nspec=99999999999999999999999999', '-n', 'BEGIN { exit(0); }']), 'exceeds the limit of 4096 speculation buffers');
    refused(await runCli(['-n', 'int a[0x7fffffffffffffff]; BEGIN { exit(0); }']), 'array dimension too big');
    refused(await runCli(['-n', 'BEGIN { tracemem(0, 100000000); exit(0); }']), 'exceeds the limit of 1048576 bytes');
    refused(await runCli(['-n', 'tick-100ns { exit(0); }']), 'probe description :::tick-100ns does not match any probes');
    refused(await runCli(['-n', 'profile-1ns { exit(0); }']), 'does not match any probes');
    refused(await runCli(['-n', 'tick-1constructor { exit(0); }']), 'does not match any probes');
  });

  it('runs 30,000 aggregating clauses on one probe', async () => {
    const file = join(tmp, 'aggs.d');
    writeFileSync(file, `${Array.from({ length: 30_000 }, (_, i) => `BEGIN { @a${i} = count(); }`).join('\n')}\nBEGIN { @total = sum(1); exit(0); }\n`);
    const r = await runCli(['-q', '-s', file], { timeoutMs: 120_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.match(/^\s+1$/gm)?.length).toBe(30_001);
  }, 150_000);

  it('runs END and prints the aggregations on SIGTERM, as on SIGINT', async () => {
    const r = await runCli(
      ['-q', '-n', 'sdt:::zsd-create-start { @["creates"] = count(); } tick-100ms { printf("tick\\n"); } END { printf("end\\n"); }'],
      { onOutput: { when: /tick\n/, then: (c) => c.kill('SIGTERM') }, timeoutMs: 20_000 },
    );
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/tick\n(tick\n)*end\n\n  creates +\d+\n$/);
  });
});

describe('flags as dtrace has them', () => {
  it('builds probe descriptions from -P provider, -m [provider:]module and -f [[provider:]module:]func', async () => {
    for (const flag of [['-P', 'sdt'], ['-m', 'genunix'], ['-m', 'fbt:genunix'], ['-f', 'zone_create'], ['-f', 'genunix:zone_create'], ['-f', 'fbt:genunix:zone_create']]) {
      const r = await runCli(['-c', 's1', '--seed', '3', ...flag]);
      expect({ flag, status: r.status }).toEqual({ flag, status: 0 });
      expect(r.stderr).toMatch(/^zsdtrace: description '.*' matched [1-9]\d* probes?\n/);
    }
    refused(await runCli(['-P', 'nosuch']), 'probe description nosuch::: does not match any probes');
    refused(await runCli(['-f', 'nosuch_func']), 'probe description ::nosuch_func: does not match any probes');
  });

  it('takes --seed as a non-negative decimal integer only', async () => {
    for (const seed of ['', '1e3', '0x10', ' 5 ', '-1', '1.5']) {
      const r = await runCli(['--seed', seed, '-n', 'BEGIN { exit(0); }']);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`--seed needs a non-negative decimal integer, not '${seed}'`);
    }
  });

  it('takes --otlp as an http(s) URL only', async () => {
    for (const url of ['--otlp=ftp://x/', '--otlp=not-a-url', '--otlp=http://', '--otlp=http://[::1', '--otlp=http://127.0.0.1:99999/']) {
      const r = await runCli([url, '-n', 'BEGIN { exit(0); }']);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('--otlp needs an http or https URL');
    }
  });

  it('refuses two workloads at once', async () => {
    const r = await runCli(['-c', 's1', '-c', 's2', '--workload', 's3', '-n', 'BEGIN { exit(0); }']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('only one workload can be traced at a time, not s1 and s2 and s3');
  });

  it('reports -o failures as dtrace does', async () => {
    refused(await runCli(['-o', join(tmp, 'missing', 'out.txt'), '-n', 'BEGIN { exit(0); }']), `failed to open output file '${join(tmp, 'missing', 'out.txt')}': No such file or directory`);
    refused(await runCli(['-o', tmp, '-n', 'BEGIN { exit(0); }']), `failed to open output file '${tmp}': Is a directory`);
    refused(await runCli(['-o', '', '-n', 'BEGIN { exit(0); }']), "failed to open output file '': No such file or directory");
    const full = await runCli(['-o', '/dev/full', '-n', 'BEGIN { trace(1); } tick-1ms { trace(2); }', '--duration', '50ms']);
    refused(full, "failed to write to output file '/dev/full': No space left on device");
    expect(full.stderr).not.toMatch(/error on enabled probe/);
  });
});
