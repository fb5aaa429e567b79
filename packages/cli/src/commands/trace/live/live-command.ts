/*
 * Whether `-c` names a live Node.js command or a workload of the simulated kernel. Kept apart
 * from live-session.ts so that deciding costs a start-up nothing: the live session (and its
 * WebSocket server) is loaded only when a run is live.
 */

import { builtinWorkloads } from '@zsdtrace/core';

/** True when -c names a command to run rather than a workload of the simulated kernel. */
export function isLiveCommand(command: string | undefined): boolean {
  if (command === undefined) return false;
  const word = command.trim();
  return !builtinWorkloads.includes(word) && !word.endsWith('.json');
}
