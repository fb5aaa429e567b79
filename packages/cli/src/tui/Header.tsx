/*
 * The two header lines: what is running (script, workload, seed, algorithm, run state), then
 * how it is going (wall and virtual time, probes matched, firing rate, drops, errors, spans).
 * Drops, errors and failed or dropped spans stand out when non-zero, in colour and, for
 * terminals without it, with a `!` after the number.
 */

import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import type { DashboardInfo, DashboardSnapshot } from './source.js';
import { formatNs, formatWall, groupDigits } from './text.js';
import { useTone } from './theme.js';

export interface HeaderProps {
  readonly info: DashboardInfo;
  readonly snapshot: DashboardSnapshot | null;
  readonly stopping: boolean;
}

function Counter({ label, value }: { label: string; value: number }): ReactElement {
  const tone = useTone();
  if (value === 0) return <Text>{`${label} 0`}</Text>;
  return (
    <Text color={tone('alert')} bold>
      {`${label} ${groupDigits(value)}!`}
    </Text>
  );
}

function runState(snapshot: DashboardSnapshot | null, stopping: boolean): string {
  if (stopping) return 'STOPPING';
  if (snapshot === null) return 'STARTING';
  if (snapshot.done) return 'DONE';
  return snapshot.paused ? 'PAUSED' : 'RUNNING';
}

export function Header({ info, snapshot, stopping }: HeaderProps): ReactElement {
  const tone = useTone();
  const state = runState(snapshot, stopping);
  const s = snapshot;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold color={tone('accent')}>
          zsdtrace
        </Text>
        {`  ${info.script}  workload ${info.workload}  seed ${info.seed}  ${info.algorithm}  `}
        <Text inverse={state !== 'RUNNING'} color={state === 'PAUSED' ? tone('warn') : undefined}>
          {`[${state}]`}
        </Text>
        {s === null ? '' : `  wall ${formatWall(s.wallMs)}  virtual ${formatNs(s.virtualNs)}`}
      </Text>
      <Text wrap="truncate">
        {s === null
          ? 'waiting for the first snapshot'
          : `probes ${groupDigits(s.probesMatched)}  firings ${groupDigits(s.firings)} (${groupDigits(s.firingsPerSec)}/s)  `}
        {s !== null && (
          <>
            <Counter label="drops" value={s.drops} />
            <Text>{'  '}</Text>
            <Counter label="errors" value={s.errors} />
            {s.spans !== undefined && (
              <>
                <Text>{`  spans ${groupDigits(s.spans.exported)} exported, `}</Text>
                <Counter label="dropped" value={s.spans.dropped} />
                <Text>{', '}</Text>
                <Counter label="failed" value={s.spans.failed} />
              </>
            )}
          </>
        )}
      </Text>
    </Box>
  );
}
