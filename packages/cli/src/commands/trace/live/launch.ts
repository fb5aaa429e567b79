/*
 * `zsdtrace -c 'node app.js'`: runs the command (split on blanks as dtrace splits it, no
 * shell) with the agent preloaded into every Node.js process it starts (NODE_OPTIONS
 * --require), the run's configuration in a file named by the environment, and a pipe on fd 3
 * for the first process's agent. The child gets its own process group, so that a terminal's
 * Ctrl-C reaches zsdtrace, which ends the trace (END runs in the child) and then kills it, as
 * dtrace kills a process it created.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import type { LiveConfig } from '@zsdtrace/probes';

export const LIVE_ENV = 'ZSDTRACE_LIVE';

export interface Launched {
  readonly child: ChildProcess;
  /** zsdtrace's end of the child's fd 3. */
  readonly pipe: Socket;
}

/** The words of a -c command, as dtrace splits them (blanks; no quoting). */
export function commandWords(command: string): string[] {
  return command.split(/\s+/).filter((w) => w !== '');
}

/** NODE_OPTIONS with the agent's --require added (quoted when the path needs it). */
export function withPreload(nodeOptions: string | undefined, agentPath: string): string {
  const arg = /[\s"\\]/.test(agentPath) ? `"${agentPath.replace(/(["\\])/g, '\\$1')}"` : agentPath;
  return `${nodeOptions ? `${nodeOptions} ` : ''}--require ${arg}`;
}

export function launch(command: string, agentPath: string, cfg: LiveConfig, cfgFile: string, env: NodeJS.ProcessEnv): Launched {
  writeFileSync(cfgFile, JSON.stringify({ config: cfg, cliPid: process.pid }), { mode: 0o600 });
  const words = commandWords(command);
  const child = spawn(words[0]!, words.slice(1), {
    stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
    env: { ...env, [LIVE_ENV]: cfgFile, NODE_OPTIONS: withPreload(env.NODE_OPTIONS, agentPath) },
    detached: true,
  });
  // Processes the command starts later see the command's pid as $target.
  if (child.pid !== undefined) {
    const later = { ...cfg, macros: { ...cfg.macros, target: child.pid } };
    writeFileSync(cfgFile, JSON.stringify({ config: later, cliPid: process.pid }), { mode: 0o600 });
  }
  return { child, pipe: child.stdio[3] as Socket };
}
