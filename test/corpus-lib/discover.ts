/*
 * Corpus discovery: walks test/corpus/<area>/ and turns every `tst.*.d` and `err.D_<TAG>.*.d`
 * script into a case with its expectations read from the files beside it (the DTrace test-suite
 * convention: `.out` exact stdout, `.err` exact stderr, `.args` extra CLI words, `.exit` status).
 *
 * Input: the corpus root. Output: cases sorted by path, so runs and reports are stable.
 * Invariants: a `tst.` case always has an `.out`; an `err.` case always carries its tag.
 * It must not run anything: spawning is run-case.ts's job.
 */

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { splitWords } from './words.js';

export type CaseKind = 'tst' | 'err';

export interface CorpusCase {
  /** Path relative to the corpus root, e.g. `printf/tst.width.d`; also the test name. */
  readonly name: string;
  readonly kind: CaseKind;
  /** The folder the script runs in (the CLI's cwd). */
  readonly dir: string;
  /** The script's file name, passed to `-s` relative to `dir`. */
  readonly file: string;
  /** `D_TAG` for err.* cases. */
  readonly tag?: string;
  /** CLI words placed before `-s <file>`. */
  readonly options: readonly string[];
  /** Macro operands placed after `-s <file>` (the words after `--` in `.args`). */
  readonly operands: readonly string[];
  /** Exact expected stdout; undefined means "not checked" (err.* without `.out`). */
  readonly stdout?: string;
  /** Exact expected stderr; undefined means "must be empty" for tst.*, "contains the tag" for err.*. */
  readonly stderr?: string;
  /**
   * `.errre`: one regular expression per expected stderr line, each matching a whole line. Only for
   * messages whose numbers the language leaves open (the DIF offset and action index of a runtime
   * fault); everything else is compared exactly.
   */
  readonly stderrPatterns?: readonly RegExp[];
  readonly exit: number;
}

export class CorpusLayoutError extends Error {
  readonly code = 'CORPUS_LAYOUT';
  constructor(message: string) {
    super(message);
    this.name = 'CorpusLayoutError';
  }
}

const ERR_NAME = /^err\.(D_[A-Z0-9_]+)\.[A-Za-z0-9_.-]+\.d$/;
const TST_NAME = /^tst\.[A-Za-z0-9_.-]+\.d$/;

function readOptional(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** `.args` holds one line: options, then optionally `--` and the macro operands. */
function parseArgs(text: string | undefined): { options: string[]; operands: string[] } {
  if (text === undefined) return { options: [], operands: [] };
  const words = splitWords(text.replace(/\n$/, ''));
  const cut = words.indexOf('--');
  if (cut < 0) return { options: words, operands: [] };
  return { options: words.slice(0, cut), operands: words.slice(cut + 1) };
}

function parsePatterns(text: string, where: string): RegExp[] {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => {
      try {
        return new RegExp(`^(?:${line})$`);
      } catch (e) {
        throw new CorpusLayoutError(`${where}.errre: bad pattern '${line}': ${(e as Error).message}`);
      }
    });
}

function parseExit(text: string | undefined, fallback: number, where: string): number {
  if (text === undefined) return fallback;
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n < 0 || n > 255) throw new CorpusLayoutError(`${where}: bad exit status '${text.trim()}'`);
  return n;
}

function caseFor(root: string, dir: string, file: string): CorpusCase | undefined {
  const base = join(dir, file);
  const name = relative(root, base);
  const errMatch = ERR_NAME.exec(file);
  if (errMatch === null && !TST_NAME.test(file)) {
    throw new CorpusLayoutError(`${name}: not a corpus script name (tst.<name>.d or err.D_<TAG>.<name>.d)`);
  }
  const { options, operands } = parseArgs(readOptional(`${base}.args`));
  const stdout = readOptional(`${base}.out`);
  const stderr = readOptional(`${base}.err`);
  const patterns = readOptional(`${base}.errre`);
  if (patterns !== undefined && stderr !== undefined) throw new CorpusLayoutError(`${name}: has both .err and .errre`);
  const stderrPatterns = patterns === undefined ? undefined : parsePatterns(patterns, name);
  if (errMatch !== null) {
    const tag = errMatch[1];
    const c: CorpusCase = { name, kind: 'err', dir, file, options, operands, exit: parseExit(readOptional(`${base}.exit`), 1, name) };
    return { ...c, ...(tag !== undefined ? { tag } : {}), ...(stdout !== undefined ? { stdout } : {}), ...(stderr !== undefined ? { stderr } : {}) };
  }
  if (stdout === undefined) throw new CorpusLayoutError(`${name}: missing expected output ${file}.out`);
  const c: CorpusCase = { name, kind: 'tst', dir, file, options, operands, stdout, exit: parseExit(readOptional(`${base}.exit`), 0, name) };
  return { ...c, ...(stderr !== undefined ? { stderr } : {}), ...(stderrPatterns !== undefined ? { stderrPatterns } : {}) };
}

/** Every case under `root`, depth-first, sorted by name. */
export function discoverCorpus(root: string): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.d')) {
        const c = caseFor(root, dir, entry);
        if (c !== undefined) cases.push(c);
      }
    }
  };
  walk(root);
  return cases.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
