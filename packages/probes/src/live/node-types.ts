/*
 * The `node` provider's declarations, as Node.js's former DTrace provider (src/node_provider.d,
 * src/node.d) gave them: probe names, the translated argument types dtrace -lv showed, and the
 * members of the two translated structs. Scripts written for that provider compile against
 * these unchanged (`args[0]->url`, `args[1]->remotePort`).
 */

/** Struct members for the D compiler's type pass. */
export const nodeTypes = {
  node_http_request_t: { url: 'string', method: 'string', forwardedFor: 'string' },
  node_connection_t: { fd: 'int', remoteAddress: 'string', remotePort: 'int', bufferSize: 'int' },
} as const satisfies Record<string, Record<string, string>>;

const CONN = ['node_connection_t *', 'string', 'int', 'int'] as const;
/** The responses carry one more argument than they did in Node.js: the HTTP status (args[4]). */
const RESP = [...CONN, 'int'] as const;
const IO = ['node_connection_t *', 'int', 'string', 'int', 'int'] as const;
const REQ = ['node_http_request_t *', 'node_connection_t *', 'string', 'int', 'string', 'string', 'int'] as const;
const GC = ['int', 'int'] as const;

/** Probe name → the C++ function that fired it in Node.js, and its translated argument types. */
export const NODE_PROBES = {
  'net-server-connection': { func: 'DTRACE_NET_SERVER_CONNECTION', args: CONN },
  'net-stream-end': { func: 'DTRACE_NET_STREAM_END', args: CONN },
  'net-socket-read': { func: 'DTRACE_NET_SOCKET_READ', args: IO },
  'net-socket-write': { func: 'DTRACE_NET_SOCKET_WRITE', args: IO },
  'http-server-request': { func: 'DTRACE_HTTP_SERVER_REQUEST', args: REQ },
  'http-server-response': { func: 'DTRACE_HTTP_SERVER_RESPONSE', args: RESP },
  'http-client-request': { func: 'DTRACE_HTTP_CLIENT_REQUEST', args: REQ },
  'http-client-response': { func: 'DTRACE_HTTP_CLIENT_RESPONSE', args: RESP },
  'gc-start': { func: 'dtrace_gc_start', args: GC },
  'gc-done': { func: 'dtrace_gc_done', args: GC },
} as const;

export type NodeProbeName = keyof typeof NODE_PROBES;

/** `node_connection_t`: the socket a request or stream event concerns. */
export interface NodeConnection {
  readonly fd: number;
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly bufferSize: number;
}

/** `node_http_request_t`. */
export interface NodeHttpRequest {
  readonly url: string;
  readonly method: string;
  readonly forwardedFor: string;
}

/**
 * perf_hooks' GC kinds (NODE_PERFORMANCE_GC_*) to v8::GCType, the value the old gc-start and
 * gc-done probes passed as args[0]. The flags (args[1]) have the same values in both.
 */
export const GC_TYPE = { 1: 1, 4: 2, 8: 4, 16: 8 } as const satisfies Record<number, number>;
