/*
 * The simulated kernel at a glance: zones grouped by status (in status order, with names),
 * threads blocked and on what (and the locks they hold), ZSD waits in progress with how long
 * they have lasted in virtual time, and the registered keys with their callbacks (C, S, D for
 * create, shutdown, destroy). Lines are dropped from the bottom of that order when space is short.
 */

import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import type { EngineState } from '@zsdtrace/core';
import { formatNs } from './text.js';
import { useTone } from './theme.js';

export interface EnginePanelProps {
  readonly engine: EngineState;
  readonly virtualNs: number;
  readonly height: number;
}

export function zoneLine(engine: EngineState): string {
  const groups = new Map<number, { name: string; zones: string[] }>();
  for (const z of engine.zones) {
    const g = groups.get(z.status) ?? { name: z.statusName, zones: [] };
    g.zones.push(z.name);
    groups.set(z.status, g);
  }
  const parts = [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, g]) => `${g.name} ${g.zones.length} (${g.zones.join(', ')})`);
  return `zones    ${parts.length === 0 ? 'none' : parts.join('  ')}`;
}

export function blockedLine(engine: EngineState): string {
  // Threads waiting on a mutex first, then those asleep on a condition variable; a thread that
  // is only passing simulated time (a delay) waits on nothing and is counted, not listed.
  const blocked = [
    ...engine.threads.filter((t) => t.state === 'blocked'),
    ...engine.threads.filter((t) => t.state === 'sleep' && t.blockedOn !== undefined),
  ];
  const parts = blocked.map((t) => {
    const holds = t.holds.length > 0 ? ` holding ${t.holds.join(', ')}` : '';
    return `t${t.tid} ${t.name} ${t.state === 'sleep' ? 'sleeps' : 'blocked'} on ${t.blockedOn ?? '?'}${holds}`;
  });
  return `blocked  ${parts.length === 0 ? 'none' : parts.join('; ')}`;
}

export function waitLine(engine: EngineState, virtualNs: number): string {
  const parts = engine.waits.map((w) => {
    const age = virtualNs - w.since;
    return `t${w.tid} for ${w.kind} zone ${w.zone} key ${w.key} (${formatNs(Math.max(0, age))})`;
  });
  return `waits    ${parts.length === 0 ? 'none' : parts.join('; ')}`;
}

export function keyLine(engine: EngineState): string {
  const flag = (v: boolean, c: string): string => (v ? c : '-');
  const parts = engine.keys.map(
    (k) => `${k.key}:${k.name}[${flag(k.create, 'C')}${flag(k.shutdown, 'S')}${flag(k.destroy, 'D')}]`,
  );
  return `keys     ${parts.length === 0 ? 'none' : parts.join(' ')}`;
}

export function EnginePanel({ engine, virtualNs, height }: EnginePanelProps): ReactElement {
  const tone = useTone();
  const counts = { run: 0, ready: 0, blocked: 0, sleep: 0, done: 0 };
  for (const t of engine.threads) counts[t.state]++;
  const title =
    `engine  ${engine.zones.length} zones  ${engine.keys.length} keys  ` +
    `threads: ${counts.run} run, ${counts.ready} ready, ${counts.blocked} blocked, ${counts.sleep} asleep, ${counts.done} done  ` +
    `${engine.waits.length} waits`;
  const lines = [zoneLine(engine), blockedLine(engine), waitLine(engine, virtualNs), keyLine(engine)];
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Text bold wrap="truncate" color={tone('accent')}>
        {title}
      </Text>
      {lines.slice(0, Math.max(0, height - 1)).map((l, i) => (
        <Text key={i} wrap="truncate" color={i === 1 && counts.blocked > 0 ? tone('warn') : undefined}>
          {l}
        </Text>
      ))}
    </Box>
  );
}
