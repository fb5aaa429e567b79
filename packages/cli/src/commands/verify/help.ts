/*
 * `zsdtrace verify --help`: every option of the verify command, grouped by mode. The top-level
 * usage (`zsdtrace --help`) points here.
 */

export function verifyHelp(progname: string): string {
  return `Usage: ${progname} verify [options]
       ${progname} verify --exhaustive [options]
       ${progname} verify --seed S --replay | --replay FILE
       ${progname} verify merge FILE.json ...

Runs a workload under many schedules, checks every trace against the properties of the ZSD
specification (section 4), and reports findings, property violations and coverage.

Workload:
  --workload W            built-in workload or JSON file (default module-churn)
  --param name=N          workload parameter (repeatable)
  --algorithm A           current (the 2008 design, default) or legacy (pre-2008)
  --publish-after-create  publish *keyp after the creates (the 2009 fix)
  --max-steps N           stop a run after N scheduling steps (a step-limit finding)

Seeds (random or PCT sampling):
  --seeds N               seeds to run (default 100, at most 10000000)
  --seed-base B           first seed (default 1)
  --policy P              random (default), round-robin or pct
  --pct-depth D           PCT bug depth (with --policy pct)

Exhaustive (every schedule up to a preemption bound, untimed):
  --exhaustive            explore systematically: bound 0, 1, 2, ... (iterative context bounding)
  --preemptions K         stop after bound K, and run it to its end unless a budget is given
                          (default: raise the bound until the budget runs out)
  --max-schedules N       budget in schedules (default 1000000; none with --preemptions alone)
  --time-limit T          budget in time: 90s, 10m, 1h (default 120s; none with --preemptions alone)
  --no-por                without partial-order reduction (for cross-checks; much slower)
  --save DIR              where counterexample schedules go (default zsdtrace-counterexamples)

Replay:
  --seed S --replay       rerun one seed and print its full report
  --replay FILE           rerun a schedule saved by --exhaustive and print its full report

Scale-out and output:
  --workers N             worker threads for the seeds or the search (default 2; 0 runs in this
                          thread; an exhaustive search needs 2 or more to use them)
  --shard I/N             run the I-th of N parts (seeds, or subtrees of schedules)
  --json                  print the summary as one JSON object on stdout
  --require-coverage L    fail unless each item was reached: N1..N7, a probe site
                          (zsd-create-start@zsd_apply_create), a wait path, or cases, probes,
                          waits, all (comma-separated)
  merge FILE.json ...     combine --json summaries of the shards of one run into one report
  --help                  this text

Progress goes to stderr when it is a terminal; the summary goes to stdout. The last line of an
exhaustive run reads: exhaustive: <workload> <algorithm>: <N> schedules, bound <K>,
complete|incomplete, <F> findings.
Exit status: 0 nothing found, 1 findings, violations or missing coverage, 2 usage error.
`;
}
