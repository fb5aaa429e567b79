/*
 * Polls the DashboardSource on the aggrate timer and keeps what the screen needs: the latest
 * snapshot and the log as batches for <Static>.
 *
 * Work per refresh is bounded by the screen: each poll's log lines are cut to the last
 * `maxLogLines` (with a note of how many were skipped), so a script that prints at a million
 * lines per second costs the terminal the same as one that prints ten. Lines of batches already
 * written by <Static> are released; only the (tiny) batch objects stay, because <Static> tracks
 * what it has written by array length.
 */

import { useCallback, useEffect, useRef, useState } from 'react';
import type { DashboardSnapshot, DashboardSource } from './source.js';

export interface LogBatch {
  readonly id: number;
  lines: readonly string[];
}

export interface SnapshotFeed {
  readonly snapshot: DashboardSnapshot | null;
  readonly batches: readonly LogBatch[];
  /** Polls now (after a command, so the screen shows its effect without waiting a tick). */
  readonly refresh: () => void;
}

/** The last `max` lines of one poll's log, behind a note when lines were skipped. */
export function trimLog(lines: readonly string[], max: number): string[] {
  if (lines.length <= max) return [...lines];
  const keep = Math.max(0, max - 1);
  const skipped = lines.length - keep;
  return [`[… ${skipped} line${skipped === 1 ? '' : 's'} not shown]`, ...lines.slice(lines.length - keep)];
}

export function useSnapshots(
  source: DashboardSource,
  intervalMs: number,
  maxLogLines: number,
  onError: (err: Error) => void,
): SnapshotFeed {
  const [state, setState] = useState<{ snapshot: DashboardSnapshot | null; batches: LogBatch[] }>({
    snapshot: null,
    batches: [],
  });
  const maxRef = useRef(maxLogLines);
  maxRef.current = maxLogLines;
  const errorRef = useRef(onError);
  errorRef.current = onError;

  const refresh = useCallback(() => {
    let snap: DashboardSnapshot;
    try {
      snap = source.poll();
    } catch (err) {
      errorRef.current(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    setState((prev) => {
      if (snap.log.length === 0) return { snapshot: snap, batches: prev.batches };
      // Everything before the last batch has been written above the live region.
      const last = prev.batches[prev.batches.length - 1];
      for (const b of prev.batches) if (b !== last) b.lines = [];
      const batch: LogBatch = { id: prev.batches.length, lines: trimLog(snap.log, maxRef.current) };
      return { snapshot: snap, batches: [...prev.batches, batch] };
    });
  }, [source]);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, intervalMs);
    return () => clearInterval(timer);
  }, [refresh, intervalMs]);

  return { snapshot: state.snapshot, batches: state.batches, refresh };
}
