/*
 * The error-tag table (packages/probes/src/program/error-tags.ts) against the code and the
 * corpus: a tag raised in the sources but not declared, declared but raised nowhere, or raised
 * by no negative corpus case (test/corpus/** /err.D_TAG.*.d) fails, unless listed in EXEMPT
 * below with the reason. An exemption that is no longer needed fails too, so the list only
 * shrinks as corpus cases are written.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_TAGS } from '../../packages/probes/src/program/error-tags.js';
import { root } from './import-graph.js';

/*
 * Tags with no corpus case, each for a stated reason. Remove a tag from here when a corpus case
 * raises it (the test below says which ones can go).
 */
const EXEMPT: Readonly<Record<string, string>> = {
  // Not a compile error: the runtime's fault reports carry it; faults are covered by tst.* cases
  // under test/corpus/faults, which print dtrace's fault message rather than a tag.
  D_RUNTIME_FAULT: 'runtime fault',
  // dtrace prints EDT_NOTUPREG without a tag; test/corpus/variables/tst.tuple-registers.d has it.
  D_NOTUPREG: 'printed untagged, as dtrace does',
  // Raised only when compile() itself is given -x options; the CLI and the handle validate -x
  // through setopt() before compiling, so no command line reaches it.
  D_XOPT: 'unreachable from the CLI',
  // Resource limits (docs/limits.md), tested by the hostile-input tests rather than the corpus.
  D_AGG_LIMIT: 'limit, hostile-input tests',
  D_CLAUSE_LIMIT: 'limit, hostile-input tests',
  D_DECL_ARRBIG: 'limit, hostile-input tests',
  D_NEST_DEPTH: 'limit, hostile-input tests',
  D_SCRIPT_SIZE: 'limit, hostile-input tests',
  // Declared by dtrace but never raised: its grammar gives every member declarator a name or a
  // bit-field width, so no script reaches dt_decl_member's check.
  D_DECL_MNAME: 'never raised by dtrace',
  // dtrace refuses destructive actions when enabling, as an error number without a tag
  // ("failed to enable …: Destructive actions not allowed"), and so does the CLI.
  D_ACT_DESTRUCT: 'enable-time error, printed without a tag',
  // Not raised by dtrace (indexing a scalar or a non-array fails there with the tags of
  // `*(E1 + E2)`); this compiler raises them for those cases, so they have no dtrace wording.
  D_IDX_BASE: 'not a dtrace tag for any script',
  D_IDX_SCALAR: 'not a dtrace tag for any script',
  // dtrace reports a bad printf() format as D_SYNTAX (dt_printf.c warns through yywarn), and
  // so does the compiler; program/printf-format.ts names the cause with these tags.
  D_PRINTF_DDOT: 'reported as D_SYNTAX, as dtrace does',
  D_PRINTF_DSTAR: 'reported as D_SYNTAX, as dtrace does',
  D_PRINTF_INVCONV: 'reported as D_SYNTAX, as dtrace does',
  D_PRINTF_NAME: 'reported as D_SYNTAX, as dtrace does',
  D_PRINTF_PCTFLAGS: 'reported as D_SYNTAX, as dtrace does',
  D_PRINTF_POSITIONAL: 'reported as D_SYNTAX, as dtrace does',
};

function files(dir: string, keep: (name: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, keep, out);
    else if (keep(name)) out.push(p);
  }
  return out;
}

const declared = new Set(Object.keys(ERROR_TAGS));
const tableFile = join(root, 'packages/probes/src/program/error-tags.ts');

/** Tags written as string literals in the sources (comments removed), with a file using each. */
const raised = new Map<string, string>();
for (const f of files(join(root, 'packages/probes/src'), (n) => /\.tsx?$/.test(n))) {
  if (f === tableFile) continue;
  const text = readFileSync(f, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
  for (const m of text.matchAll(/['"](D_[A-Z0-9_]+)['"]/g)) if (!raised.has(m[1]!)) raised.set(m[1]!, f);
}

/** Tags named by negative corpus cases. */
const corpus = new Set(
  files(join(root, 'test/corpus'), (n) => /^err\.D_[A-Z0-9_]+\..*\.d$/.test(n)).map((f) => /err\.(D_[A-Z0-9_]+)\./.exec(f)![1]!),
);

describe('error-tag table', () => {
  it('finds the tags in the sources and the corpus', () => {
    expect(raised.size).toBeGreaterThan(50);
    expect(corpus.size).toBeGreaterThan(30);
  });

  it('declares every tag the sources raise', () => {
    expect([...raised].filter(([t]) => !declared.has(t)).map(([t, f]) => `${t} (${f})`)).toEqual([]);
  });

  it('declares only tags the sources raise', () => {
    expect([...declared].filter((t) => !raised.has(t))).toEqual([]);
  });

  it('declares every tag a corpus case expects', () => {
    expect([...corpus].filter((t) => !declared.has(t))).toEqual([]);
  });

  it('has a corpus case for every tag not exempted, with a reason', () => {
    expect([...declared].filter((t) => !corpus.has(t) && !(t in EXEMPT))).toEqual([]);
    for (const [t, why] of Object.entries(EXEMPT)) {
      expect(declared.has(t), `${t} is exempted but not declared`).toBe(true);
      expect(why.length).toBeGreaterThan(0);
    }
  });

  it('exempts no tag that has a corpus case (remove those from EXEMPT)', () => {
    expect(Object.keys(EXEMPT).filter((t) => corpus.has(t))).toEqual([]);
  });
});
