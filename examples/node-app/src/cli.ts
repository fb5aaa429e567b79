/*
 * node-app's command line: flags, the service's lifetime, tracing and the interrupt.
 *
 *   node --conditions=source --import tsx src/main.ts [--port N] [--host H] [--trace script.d]
 *        [--load N]
 *
 * With a script (--trace, or TRACE='app:::request-done { @[args[1]] = count(); }') the service
 * traces itself: dtrace's output goes to stdout, messages (the listening address, compile errors,
 * faults) to stderr. The first SIGINT stops tracing, prints the aggregations as dtrace does at
 * exit, closes the server and exits; so does the script's exit(), with its status. `--load N`
 * sends N requests of a fixed mix to the service itself, then stops the same way (a demo that
 * needs no second terminal).
 */

import { parseArgs } from 'node:util';
import { DCompileError, type Tracer } from '@zsdtrace/probes';
import { requestMix, sendRequests } from './load.js';
import { startService } from './server.js';
import { traceScript, traceService } from './trace.js';

const USAGE = 'usage: node-app [--port N] [--host H] [--trace script.d] [--load N]\n';

export async function main(argv: readonly string[]): Promise<number> {
  let values: { port?: string; host?: string; trace?: string; load?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { port: { type: 'string' }, host: { type: 'string' }, trace: { type: 'string' }, load: { type: 'string' } },
    }));
  } catch (e) {
    process.stderr.write(`node-app: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const port = Number(values.port ?? 0);
  const load = values.load === undefined ? 0 : Number(values.load);
  if (!Number.isInteger(port) || port < 0 || !Number.isInteger(load) || load < 0) {
    process.stderr.write(USAGE);
    return 2;
  }

  let script;
  try {
    script = traceScript(values.trace, process.env);
  } catch (e) {
    process.stderr.write(`node-app: cannot read ${values.trace}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 1;
  }

  const service = await startService({ port, ...(values.host ? { host: values.host } : {}) });
  let finish: (status: number) => void = () => {};
  const finished = new Promise<number>((resolve) => (finish = resolve));

  let tracer: Tracer | null = null;
  if (script) {
    try {
      tracer = traceService(service.registry, script, {
        out: (s) => void process.stdout.write(s),
        err: (s) => void process.stderr.write(s),
        onExit: (status) => finish(status),
      });
    } catch (e) {
      await service.close();
      if (e instanceof DCompileError) {
        process.stderr.write(`${e.message}\n`);
        return 1;
      }
      throw e;
    }
  }
  process.stderr.write(`node-app: listening on ${service.url}\n`);
  process.once('SIGINT', () => finish(0));

  if (load > 0) {
    void sendRequests(service.url, requestMix(load)).then(
      () => finish(0),
      (e: unknown) => {
        process.stderr.write(`node-app: load failed: ${(e as Error).message}\n`);
        finish(1);
      },
    );
  }

  const status = await finished;
  // Tracing stops first, so requests still in flight are not counted after the output.
  tracer?.stop();
  await service.close();
  return tracer?.exited ? tracer.exitStatus : status;
}
