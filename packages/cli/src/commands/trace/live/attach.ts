/*
 * `zsdtrace -p PID`: gets the agent into a running Node.js process of the same user the way
 * `node inspect -p` does: SIGUSR1 (process._debugProcess on POSIX) opens the process's
 * inspector, a WebSocket session evaluates one `require` of the agent with the run's
 * configuration, and the session is closed again (the agent closes the inspector it did not
 * find open once zsdtrace has hung up). Checks first that the pid is a Node.js process that
 * catches SIGUSR1: sending it to anything else would kill it.
 */

import { readFileSync, readlinkSync } from 'node:fs';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import type { LiveConfig } from '@zsdtrace/probes';

/** Why a pid cannot be traced, in dtrace's words (`failed to grab pid N: …`). */
export class GrabError extends Error {}

const SIGUSR1_BIT = 1n << 9n;
const DEFAULT_PORT = 9229;
const OPEN_WAIT_MS = 3000;

interface ProcInfo {
  readonly uid: number;
  readonly catchesUsr1: boolean;
  readonly exe: string;
  readonly argv: readonly string[];
  readonly nodeOptions: string;
}

function procInfo(pid: number): ProcInfo {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    throw new GrabError(`failed to grab pid ${pid}: No such process`);
  }
  const field = (name: string): string => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(status)?.[1] ?? '';
  if (/^State:\s*Z/m.test(status)) throw new GrabError(`failed to grab pid ${pid}: No such process`);
  const uid = Number(field('Uid').split(/\s+/)[0]);
  const catchesUsr1 = (BigInt(`0x${field('SigCgt') || '0'}`) & SIGUSR1_BIT) !== 0n;
  let exe = '';
  let argv: string[] = [];
  let nodeOptions = '';
  try {
    exe = readlinkSync(`/proc/${pid}/exe`);
    argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((s) => s !== '');
    const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    nodeOptions = env.find((e) => e.startsWith('NODE_OPTIONS='))?.slice('NODE_OPTIONS='.length) ?? '';
  } catch {
    throw new GrabError(`failed to grab pid ${pid}: Permission denied`);
  }
  return { uid, catchesUsr1, exe, argv, nodeOptions };
}

/** The inspector port the process will open: its --inspect-port / --inspect=[host:]port, else 9229. */
export function inspectorPort(argv: readonly string[], nodeOptions: string): number {
  const words = [...nodeOptions.split(/\s+/), ...argv];
  let port = DEFAULT_PORT;
  for (const w of words) {
    const m = /^--(?:inspect-port|debug-port|inspect|inspect-brk|inspect-wait)=(?:.*:)?(\d+)$/.exec(w);
    if (m) port = Number(m[1]);
  }
  return port;
}

/** Checks that `pid` is a Node.js process this user may trace; returns its inspector port. */
export function checkTarget(pid: number): number {
  const info = procInfo(pid);
  const uid = process.getuid?.() ?? 0;
  if (uid !== 0 && info.uid !== uid) throw new GrabError(`failed to grab pid ${pid}: Permission denied`);
  if (!/node/i.test(basename(info.exe)) || !info.catchesUsr1) {
    throw new GrabError(`failed to grab pid ${pid}: not a Node.js process (${basename(info.exe) || 'unknown executable'})`);
  }
  return inspectorPort(info.argv, info.nodeOptions);
}

async function debuggerUrl(port: number): Promise<string | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/json/list`, { signal: AbortSignal.timeout(500) });
    const list = (await res.json()) as { webSocketDebuggerUrl?: string }[];
    return list[0]?.webSocketDebuggerUrl ?? null;
  } catch {
    return null;
  }
}

/** One Runtime.evaluate over the inspector WebSocket; resolves with its value. */
function evaluate(url: string, expression: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const fail = (why: string): void => {
      ws.terminate();
      reject(new Error(why));
    };
    ws.once('error', (e) => fail(e.message));
    ws.once('open', () => {
      ws.send(JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, includeCommandLineAPI: true, returnByValue: true } }));
    });
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as { id?: number; result?: { result?: { value?: unknown }; exceptionDetails?: { text?: string; exception?: { description?: string } } }; error?: { message: string } };
      if (m.id !== 1) return;
      if (m.error) return fail(m.error.message);
      const ex = m.result?.exceptionDetails;
      if (ex) return fail(ex.exception?.description?.split('\n')[0] ?? ex.text ?? 'exception');
      ws.once('close', () => resolve(m.result?.result?.value));
      ws.close();
    });
  });
}

/** What attach() leaves for the session: whether the agent should close the inspector. */
export interface Attached {
  readonly pid: number;
  /** The inspector was opened by zsdtrace (and is to be closed once the agent is connected). */
  readonly openedInspector: boolean;
  readonly port: number;
}

/** Waits (a bounded time) until nothing answers on the inspector port: the next -p may use it. */
export async function inspectorClosed(port: number, ms = OPEN_WAIT_MS): Promise<void> {
  const deadline = Date.now() + ms;
  while ((await debuggerUrl(port)) !== null && Date.now() < deadline) await sleep(20);
}

/** Loads the agent into `pid` with `cfg`; throws GrabError with dtrace's message on failure. */
export async function attachAgent(pid: number, agentPath: string, cfg: LiveConfig): Promise<Attached> {
  const port = checkTarget(pid);
  let url = await debuggerUrl(port);
  const openedInspector = url === null;
  if (url === null) {
    try {
      process.kill(pid, 'SIGUSR1');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new GrabError(`failed to grab pid ${pid}: ${code === 'EPERM' ? 'Permission denied' : 'No such process'}`);
    }
    const deadline = Date.now() + OPEN_WAIT_MS;
    while (url === null && Date.now() < deadline) {
      await sleep(15);
      url = await debuggerUrl(port);
    }
    if (url === null) throw new GrabError(`failed to grab pid ${pid}: its inspector did not open on port ${port}`);
  }
  const expression = `(() => {
    if (process.pid !== ${pid}) return 'pid ' + process.pid;
    const path = ${JSON.stringify(agentPath)};
    const agent = require(path);
    delete require.cache[path];
    agent.attach(${JSON.stringify(cfg)});
    return 'ok';
  })()`;
  let answer: unknown;
  try {
    answer = await evaluate(url, expression);
  } catch (e) {
    throw new GrabError(`failed to grab pid ${pid}: the inspector refused: ${(e as Error).message}`);
  }
  if (answer !== 'ok') {
    throw new GrabError(`failed to grab pid ${pid}: the inspector on port ${port} belongs to ${String(answer)}`);
  }
  return { pid, openedInspector, port };
}
