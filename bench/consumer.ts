/*
 * The consumer's cost per printed record: TextConsumer against hand-written formatting of the
 * same output, measured in one process (ratios carry over between machines).
 */

import { formatDistribution, quantizeBucket, TextConsumer, type Firing } from '../packages/probes/src/consumer/index.js';

type Report = (row: { name: string; value: number; unit: string; note?: string }) => void;

const N = 200_000;

function time(fn: () => void): number {
  fn(); // warm up
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export default async function (report: Report): Promise<void> {
  let sink = 0;
  const out = (s: string): void => {
    sink += s.length;
  };
  const quiet = new TextConsumer({ out, err: out, quiet: true, flowindent: false, progname: 'zsdtrace', droptags: false, strsize: 256 });
  const loud = new TextConsumer({ out, err: out, quiet: false, flowindent: false, progname: 'zsdtrace', droptags: false, strsize: 256 });
  const firings: Firing[] = [];
  for (let i = 0; i < 64; i++) {
    firings.push({
      cpu: 0, probeId: 17, provider: 'sdt', module: 'genunix', func: 'zsd_apply_create', name: 'zsd-create-start',
      records: [{
        kind: 'printf', format: '%-16s key=%d zone=%5d\n', args: [`zone${i}`, i, i * 3],
        types: [{ kind: 'string' }, { kind: 'int', size: 4, signed: true }, { kind: 'int', size: 8, signed: true }],
      }],
    });
  }
  const viaConsumer = time(() => {
    for (let i = 0; i < N; i++) quiet.firing(firings[i & 63]!);
  });
  const byHand = time(() => {
    for (let i = 0; i < N; i++) {
      const r = firings[i & 63]!.records[0]!;
      if (r.kind !== 'printf') continue;
      out(`${String(r.args[0]).padEnd(16)} key=${String(r.args[1])} zone=${String(r.args[2]).padStart(5)}\n`);
    }
  });
  const probeLines = time(() => {
    for (let i = 0; i < N; i++) loud.firing(firings[i & 63]!);
  });
  report({ name: 'printf record (quiet), TextConsumer', value: (N / viaConsumer) * 1000, unit: 'records/s' });
  report({ name: 'printf record, hand-written template', value: (N / byHand) * 1000, unit: 'records/s' });
  report({ name: 'printf record: consumer / hand-written time', value: viaConsumer / byHand, unit: 'x' });
  report({ name: 'printf record with probe line (not quiet)', value: (N / probeLines) * 1000, unit: 'records/s' });

  const counts = new Array<number>(127).fill(0);
  for (let v = 1; v < 1 << 20; v = v * 3 + 1) counts[quantizeBucket(v)] = v & 0xff;
  const tables = time(() => {
    for (let i = 0; i < 2000; i++) sink += formatDistribution(counts, undefined).length;
  });
  report({ name: 'quantize table (14 rows)', value: (2000 / tables) * 1000, unit: 'tables/s', note: `sink ${sink > 0}` });
}
