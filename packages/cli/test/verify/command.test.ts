import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runVerifyWith, type VerifyDeps } from '../../src/commands/verify/command.js';
import { parseVerifyArgs, replayCommand } from '../../src/commands/verify/args.js';
import { fakeFactory, type FakePlan } from '../../../core/test/verify/fake-engine.js';

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream, text: () => text };
}

async function verify(argv: readonly string[], plan: FakePlan = {}, deps: Partial<VerifyDeps> = {}) {
  const out = capture();
  const err = capture();
  let clock = 0;
  const code = await runVerifyWith(argv, { stdout: out.stream, stderr: err.stream }, {
    makeFactory: () => fakeFactory(plan),
    worker: () => null,
    now: () => (clock += 5),
    ...deps,
  });
  return { code, stdout: out.text(), stderr: err.text() };
}

const failing: FakePlan = { deadlock: (s) => s % 4 === 0, badData: (s) => s === 7 };

describe('zsdtrace verify: usage errors exit 2', () => {
  it.each([
    [['--bogus'], "unknown option '--bogus'"],
    [['--seeds', 'many'], "--seeds needs a non-negative integer, not 'many'"],
    [['--seeds', '0'], '--seeds must be at least 1'],
    [['--seeds'], '--seeds needs a value'],
    [['--replay'], '--replay needs --seed S'],
    [['--algorithm', 'old'], "unknown algorithm 'old' (expected current or legacy)"],
    [['--policy', 'fifo'], "unknown policy 'fifo'"],
    [['--policy', 'replay'], 'policy replay needs a recorded schedule'],
    [['--param', 'zones'], "--param needs name=value, not 'zones'"],
    [['--pct-depth', '3'], '--pct-depth applies only to --policy pct'],
    [['--seed', '3', '--seeds', '9'], '--seed cannot be combined with --seeds or --seed-base'],
    [['module-churn'], "unexpected argument 'module-churn'"],
    [['--json=yes'], '--json takes no value'],
    [['--param', 'zones=many'], "--param zones needs a number, not 'many'"],
    [['--seeds', '1000000000000000'], '--seeds must be at most 10000000; spread larger runs over processes with --shard I/N'],
    [['--seeds', '-5'], "--seeds needs a non-negative integer, not '-5'"],
    [['--seed', '1.5', '--replay'], "--seed needs a non-negative integer, not '1.5'"],
    [['--seed', '99999999999'], '--seed must be at most 4294967295'],
    [['--seed-base', '4294967290', '--seeds', '10'], '--seed-base + --seeds goes past the last seed, 4294967295'],
    [['--shard', '3/2'], "--shard needs I/N with 1 <= I <= N, not '3/2'"],
    [['--shard', '0/4'], "--shard needs I/N with 1 <= I <= N, not '0/4'"],
    [['--preemptions', '2'], '--preemptions applies only to --exhaustive'],
    [['--exhaustive', '--seeds', '5'], '--exhaustive explores schedules, not seeds'],
    [['--exhaustive', '--time-limit', 'soon'], "--time-limit needs a duration such as 90s, 10m or 1h, not 'soon'"],
    [['--require-coverage', 'N9'], "unknown coverage item 'N9'"],
  ])('%j', async (argv, message) => {
    const r = await verify(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`zsdtrace: verify: ${message}`);
    expect(r.stdout).toBe('');
  });

  it('a bad workload is a usage error', async () => {
    class WorkloadError extends Error {
      readonly code = 'E_WORKLOAD';
    }
    const r = await verify(['--workload', 'nope'], {}, {
      makeFactory: () => {
        throw new WorkloadError("unknown workload 'nope'");
      },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("zsdtrace: verify: unknown workload 'nope'\n");
  });
});

describe('zsdtrace verify: exploration', () => {
  it('exits 0 and says so when nothing is found', async () => {
    const r = await verify(['--seeds', '30']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('seeds          30 (1..30)');
    expect(r.stdout).toContain('found          nothing');
    expect(r.stdout).toMatch(/wait-for-inprogress: 60 firings, 30 distinct, in 30 seeds/);
  });

  it('groups failures, gives the first seed and a replay command, exits 1', async () => {
    const r = await verify(['--seeds', '20', '--workload', 's2', '--algorithm', 'legacy', '--param', 'zones=3'], failing);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('1 distinct failure:');
    expect(r.stdout).toContain('[1] deadlock — first seed 4, 5 seeds');
    expect(r.stdout).toContain('replay: zsdtrace verify --workload s2 --seed 4 --replay --algorithm legacy --param zones=3');
    // Legacy checks only P4/P7, so the bad setspecific of seed 7 is not a violation there.
    expect(r.stdout).not.toContain('I8');
    const cur = await verify(['--seeds', '20', '--policy', 'pct', '--pct-depth', '3'], failing);
    expect(cur.stdout).toContain('2 distinct failures:');
    expect(cur.stdout).toContain('[2] I8 (zone_getspecific/zone_setspecific data) — first seed 7, 1 seed');
    expect(cur.stdout).toContain('replay: zsdtrace verify --workload module-churn --seed 7 --replay --policy pct --pct-depth 3');
  });

  it('prints the summary as JSON with --json', async () => {
    const r = await verify(['--seeds', '8', '--seed-base', '5', '--json'], failing);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as { seedsRun: number; seedBase: number; findings: { kind: string; firstSeed: number; replay: string }[] };
    expect(j.seedsRun).toBe(8);
    expect(j.seedBase).toBe(5);
    expect(j.findings.map((f) => [f.kind, f.firstSeed])).toEqual([['I8', 7], ['deadlock', 8]]);
    expect(j.findings[1]?.replay).toBe('zsdtrace verify --workload module-churn --seed 8 --replay');
  });

  it('writes no progress to a stderr that is not a terminal; the summary goes to stdout', async () => {
    const r = await verify(['--seeds', '50']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('seeds          50 (1..50)');
  });

  it('writes progress lines to a terminal stderr', async () => {
    const out = new PassThrough();
    const err = Object.assign(new PassThrough(), { isTTY: true });
    let text = '';
    err.on('data', (d: Buffer) => (text += d.toString()));
    let clock = 0;
    await runVerifyWith(['--seeds', '50'], { stdout: out, stderr: err }, { makeFactory: () => fakeFactory({}), worker: () => null, now: () => (clock += 50) });
    expect(text).toMatch(/\r\x1b\[Kverify: \d+\/50 seeds/);
    expect(text).toContain('verify: 50/50 seeds (100%)');
  });
});

describe('zsdtrace verify --help', () => {
  it('describes every option and exits 0', async () => {
    const r = await verify(['--help']);
    expect(r.code).toBe(0);
    for (const opt of ['--workload', '--param', '--algorithm', '--publish-after-create', '--max-steps', '--seeds', '--seed-base', '--policy', '--pct-depth', '--workers', '--exhaustive', '--preemptions', '--max-schedules', '--time-limit', '--no-por', '--save', '--replay', '--shard', '--json', '--require-coverage', 'merge']) {
      expect(r.stdout).toContain(opt);
    }
  });
});

describe('zsdtrace verify --shard and merge', () => {
  it('shards split the seed range; merged, they give the unsharded summary', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'zsd-merge-'));
    const whole = await verify(['--seeds', '30', '--json'], failing);
    const files: string[] = [];
    for (const i of [1, 2, 3]) {
      const part = await verify(['--seeds', '30', '--json', '--shard', `${i}/3`], failing);
      const j = JSON.parse(part.stdout) as { seedRanges: number[][] };
      expect(j.seedRanges).toEqual([[1 + (i - 1) * 10, i * 10]]);
      files.push(join(dir, `${i}.json`));
      writeFileSync(files.at(-1)!, part.stdout);
    }
    const merged = await verify(['merge', '--json', ...files], failing);
    expect(merged.code).toBe(1);
    const strip = (t: string) => JSON.stringify({ ...(JSON.parse(t) as Record<string, unknown>), elapsedMs: 0, workers: 0 });
    // Byte for byte, key order included, but for the time and the worker count.
    expect(strip(merged.stdout)).toBe(strip(whole.stdout));
    const text = await verify(['merge', ...files], failing);
    expect(text.stdout).toContain('seeds          30 (1..30)');
    expect(text.stdout).toContain('[1] deadlock — first seed 4, 7 seeds');
    expect(text.stdout).toContain('[2] I8 (zone_getspecific/zone_setspecific data) — first seed 7, 1 seed');
  });

  it('refuses to merge summaries of different runs', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'zsd-merge-'));
    const a = await verify(['--seeds', '3', '--json']);
    const b = await verify(['--seeds', '3', '--json', '--algorithm', 'legacy']);
    writeFileSync(join(dir, 'a.json'), a.stdout);
    writeFileSync(join(dir, 'b.json'), b.stdout);
    const r = await verify(['merge', join(dir, 'a.json'), join(dir, 'b.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^zsdtrace: verify: merge: .*b\.json is from another run \(algorithm "legacy", not "current"\)/);
  });
});

describe('zsdtrace verify --seed S --replay', () => {
  it('prints the finding report, the violations with their events and the tail; exits 1', async () => {
    const r = await verify(['--seed', '20', '--replay'], { deadlock: () => true, badData: () => true });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('engine finding: deadlock: deadlock: thread 6 waits for zone_lock:20');
    expect(r.stdout).toContain('wait-for graph:');
    expect(r.stdout).toContain('violation I8 (zone_getspecific/zone_setspecific data)');
    expect(r.stdout).toContain('zone_setspecific zone=60 key=1 value=0x1 rc=0');
    expect(r.stdout).toMatch(/last 40 events:/);
  });

  it('exits 0 for a clean seed', async () => {
    const r = await verify(['--seed', '3', '--replay']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('found nothing');
  });
});

describe('argument parsing', () => {
  it('takes defaults and both option spellings', () => {
    const p = parseVerifyArgs(['--seeds=5', '--param', 'zones=1000', '--param=rate=2.5', '--publish-after-create']);
    if ('error' in p) throw new Error(p.error);
    expect(p.options.config).toEqual({
      workload: 'module-churn',
      params: { zones: 1000, rate: 2.5 },
      algorithm: 'current',
      policy: 'random',
      publishKeyAfterCreate: true,
    });
    expect(p.options.seeds).toBe(5);
    expect(p.options.seedBase).toBe(1);
    expect(replayCommand(p.options, 9)).toBe(
      'zsdtrace verify --workload module-churn --seed 9 --replay --publish-after-create --param zones=1000 --param rate=2.5',
    );
  });

  it('--exhaustive: a bound given alone runs to its end; raising the bound, or a budget given, keeps the budget', () => {
    const budget = (argv: string[]) => {
      const p = parseVerifyArgs(['--exhaustive', ...argv]);
      if ('error' in p) throw new Error(p.error);
      return [p.options.exhaustive!.maxSchedules, p.options.exhaustive!.timeLimitMs];
    };
    expect(budget(['--preemptions', '2'])).toEqual([Number.MAX_SAFE_INTEGER, Number.POSITIVE_INFINITY]);
    expect(budget([])).toEqual([1_000_000, 120_000]);
    expect(budget(['--preemptions', '2', '--time-limit', '10s'])).toEqual([1_000_000, 10_000]);
    expect(budget(['--preemptions', '2', '--max-schedules', '50'])).toEqual([50, 120_000]);
  });
});
