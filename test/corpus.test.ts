/*
 * The D conformance corpus: every script under test/corpus/ runs through the real, bundled CLI
 * and its stdout, stderr and exit status are compared exactly with the files beside it (see
 * test/corpus/README.md for the convention). Runs are bounded to 4 at a time — the machine has
 * two cores — and each is killed after 20 s.
 */

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { discoverCorpus } from './corpus-lib/discover.js';
import { limiter, runCase } from './corpus-lib/run-case.js';
import { checkCase } from './corpus-lib/check-case.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpusRoot = join(repo, 'test/corpus');
const bin = join(repo, 'packages/cli/bin/zsdtrace.js');
const bundle = join(repo, 'packages/cli/dist/zsdtrace.js');
const TIMEOUT_MS = 20_000;
const limit = limiter(4);
const cases = discoverCorpus(corpusRoot);

describe('D conformance corpus', () => {
  if (!existsSync(bundle)) {
    // One clear failure instead of one per script.
    it('needs the CLI bundle', () => {
      expect.fail(`the CLI bundle ${bundle} is missing: run \`node packages/cli/build.mjs\` first (\`pnpm test\` does)`);
    });
    return;
  }

  it('holds at least 200 scripts', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
  });

  for (const c of cases) {
    it.concurrent(
      c.name,
      async () => {
        const result = await limit(() => runCase(c, { bin, timeoutMs: TIMEOUT_MS }));
        const problems = checkCase(c, result, TIMEOUT_MS);
        if (problems.length > 0) expect.fail(`${c.name}\n${problems.join('\n')}`);
      },
      TIMEOUT_MS * 3,
    );
  }
});
