/*
 * The dashboard: header, one panel per aggregation, the engine's state and a key line, with the
 * printf/trace log written above them. It renders from the latest snapshot only; the snapshot
 * changes on the aggrate timer (use-snapshots), so output volume follows the refresh rate and
 * never the firing rate.
 *
 * Ending: q or a first Ctrl-C asks the source to quit and unmounts; a second Ctrl-C before the
 * unmount has completed asks it to abort. A snapshot marked done keeps the screen (and the
 * timer, which costs little) so the final numbers can be read until the user quits.
 */

import { Box, Text, useApp } from 'ink';
import { useCallback, useReducer, useRef, useState, type ReactElement } from 'react';
import type { DashboardSource } from './source.js';
import { AggPanel, tableView } from './AggPanel.js';
import { EnginePanel } from './EnginePanel.js';
import { Header } from './Header.js';
import { HelpOverlay } from './HelpOverlay.js';
import { HistogramPanel, histogramView } from './HistogramPanel.js';
import { LogPanel } from './LogPanel.js';
import type { KeyIntent } from './key-map.js';
import {
  FOOTER_LINES,
  HEADER_LINES,
  MIN_COLUMNS,
  MIN_ROWS,
  engineLines,
  logLines,
  planPanels,
  tooSmall,
} from './layout.js';
import { desiredLines, isHistogram, maxScroll } from './panel-kind.js';
import { initialUiState, uiReducer } from './ui-state.js';
import { useKeys } from './use-keys.js';
import { useSnapshots } from './use-snapshots.js';
import { useTerminalSize } from './use-terminal-size.js';
import { useTone } from './theme.js';

export interface AppProps {
  readonly source: DashboardSource;
  /** Refreshes per second. */
  readonly aggrateHz: number;
}

export function App({ source, aggrateHz }: AppProps): ReactElement {
  const { exit } = useApp();
  const tone = useTone();
  const { columns, rows } = useTerminalSize();
  const [ui, dispatch] = useReducer(uiReducer, initialUiState);
  const [stopping, setStopping] = useState(false);
  const interrupts = useRef(0);
  const hz = aggrateHz > 0 ? aggrateHz : 4;
  const onError = useCallback((err: Error) => exit(err), [exit]);
  const feed = useSnapshots(source, Math.max(10, Math.round(1000 / hz)), logLines(rows, true), onError);
  const snap = feed.snapshot;
  const aggs = snap?.aggs ?? [];
  const focus = aggs.length === 0 ? 0 : Math.min(ui.focus, aggs.length - 1);
  // The pause last asked for, so that two quick presses of p toggle twice.
  const paused = useRef<boolean | null>(null);
  if (snap !== null && paused.current === null) paused.current = snap.paused;

  // The screen plan: the log's lines stay free above; the live region stays below the height.
  const hasLog = feed.batches.length > 0;
  const engineH = engineLines(rows, snap?.engine != null);
  const live = rows - logLines(rows, hasLog) - 1;
  const panelsH = Math.max(0, live - HEADER_LINES - FOOTER_LINES - engineH);
  const plan = planPanels(aggs.map(desiredLines), panelsH, focus);
  const focusedAgg = aggs[focus];
  const focusedHeight = plan.heights[focus - plan.first] ?? 0;

  const onIntent = (intent: KeyIntent): void => {
    const scrollBy = (rowsDown: number): void => {
      if (focusedAgg === undefined) return;
      // Panels anchored at their tail (dtrace's ascending value order) scroll up into the list.
      const tail = ui.sort === 'value' && !(isHistogram(focusedAgg) && focusedAgg.keyTypes.length === 0);
      const max = maxScroll(focusedAgg, focusedHeight);
      dispatch({ kind: 'scroll', aggId: focusedAgg.id, delta: tail ? -rowsDown : rowsDown, max });
    };
    switch (intent) {
      case 'interrupt':
      case 'abort': {
        // The first Ctrl-C is a quit; one more before the unmount completes is an abort.
        const first = interrupts.current === 0;
        interrupts.current += intent === 'abort' ? 2 : 1;
        if (first && !stopping) source.quit();
        if (interrupts.current >= 2) source.abort();
        setStopping(true);
        exit();
        return;
      }
      case 'quit':
        if (stopping) return;
        setStopping(true);
        source.quit();
        exit();
        return;
      case 'pause':
        paused.current = !(paused.current ?? snap?.paused ?? false);
        source.pause(paused.current);
        feed.refresh();
        return;
      case 'clear':
        source.clear();
        dispatch({ kind: 'reset-scroll' });
        feed.refresh();
        return;
      case 'sort':
        dispatch({ kind: 'sort' });
        return;
      case 'focus-next':
      case 'focus-prev':
        dispatch({ kind: 'focus', delta: intent === 'focus-next' ? 1 : -1, panels: aggs.length });
        return;
      case 'up':
        scrollBy(-1);
        return;
      case 'down':
        scrollBy(1);
        return;
      case 'page-up':
        scrollBy(-Math.max(1, focusedHeight - 2));
        return;
      case 'page-down':
        scrollBy(Math.max(1, focusedHeight - 2));
        return;
      case 'home':
        if (focusedAgg !== undefined) dispatch({ kind: 'scroll-home', aggId: focusedAgg.id });
        return;
      case 'help':
        dispatch({ kind: 'help' });
        return;
      case 'close':
        dispatch({ kind: 'help', open: false });
        return;
    }
  };
  useKeys(onIntent);

  if (tooSmall(columns, rows)) {
    return (
      <Box flexDirection="column">
        <Text wrap="truncate" color={tone('warn')}>
          {`zsdtrace: terminal too small (${columns}x${rows})`}
        </Text>
        <Text wrap="truncate">{`the dashboard needs ${MIN_COLUMNS}x${MIN_ROWS}`}</Text>
        <Text wrap="truncate">{'enlarge the window, or press q to quit'}</Text>
      </Box>
    );
  }

  return (
    <>
      <LogPanel batches={feed.batches} />
      <Box flexDirection="column" width={columns}>
        <Header info={source.info} snapshot={snap} stopping={stopping} />
        {ui.help ? (
          <HelpOverlay height={panelsH} />
        ) : (
          <Box flexDirection="column" overflow="hidden">
            {aggs.length === 0 && snap !== null && <Text color={tone('dim')}>{'  no aggregations yet'}</Text>}
            {plan.heights.map((height, k) => {
              const i = plan.first + k;
              const agg = aggs[i];
              if (agg === undefined) return null;
              const input = { agg, width: columns, height, sort: ui.sort, scroll: ui.scroll[agg.id] ?? 0 };
              // Views are computed here so that no panel receives a whole aggregation as a prop.
              return isHistogram(agg) ? (
                <HistogramPanel key={agg.id} view={histogramView(input)} focused={i === focus} />
              ) : (
                <AggPanel key={agg.id} view={tableView(input)} focused={i === focus} />
              );
            })}
            {plan.hiddenAfter + plan.first > 0 && (
              <Text color={tone('dim')} wrap="truncate">
                {`  ${plan.first > 0 ? `${plan.first} panel(s) above, ` : ''}${plan.hiddenAfter} below (Tab)`}
              </Text>
            )}
          </Box>
        )}
        {snap?.engine != null && engineH > 0 && <EnginePanel engine={snap.engine} virtualNs={snap.virtualNs} height={engineH} />}
        <Text wrap="truncate" color={tone('dim')}>
          {`${snap?.done === true ? 'done: ' : ''}q quit  p ${snap?.paused === true ? 'resume' : 'pause'}  c clear  s sort (${ui.sort})  Tab panel  Up/Down scroll  ? help`}
        </Text>
      </Box>
    </>
  );
}
