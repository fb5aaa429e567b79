/*
 * Polls the DashboardSource on the aggrate timer and keeps what the screen needs: the latest
 * snapshot and the log as batches for <Static>.
 *
 * Work per refresh is bounded by the screen: each poll's log lines are cut to the last
 * `maxLogLines` (with a note of how many were skipped), so a script that prints at a million
 * lines per second costs the terminal the same as one that prints ten. Lines of batches already
 * written by <Static> are released; only the (tiny) batch objects stay, because <Static> tracks
 * what it has written by array length.
 *
 * New <Static> output costs Ink a second full render of the frame (<Static> re-renders once
 * more to record what it wrote), so log lines are gathered across polls and written as one batch
 * at most once per LOG_FLUSH_MS, the first at once: a printf flood then costs the terminal one
 * extra frame a second, not one per refresh.
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

/** Log lines polled but not yet written: the newest `max` of them, and how many older were dropped. */
interface PendingLog {
  tail: string[];
  skipped: number;
  lastFlush: number;
}

/** Adds one poll's lines, keeping at most `max` (work bounded by the screen, not the flood). */
export function gather(p: { tail: string[]; skipped: number }, log: readonly string[], max: number): void {
  if (log.length === 0) return;
  const recent = log.length > max ? log.slice(log.length - max) : log;
  p.skipped += log.length - recent.length;
  let tail = p.tail.concat(recent);
  if (tail.length > max) {
    p.skipped += tail.length - max;
    tail = tail.slice(tail.length - max);
  }
  p.tail = tail;
}

/** Empties the pending lines into one batch, as trimLog would cut them (a note, then the newest). */
export function takeBatch(p: { tail: string[]; skipped: number }): string[] {
  // With lines dropped the tail is full: the note takes the place of its oldest line.
  const hidden = p.skipped + 1;
  const lines = p.skipped === 0 ? p.tail : [`[… ${hidden} line${hidden === 1 ? '' : 's'} not shown]`, ...p.tail.slice(1)];
  p.tail = [];
  p.skipped = 0;
  return lines;
}

/** The longest a log line waits before it is written above the live region. */
export const LOG_FLUSH_MS = 1000;

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
  // Lines polled but not yet written, and when the last batch went out.
  const pendingRef = useRef<PendingLog>({ tail: [], skipped: 0, lastFlush: -Infinity });

  const refresh = useCallback(() => {
    let snap: DashboardSnapshot;
    try {
      snap = source.poll();
    } catch (err) {
      errorRef.current(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    const pending = pendingRef.current;
    gather(pending, snap.log, maxRef.current);
    const now = Date.now();
    const lines = pending.tail.length > 0 && now - pending.lastFlush >= LOG_FLUSH_MS ? takeBatch(pending) : null;
    if (lines !== null) pending.lastFlush = now;
    setState((prev) => {
      if (lines === null) return { snapshot: snap, batches: prev.batches };
      // Everything before the last batch has been written above the live region.
      const last = prev.batches[prev.batches.length - 1];
      for (const b of prev.batches) if (b !== last) b.lines = [];
      const batch: LogBatch = { id: prev.batches.length, lines };
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
