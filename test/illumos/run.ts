/*
 * Optional check, not part of `pnpm test`: runs the kernel-free tests of a local illumos-gate tree
 * through the built zsdtrace CLI the way dtest.pl runs them under dtrace(1), and writes a per-test
 * table, per-area totals and the err.D_<TAG> figure. It needs a tree, so CI never runs it.
 *
 *   pnpm illumos [--tree DIR] [--out DIR] [--jobs N] [--timeout SECONDS] [--area a,b] [--match RE]
 *
 * The tree comes from --tree or $ILLUMOS_TREE; results go to --out (default ../illumos-results,
 * beside the repository).
 */

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectationOf, harnessArgs, judge, type RunOutcome, type Verdict } from './judge.js';
import { selectTests, type SelectedTest } from './select.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'packages/cli/bin/zsdtrace.js');

interface Options {
  tree: string;
  out: string;
  jobs: number;
  timeoutMs: number;
  areas?: Set<string>;
  match?: RegExp;
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    tree: process.env['ILLUMOS_TREE'] ?? '',
    out: resolve(root, '..', 'illumos-results'),
    jobs: 2,
    timeoutMs: 20_000,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = (): string => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${a} needs a value`);
      return x;
    };
    if (a === '--tree') o.tree = v();
    else if (a === '--out') o.out = resolve(v());
    else if (a === '--jobs') o.jobs = Number(v());
    else if (a === '--timeout') o.timeoutMs = Number(v()) * 1000;
    else if (a === '--area') o.areas = new Set(v().split(','));
    else if (a === '--match') o.match = new RegExp(v());
    else throw new Error(`unknown argument ${a}`);
  }
  if (o.tree === '') throw new Error('give the illumos-gate tree with --tree DIR or ILLUMOS_TREE');
  return o;
}

function runOne(t: SelectedTest, args: string[], timeoutMs: number): Promise<RunOutcome> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: t.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TZ: 'UTC' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      done({
        stdout: Buffer.concat(out).toString('latin1'),
        stderr: Buffer.concat(err).toString('latin1'),
        status,
        timedOut,
      });
    });
  });
}

function readIf(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'latin1') : undefined;
}

interface Row {
  test: SelectedTest;
  verdict: Verdict;
  ms: number;
}

function pct(n: number, d: number): string {
  return d === 0 ? '-' : `${((100 * n) / d).toFixed(0)}%`;
}

function report(rows: Row[], out: string, tree: string, opts: Options): string {
  const byArea = new Map<string, { pass: number; total: number }>();
  for (const r of rows) {
    const a = byArea.get(r.test.area) ?? { pass: 0, total: 0 };
    a.total++;
    if (r.verdict.pass) a.pass++;
    byArea.set(r.test.area, a);
  }
  const passed = rows.filter((r) => r.verdict.pass).length;
  const tagged = rows.filter((r) => r.verdict.tagMatched !== undefined);
  const tagOk = tagged.filter((r) => r.verdict.tagMatched).length;
  const lines = [
    `# illumos kernel-free tests through zsdtrace`,
    '',
    `tree: ${tree}; ${new Date().toISOString()}; jobs ${opts.jobs}, timeout ${opts.timeoutMs / 1000}s`,
    '',
    `overall: ${passed}/${rows.length} pass (${pct(passed, rows.length)})`,
    `err.D_<TAG> tests reporting dtrace's tag: ${tagOk}/${tagged.length} (${pct(tagOk, tagged.length)})`,
    `timed out: ${rows.filter((r) => r.verdict.reason === 'timed out').length}`,
    '',
    '| area | pass | total | % |',
    '|---|---|---|---|',
    ...[...byArea].sort(([a], [b]) => a.localeCompare(b)).map(([a, s]) => `| ${a} | ${s.pass} | ${s.total} | ${pct(s.pass, s.total)} |`),
  ];
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  if (!existsSync(join(root, 'packages/cli/dist/zsdtrace.js'))) throw new Error('build first: node packages/cli/build.mjs');
  const { selected, rejected } = selectTests(opts.tree);
  const tests = selected.filter((t) => (!opts.areas || opts.areas.has(t.area)) && (!opts.match || opts.match.test(t.id)));
  const failDir = join(opts.out, 'failures');
  rmSync(failDir, { recursive: true, force: true });
  mkdirSync(failDir, { recursive: true });
  const rows: Row[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tests.length) {
      const t = tests[next++]!;
      const e = expectationOf(t.name);
      const t0 = Date.now();
      const run = await runOne(t, ['--seed', '1', ...harnessArgs(e, t.name)], opts.timeoutMs);
      const verdict = judge(e, run, readIf(`${t.path}.out`), readIf(`${t.path}.err`));
      rows.push({ test: t, verdict, ms: Date.now() - t0 });
      if (!verdict.pass) {
        const base = join(failDir, t.id.replace('/', '__'));
        writeFileSync(`${base}.stdout`, run.stdout, 'latin1');
        writeFileSync(`${base}.stderr`, run.stderr, 'latin1');
      }
      process.stderr.write(`\r${rows.length}/${tests.length}`);
    }
  };
  await Promise.all(Array.from({ length: opts.jobs }, worker));
  process.stderr.write('\n');
  rows.sort((a, b) => a.test.id.localeCompare(b.test.id));
  mkdirSync(opts.out, { recursive: true });
  const table = ['test\tresult\treason\treported_tag\tms'];
  for (const r of rows) {
    table.push([r.test.id, r.verdict.pass ? 'PASS' : 'FAIL', r.verdict.reason, r.verdict.reportedTag ?? '', r.ms].join('\t'));
  }
  writeFileSync(join(opts.out, 'results.tsv'), table.join('\n') + '\n');
  writeFileSync(join(opts.out, 'excluded.tsv'), rejected.map((r) => `${r.id}\t${r.why.replace(/\s+/g, ' ')}`).join('\n') + '\n');
  const summary = report(rows, opts.out, opts.tree, opts);
  writeFileSync(join(opts.out, 'summary.md'), summary);
  process.stdout.write(summary);
}

main().catch((e: unknown) => {
  process.stderr.write(`illumos: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
