/*
 * --tui on a live service, in a real terminal (tmux): the dashboard shows the target's
 * aggregation growing as requests arrive; `q` detaches and prints the final aggregation.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { killSession, sendKeys, startSession, tmuxAvailable, waitForText, type TmuxSession } from '../packages/cli/test/tui/tmux-helper.js';
import { health, requests, startService, type Service } from './lib/live.js';
import { assertBuilt, cliPath, root } from './lib/run-cli.js';

let session: TmuxSession | undefined;
let service: Service | null = null;
afterEach(async () => {
  if (session) killSession(session);
  session = undefined;
  await service?.stop();
  service = null;
});

describe('zsdtrace -p --tui in a terminal', () => {
  it('shows the target\'s counts live and prints them at the end', async () => {
    expect(tmuxAvailable()).toBe(true);
    assertBuilt();
    service = await startService();
    const script = `node*:::http-server-request { @[args[0]->url] = count(); }`;
    session = startSession(`zsdtrace-live-${process.pid}`, `node ${cliPath} -q -n '${script}' -p ${service.pid} --tui`, {
      columns: 120,
      rows: 40,
      cwd: root,
      env: { TERM: 'xterm-256color', CI: '0' },
    });
    await waitForText(session, /pid \d+/, 20_000);
    await requests(service.base, [['GET', '/users/1'], ['GET', '/users/1'], ['GET', '/users/1']]);
    await waitForText(session, /\/users\/1\D+3\b/, 20_000);
    await requests(service.base, [['GET', '/users/1'], ['GET', '/users/1']]);
    await waitForText(session, /\/users\/1\D+5\b/, 20_000);
    sendKeys(session, 'q');
    const done = await waitForText(session, /\[exit \d+\]/, 20_000);
    expect(done).toContain('[exit 0]');
    expect(done).toMatch(/^ {2}\/users\/1 {42} +5$/m);
    expect((await health(service.base)).subscribed).toEqual([]);
  });
});
