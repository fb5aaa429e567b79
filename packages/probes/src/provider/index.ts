/*
 * The provider API: what instrumented code imports. It loads no compiler (no chevrotain), so an
 * application can carry probes at no cost; `@zsdtrace/probes/provider` is its subpath export.
 */

export { Probe } from './probe.js';
export type { ProbeArg, ProbeHandler } from './probe.js';
export { Provider } from './provider.js';
export { ProbeRegistry } from './registry.js';
export type { ProbeFactory } from './registry.js';
export {
  parseProbeDescription,
  formatProbeDescription,
  globMatch,
  isGlob,
  matchProbe,
} from './description.js';
export type { ProbeDescription, ProbeNames } from './description.js';
export type { Host, ThreadInfo, StackFrame } from './host.js';
export { createNodeHost } from './node-host.js';
