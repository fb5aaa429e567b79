/*
 * How the illumos harness (usr/src/cmd/dtrace/test/cmd/scripts/dtest.pl) decides that a test
 * passed, restated for a zsdtrace run: the expected exit status comes from the file name, the
 * error tag of an err.D_<TAG> test must lead the first line of stderr, a drp.<TAG> test must report
 * that drop tag, and .out/.err files must match byte for byte.
 */

export interface Expectation {
  /** Exit status dtrace must return: 1 for err. tests, 0 otherwise. */
  status: number;
  /** `D_…` for err.D_<TAG>.name.d tests. */
  tag?: string;
  /** `DTRACEDROP_…` for drp.<TAG>.name.d tests. */
  droptag?: string;
}

export interface RunOutcome {
  stdout: string;
  stderr: string;
  status: number | null;
  timedOut: boolean;
}

export interface Verdict {
  pass: boolean;
  /** Why it failed; empty when it passed. */
  reason: string;
  /** For err.D_<TAG> tests: whether the first stderr line carries dtrace's tag. */
  tagMatched?: boolean;
  /** The tag zsdtrace reported on its first stderr line, if any. */
  reportedTag?: string;
}

/** The expectation a test's file name encodes, as dtest.pl reads it. */
export function expectationOf(name: string): Expectation {
  let m = /^err\.(D_[A-Z0-9_]+)\./.exec(name);
  if (m) return { status: 1, tag: m[1]! };
  if (name.startsWith('err.')) return { status: 1 };
  m = /^drp\.([A-Z0-9_]+)\./.exec(name);
  if (m) return { status: 0, droptag: m[1]! };
  return { status: 0 };
}

/** The dtrace(1) command-line words dtest.pl passes before the script. */
export function harnessArgs(e: Expectation, name: string): string[] {
  const argv: string[] = [];
  if (e.tag) argv.push('-xerrtags');
  if (e.droptag) argv.push('-xdroptags');
  argv.push('-C', '-s', name);
  return argv;
}

/** zsdtrace's messages carry its own name where dtrace's carry `dtrace: `. */
export function asDtrace(stderr: string): string {
  return stderr.replace(/^zsdtrace: /gm, 'dtrace: ');
}

/** The `[D_…]` tag in front of a compiler message's line number, as dtest.pl matches it. */
export function firstLineTag(stderr: string): string | undefined {
  const first = stderr.split('\n')[0] ?? '';
  return /: \[(D_[A-Z0-9_]+)\] line \d+:/.exec(first)?.[1] ?? /\[(D_[A-Z0-9_]+)\]/.exec(first)?.[1];
}

/**
 * Judges one run in dtest.pl's order: exit status, stdout against .out, stderr against .err, then
 * the error tag and the drop tag. `expectedOut`/`expectedErr` are undefined when the test has no
 * such file (then that stream is not compared).
 */
export function judge(
  e: Expectation, run: RunOutcome, expectedOut: string | undefined, expectedErr: string | undefined,
): Verdict {
  const reportedTag = firstLineTag(run.stderr);
  const first = run.stderr.split('\n')[0] ?? '';
  const tagMatched = e.tag ? new RegExp(`: \\[${e.tag}\\] line \\d+:`).test(first) : undefined;
  const base = { reportedTag, ...(e.tag ? { tagMatched } : {}) };
  const fail = (reason: string): Verdict => ({ pass: false, reason, ...base });
  if (run.timedOut) return fail('timed out');
  if (run.status !== e.status) return fail(`returned ${run.status ?? 'signal'} instead of ${e.status}`);
  if (expectedOut !== undefined && run.stdout !== expectedOut) return fail('stdout mismatch');
  if (expectedErr !== undefined && asDtrace(run.stderr) !== expectedErr) return fail('stderr mismatch');
  if (e.tag && !tagMatched) return fail(`errtag mismatch: got ${reportedTag ?? 'none'}`);
  if (e.droptag && !new RegExp(`\\[${e.droptag}\\] `).test(run.stderr)) return fail('droptag mismatch');
  return { pass: true, reason: '', ...base };
}
