// A bounded loopback load for service.mjs: a fixed mix of requests, a few at a time.
// Usage: node load.mjs http://127.0.0.1:PORT [rounds=10] [concurrency=4]
// One round is: 4 × GET /users/:id, 2 × GET /slow, 1 × POST /orders, 1 × GET /missing,
// 1 × GET /error, 1 × GET /cpu, 1 × GET /report.

const [base, roundsArg, concArg] = process.argv.slice(2);
if (!base) {
  process.stderr.write('usage: node load.mjs http://127.0.0.1:PORT [rounds] [concurrency]\n');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 10);
const concurrency = Number(concArg ?? 4);
const ROUND = [
  ['GET', '/users/1'], ['GET', '/users/2'], ['GET', '/users/3'], ['GET', '/users/4'],
  ['GET', '/slow'], ['GET', '/slow'], ['POST', '/orders'], ['GET', '/missing'], ['GET', '/error'],
  ['GET', '/cpu?n=20'], ['GET', '/report'],
];
const queue = [];
for (let i = 0; i < rounds; i++) queue.push(...ROUND);
const statuses = {};
async function worker() {
  for (let job = queue.shift(); job; job = queue.shift()) {
    const [method, path] = job;
    const res = await fetch(base + path, { method, body: method === 'POST' ? '{}' : undefined });
    await res.arrayBuffer();
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  }
}
const t0 = performance.now();
await Promise.all(Array.from({ length: concurrency }, worker));
process.stdout.write(`${rounds * ROUND.length} requests in ${Math.round(performance.now() - t0)} ms: ${JSON.stringify(statuses)}\n`);
