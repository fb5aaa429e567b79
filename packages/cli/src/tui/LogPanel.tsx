/*
 * The printf/trace stream. Each poll's lines (already cut to the screen by use-snapshots) go to
 * Ink's <Static>, which writes them once above the live region, where the terminal scrolls them
 * as dtrace's own output would scroll.
 */

import { Box, Static, Text } from 'ink';
import type { ReactElement } from 'react';
import type { LogBatch } from './use-snapshots.js';

export function LogPanel({ batches }: { readonly batches: readonly LogBatch[] }): ReactElement {
  return (
    <Static items={batches as LogBatch[]}>
      {(batch) => (
        <Box key={batch.id} flexDirection="column">
          {batch.lines.map((line, i) => (
            <Text key={i} wrap="truncate">
              {line}
            </Text>
          ))}
        </Box>
      )}
    </Static>
  );
}
