/*
 * The dashboard's public surface, as the CLI uses it: the source contract, the runner, the text
 * fallback and the colour decision.
 */

export type {
  DashboardInfo,
  DashboardOptions,
  DashboardSnapshot,
  DashboardSource,
  DashboardSpans,
  EngineState,
} from './source.js';
export { runDashboard } from './run-dashboard.js';
export { colorEnabled } from './theme.js';
export { MIN_COLUMNS, MIN_ROWS } from './layout.js';
