/*
 * The bin's entry: runs dist/zsdtrace.cjs (the CLI as one CommonJS script, built by build.mjs)
 * through V8's code cache. Node 20 compiles every ES module from source at every start and
 * offers no cache for them; a vm.Script takes the bytecode V8 produced in an earlier run
 * (`cachedData`) and skips parsing and compiling what that run compiled.
 *
 * The cache is a file per bundle and Node: its name holds the bundle's content hash (written
 * by the build into the bundle's first line), the bundle's size and mtime, the Node version and
 * the architecture, so a rebuilt bundle or another Node never meets an old cache, and V8 rejects
 * a cache from other V8 flags itself. A start without a usable cache writes one when it exits
 * (to a temporary name, then renamed: concurrent starts never see half a file). Every cache
 * failure (no home, a read-only or full disk) falls back to compiling as usual, silently. The
 * directory must be the user's own and writable by nobody else (see trustedDir).
 * Writing a cache removes the caches of other bundles (earlier builds) from the directory.
 * ZSDTRACE_CODE_CACHE=0 turns the cache off.
 */

import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

interface Bundle {
  run(): Promise<void>;
}

const HASH_LINE = /^\/\/ zsdtrace-bundle ([0-9a-f]{16,64})\n/;

export async function start(bundleFile: string = fileURLToPath(new URL('./zsdtrace.cjs', import.meta.url))): Promise<void> {
  const source = readFileSync(bundleFile, 'utf8');
  const cacheFile = process.env.ZSDTRACE_CODE_CACHE === '0' ? null : cachePath(bundleFile, source);
  let cachedData: Buffer | undefined;
  if (cacheFile && trustedDir(dirname(cacheFile))) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname, __zsdImportMetaUrl, __zsdImport) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: bundleFile, cachedData });
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
    // After the run, so the functions it compiled lazily are in the cache too.
    process.once('exit', () => writeCache(cacheFile, script));
  }
  const module = { exports: {} as Bundle };
  const factory = script.runInThisContext() as (...args: unknown[]) => void;
  const url = pathToFileURL(bundleFile).href;
  // The bundle's import(): its own ES modules (the dashboards) beside it, or Node's built-ins.
  const importFn = (spec: string): Promise<unknown> => import(spec.startsWith('.') ? new URL(spec, url).href : spec);
  factory(module.exports, createRequire(bundleFile), module, bundleFile, dirname(bundleFile), url, importFn);
  await module.exports.run();
}

function cachePath(bundleFile: string, source: string): string | null {
  const hash = HASH_LINE.exec(source)?.[1];
  if (!hash) return null;
  try {
    const st = statSync(bundleFile);
    const key = `${hash}-${st.size}-${Math.floor(st.mtimeMs)}-${process.version}-${process.arch}`;
    return join(cacheDir(), `zsdtrace-${key}.v8cache`);
  } catch {
    return null;
  }
}

function cacheDir(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  if (xdg) return join(xdg, 'zsdtrace');
  try {
    const home = homedir();
    if (home) return join(home, '.cache', 'zsdtrace');
  } catch {
    // no home directory: the temporary directory below
  }
  return join(tmpdir(), `zsdtrace-cache-${process.getuid?.() ?? 'user'}`);
}

/**
 * Only a directory of this user's that nobody else can write holds caches: cached bytecode runs
 * unchecked, so a cache another user could plant (in a shared temporary directory, say) is never
 * read, nor written there.
 */
function trustedDir(dir: string): boolean {
  try {
    const st = statSync(dir);
    const uid = process.getuid?.();
    return st.isDirectory() && (uid === undefined || st.uid === uid) && (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

function writeCache(cacheFile: string, script: vm.Script): void {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
    if (!trustedDir(dirname(cacheFile))) return;
    writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
    renameSync(tmp, cacheFile);
    removeStale(cacheFile);
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
  }
}

/** Caches of earlier builds or other Nodes: one bundle's cache at a time is kept. */
function removeStale(cacheFile: string): void {
  const dir = dirname(cacheFile);
  const keep = basename(cacheFile);
  for (const f of readdirSync(dir)) {
    if (f === keep || !/^zsdtrace-.*\.v8cache$/.test(f)) continue;
    try {
      unlinkSync(join(dir, f));
    } catch {
      // another start removed it, or it cannot be: left
    }
  }
}
