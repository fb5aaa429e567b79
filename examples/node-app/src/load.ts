/*
 * A small load generator for the service: a deterministic mix of requests (every route, some
 * 404s, a 405, writes) and a client that sends a bounded number of them over HTTP with a fixed
 * number in flight. Used by `--load N`, the end-to-end test and the benchmark.
 */

export interface RequestSpec {
  readonly method: string;
  readonly path: string;
  readonly body?: string;
}

export interface Sent {
  readonly spec: RequestSpec;
  readonly status: number;
}

/** The i-th request of the mix; the mix repeats every eight requests. */
export function mixRequest(i: number): RequestSpec {
  const user = (i % 5) + 1;
  switch (i % 8) {
    case 0:
      return { method: 'GET', path: '/health' };
    case 1:
      return { method: 'GET', path: '/users' };
    case 2:
      return { method: 'GET', path: `/users/${user}` };
    case 3:
      return { method: 'GET', path: `/users/${user}/orders` };
    case 4:
      return { method: 'GET', path: '/users/999' };
    case 5:
      return { method: 'POST', path: '/orders', body: JSON.stringify({ user, item: 'widget', total: i }) };
    case 6:
      return { method: 'GET', path: '/nowhere' };
    default:
      return { method: 'DELETE', path: '/users' };
  }
}

/** The first `n` requests of the mix. */
export function requestMix(n: number): RequestSpec[] {
  return Array.from({ length: n }, (_, i) => mixRequest(i));
}

/** Sends every request to `baseUrl`, `concurrency` at a time; resolves with each status. */
export async function sendRequests(baseUrl: string, specs: readonly RequestSpec[], concurrency = 4): Promise<Sent[]> {
  const results: Sent[] = new Array(specs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < specs.length) {
      const i = next++;
      const spec = specs[i]!;
      const init: RequestInit = { method: spec.method };
      if (spec.body !== undefined) {
        init.body = spec.body;
        init.headers = { 'content-type': 'application/json' };
      }
      const res = await fetch(baseUrl + spec.path, init);
      await res.arrayBuffer();
      results[i] = { spec, status: res.status };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, specs.length)) }, worker));
  return results;
}
