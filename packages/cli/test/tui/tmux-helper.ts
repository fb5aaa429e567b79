/*
 * Drives a real terminal for end-to-end tests of the dashboard: starts a command in a detached
 * tmux session of a fixed size, sends keys, captures the pane, and waits for text with a bounded
 * timeout. Every session is named by the caller and must be killed with `killSession` (tests do
 * it in afterEach), so no tmux server outlives a test run.
 */

import { execFileSync, spawnSync } from 'node:child_process';

export interface TmuxSession {
  readonly name: string;
}

export function tmuxAvailable(): boolean {
  return spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
}

/** `tmux new -d -s NAME -x COLS -y ROWS 'cmd'`; the pane stays open after the command exits. */
export function startSession(
  name: string,
  command: string,
  opts: { columns?: number; rows?: number; cwd?: string; env?: Record<string, string> } = {},
): TmuxSession {
  const env = Object.entries(opts.env ?? {}).map(([k, v]) => `${k}=${shellQuote(v)} `).join('');
  execFileSync('tmux', [
    'new-session', '-d', '-s', name,
    '-x', String(opts.columns ?? 120), '-y', String(opts.rows ?? 40),
    ...(opts.cwd === undefined ? [] : ['-c', opts.cwd]),
    `${env}${command}; echo "[exit $?]"; sleep 30`,
  ]);
  return { name };
}

/** Sends keys as tmux names them: `q`, `Tab`, `Up`, `C-c`, or literal text with `literal`. */
export function sendKeys(s: TmuxSession, keys: string | readonly string[], literal = false): void {
  const list = typeof keys === 'string' ? [keys] : [...keys];
  execFileSync('tmux', ['send-keys', '-t', s.name, ...(literal ? ['-l'] : []), ...list]);
}

/** The visible pane as text, one line per row. */
export function capturePane(s: TmuxSession): string {
  return execFileSync('tmux', ['capture-pane', '-p', '-t', s.name], { encoding: 'utf8' });
}

export function resizeWindow(s: TmuxSession, columns: number, rows: number): void {
  execFileSync('tmux', ['resize-window', '-t', s.name, '-x', String(columns), '-y', String(rows)]);
}

/** Polls the pane until `want` appears (a string or a test); throws with the last pane after `timeoutMs`. */
export async function waitForText(
  s: TmuxSession,
  want: string | RegExp | ((pane: string) => boolean),
  timeoutMs = 10_000,
): Promise<string> {
  const test = typeof want === 'function' ? want : typeof want === 'string' ? (p: string) => p.includes(want) : (p: string) => want.test(p);
  const deadline = Date.now() + timeoutMs;
  let pane = '';
  for (;;) {
    pane = capturePane(s);
    if (test(pane)) return pane;
    if (Date.now() > deadline) throw new Error(`tmux ${s.name}: timed out after ${timeoutMs} ms waiting for ${String(want)}; pane:\n${pane}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function killSession(s: TmuxSession): void {
  spawnSync('tmux', ['kill-session', '-t', s.name], { stdio: 'ignore' });
}

function shellQuote(v: string): string {
  return `'${v.replace(/'/g, `'\\''`)}'`;
}
