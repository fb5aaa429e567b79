/*
 * `zsdtrace --otlp` end to end: the real CLI exports a run to a real OTLP/HTTP receiver on
 * 127.0.0.1 in both protocols; the spans agree with what a D script counts and times in the same
 * run; a collector that is down loses no D output and is reported.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { closedPortUrl, startReceiver, type Receiver } from '../packages/cli/test/otlp/receiver.js';
import { runCli } from './lib/run-cli.js';

const script = `
sdt:::zsd-create-start, sdt:::zsd-shutdown-start, sdt:::zsd-destroy-start
{
	@["starts"] = count();
	printf("cb %s %d\\n", probename, timestamp);
}
END { printa("starts=%@d\\n", @); }
`;

interface Cb {
  kind: string;
  t: bigint;
}

function callbacksFromD(stdout: string): Cb[] {
  return [...stdout.matchAll(/^cb zsd-(\w+)-start (\d+)$/gm)].map((m) => ({ kind: m[1]!, t: BigInt(m[2]!) }));
}

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe('zsdtrace --otlp', () => {
  it.each(['protobuf', 'json'] as const)('exports one span per callback (%s), timed like the D script sees it', async (protocol) => {
    receiver = await startReceiver();
    const r = await runCli(['-q', '-c', 's4', '--seed', '3', '--otlp', receiver.url, '--otlp-protocol', protocol, '-n', script], {
      env: { OTEL_SERVICE_NAME: 'zsd-test', OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=ci' },
    });
    expect(r.status).toBe(0);
    const counted = Number(/starts=(\d+)/.exec(r.stdout)?.[1]);
    const fromD = callbacksFromD(r.stdout);
    expect(counted).toBeGreaterThan(0);
    expect(fromD).toHaveLength(counted);

    const callbackSpans = receiver.spans.filter((s) => /^zsd\.(create|shutdown|destroy)$/.test(s.name));
    expect(callbackSpans).toHaveLength(counted);
    for (const kind of ['create', 'shutdown', 'destroy']) {
      expect(callbackSpans.filter((s) => s.name === `zsd.${kind}`)).toHaveLength(fromD.filter((c) => c.kind === kind).length);
    }

    // Virtual time maps onto the wall clock by one offset: the spans' start times and the D
    // script's timestamps for the same callbacks differ by the same amount.
    const spanStarts = callbackSpans.map((s) => s.start).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const dTimes = fromD.map((c) => c.t).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const offset = spanStarts[0]! - dTimes[0]!;
    expect(spanStarts.map((s) => s - offset)).toEqual(dTimes);

    // Every callback span hangs under an operation span of the same trace.
    const byId = new Map(receiver.spans.map((s) => [s.spanId, s]));
    for (const s of callbackSpans) {
      const parent = byId.get(s.parentSpanId);
      expect(parent).toBeDefined();
      expect(parent!.traceId).toBe(s.traceId);
      expect(typeof s.attributes['zone.id']).toBe('number');
      expect(typeof s.attributes['zsd.key']).toBe('number');
    }
    const ops = new Set(receiver.spans.filter((s) => s.parentSpanId === '').map((s) => s.name));
    expect([...ops].some((n) => n === 'zone_key_delete' || n === 'zone_destroy')).toBe(true);
    const resource = receiver.spans[0]!.resource;
    expect(resource['service.name']).toBe('zsd-test');
    expect(resource['deployment.environment']).toBe('ci');
    expect(r.stderr).toMatch(/zsdtrace: otlp: \d+ spans exported to /);
  });

  it('keeps the D output and reports the undelivered spans when the collector is down', async () => {
    const url = await closedPortUrl();
    const r = await runCli(['-q', '-c', 's3', '--otlp', url, '--otlp-timeout', '2s', '-n', script], { timeoutMs: 30_000 });
    expect(r.status).toBe(0);
    const counted = Number(/starts=(\d+)/.exec(r.stdout)?.[1]);
    expect(counted).toBeGreaterThan(0);
    expect(callbacksFromD(r.stdout)).toHaveLength(counted);
    expect(r.stderr).toMatch(/otlp: .*(failed|not delivered|ECONNREFUSED)/i);
  });

  it('reports a collector that answers 503 and still finishes', async () => {
    receiver = await startReceiver({ status: 503, headers: { 'retry-after': '0' } });
    const r = await runCli(['-q', '-c', 's3', '--otlp', receiver.url, '--otlp-timeout', '3s', '-n', script], { timeoutMs: 40_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/starts=\d+/);
    expect(r.stderr).toMatch(/503/);
  });
});
