import { afterEach, describe, expect, it } from 'vitest';
import { capturePane, killSession, sendKeys, startSession, tmuxAvailable, waitForText, type TmuxSession } from './tmux-helper.js';

const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) killSession(s);
});

describe('tmux helper', () => {
  it('is usable on this machine', () => {
    expect(tmuxAvailable()).toBe(true);
  });

  it('starts a command, sends keys, captures and waits for text', async () => {
    const s = startSession(`zsdtrace-helper-${process.pid}`, "sh -c 'read line; echo got:$line'", { columns: 80, rows: 10, env: { LANG: 'C' } });
    sessions.push(s);
    sendKeys(s, 'hello', true);
    sendKeys(s, 'Enter');
    const pane = await waitForText(s, 'got:hello');
    expect(pane).toMatch(/^got:hello$/m);
    await waitForText(s, '[exit 0]');
    expect(capturePane(s).split('\n').length).toBeGreaterThanOrEqual(10);
  });

  it('gives up after its timeout with the pane in the message', async () => {
    const s = startSession(`zsdtrace-helper-t-${process.pid}`, 'echo nothing-here', { columns: 80, rows: 10 });
    sessions.push(s);
    await expect(waitForText(s, 'never printed', 300)).rejects.toThrow(/timed out after 300 ms[\s\S]*nothing-here/);
  });
});
