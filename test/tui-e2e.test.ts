/*
 * The dashboard in a real terminal: `zsdtrace --tui` under tmux shows live aggregation values;
 * `q` leaves the dashboard, runs END and prints the final aggregations to stdout as dtrace would.
 */

import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { capturePane, killSession, sendKeys, startSession, tmuxAvailable, waitForText, type TmuxSession } from '../packages/cli/test/tui/tmux-helper.js';
import { assertBuilt, cliPath, root } from './lib/run-cli.js';

let session: TmuxSession | undefined;
afterEach(() => {
  if (session) killSession(session);
  session = undefined;
});

describe('zsdtrace --tui in a terminal', () => {
  it('shows live values, and q prints the final aggregations to stdout', async () => {
    expect(tmuxAvailable()).toBe(true);
    assertBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'zsdtrace-tui-'));
    const script = join(dir, 'phases.d');
    writeFileSync(script, 'sdt:::zsd-*-start { @[probename] = count(); }\nEND { printf("end ran\\n"); }\n');
    session = startSession(`zsdtrace-e2e-${process.pid}`, `node ${cliPath} -q -s ${script} --tui`, {
      columns: 120,
      rows: 40,
      cwd: root,
      // Ink draws only its last frame when it believes it runs in CI; this is a real terminal.
      env: { TERM: 'xterm-256color', CI: '0' },
    });
    // The panel of @ shows a create-start row with a count that keeps growing.
    const first = await waitForText(session, /zsd-create-start\D+(\d+)/, 20_000);
    const n1 = Number(/zsd-create-start\D+(\d+)/.exec(first)![1]);
    const later = await waitForText(
      session,
      (pane) => {
        const m = /zsd-create-start\D+(\d+)/.exec(pane);
        return m !== null && Number(m[1]) > n1;
      },
      20_000,
    );
    expect(later).toMatch(/illumos/);
    sendKeys(session, 'q');
    const done = await waitForText(session, /\[exit \d+\]/, 20_000);
    expect(done).toContain('[exit 0]');
    expect(done).toContain('end ran');
    // dtrace's format for a string key and a count: two spaces, key in 50, value in 16.
    expect(done).toMatch(/^ {2}zsd-create-start {35} +\d+$/m);
    expect(capturePane(session)).not.toContain('Distribution') ;
  });
});
