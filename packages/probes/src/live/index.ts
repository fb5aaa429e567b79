/*
 * What zsdtrace's side of live tracing needs from the target side: the wire (messages and
 * their encoding) and the node provider's declarations. The agent itself is bundled apart.
 */

export { encode, LineDecoder } from './wire.js';
export type { AgentMessage, ConsumerMessage, Counters, HttpSpanEvent, ListedProbe, LiveConfig } from './wire.js';
export { NODE_PROBES, nodeTypes } from './node-types.js';
