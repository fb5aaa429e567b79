/*
 * Renders the dashboard with ink-testing-library at a chosen terminal size, and waits for a
 * frame to show something (bounded; the dashboard refreshes on its own timer).
 */

import { render } from 'ink-testing-library';
import { App } from '../../../src/tui/App.js';
import { ColorContext } from '../../../src/tui/theme.js';
import type { DashboardSource } from '../../../src/tui/source.js';

export type Rendered = ReturnType<typeof render> & {
  resize(columns: number, rows: number): void;
  frame(): string;
  waitFor(predicate: (frame: string) => boolean, what?: string): Promise<string>;
  press(data: string): Promise<void>;
};

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  tab: '\t',
  shiftTab: '\u001B[Z',
  esc: '\u001B',
  ctrlC: '\u0003',
} as const;

const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function renderApp(
  source: DashboardSource,
  size: { columns: number; rows: number } = { columns: 100, rows: 40 },
  opts: { color?: boolean; aggrateHz?: number } = {},
): Promise<Rendered> {
  const r = render(
    <ColorContext.Provider value={opts.color ?? false}>
      <App source={source} aggrateHz={opts.aggrateHz ?? 50} />
    </ColorContext.Provider>,
  );
  const rendered: Rendered = Object.assign(r, {
    resize(columns: number, rows: number) {
      Object.defineProperty(r.stdout, 'columns', { get: () => columns, configurable: true });
      Object.defineProperty(r.stdout, 'rows', { get: () => rows, configurable: true });
      r.stdout.emit('resize');
    },
    frame: () => r.lastFrame() ?? '',
    async waitFor(predicate: (frame: string) => boolean, what = 'the expected frame') {
      for (let i = 0; i < 200; i++) {
        const f = r.lastFrame() ?? '';
        if (predicate(f)) return f;
        await tick(10);
      }
      throw new Error(`timed out waiting for ${what}; last frame:\n${r.lastFrame() ?? ''}`);
    },
    async press(data: string) {
      r.stdin.write(data);
      await tick(20);
    },
  });
  rendered.resize(size.columns, size.rows);
  await rendered.waitFor((f) => f.includes('wall '), 'the first snapshot');
  return rendered;
}
