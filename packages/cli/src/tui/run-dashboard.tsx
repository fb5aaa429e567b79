/*
 * Mounts the dashboard on the given streams and resolves once it has unmounted (after q,
 * Ctrl-C, or a snapshot marked done). Ctrl-C is handled by the dashboard itself (Ink's own
 * handler is off) so that the first one quits cleanly and a second aborts; console patching is
 * off so that nothing else writes into the frame.
 */

import { render } from 'ink';
import { App } from './App.js';
import type { DashboardOptions, DashboardSource } from './source.js';
import { ColorContext } from './theme.js';

export async function runDashboard(source: DashboardSource, opts: DashboardOptions): Promise<void> {
  const instance = render(
    <ColorContext.Provider value={opts.color}>
      <App source={source} aggrateHz={opts.aggrateHz} />
    </ColorContext.Provider>,
    { stdout: opts.stdout, stdin: opts.stdin, exitOnCtrlC: false, patchConsole: false },
  );
  await instance.waitUntilExit();
}
