/*
 * The key bindings, drawn in place of the panels while `?` is on. It lists KEY_HELP, the same
 * table the key map is documented by, so the help cannot drift from the handler.
 */

import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import { KEY_HELP } from './key-map.js';
import { padRight } from './text.js';
import { useTone } from './theme.js';

export function HelpOverlay({ height }: { readonly height: number }): ReactElement {
  const tone = useTone();
  const width = Math.max(...KEY_HELP.map(([k]) => k.length));
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Text bold color={tone('accent')}>
        Keys (? or Esc to close)
      </Text>
      {KEY_HELP.map(([k, what]) => (
        <Text key={k} wrap="truncate">
          {`  ${padRight(k, width)}  ${what}`}
        </Text>
      ))}
    </Box>
  );
}
