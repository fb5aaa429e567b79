/*
 * The agent bundle's entry (packages/cli/build.mjs bundles it, compiler included, into one
 * CommonJS file that needs nothing else). `-c` preloads it with `--require`: it then reads the
 * configuration named by ZSDTRACE_LIVE and starts. `-p` requires it through the inspector and
 * calls attach(); the inspector is closed again once zsdtrace has hung up on it.
 */

import { readFileSync } from 'node:fs';
import inspector from 'node:inspector';
import { attach as attachAgent, preload } from './agent.js';
import type { LiveConfig } from './wire.js';

/** Environment variable naming the `-c` configuration file. */
export const LIVE_ENV = 'ZSDTRACE_LIVE';

export function attach(cfg: LiveConfig): void {
  attachAgent(cfg, () => {
    // Only if no inspector session is left (close() would wait for one otherwise).
    inspector.close();
  });
}

const file = process.env[LIVE_ENV];
const self = (globalThis as { __zsdtraceLiveLoaded?: boolean });
if (file && !self.__zsdtraceLiveLoaded && require.main === undefined) {
  self.__zsdtraceLiveLoaded = true;
  try {
    const { config, cliPid } = JSON.parse(readFileSync(file, 'utf8')) as { config: LiveConfig; cliPid: number };
    preload(config, cliPid);
  } catch {
    /* no readable configuration: this process runs untraced */
  }
}
