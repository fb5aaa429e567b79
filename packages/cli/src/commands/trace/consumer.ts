/*
 * The trace command's consumer: dtrace's text or NDJSON (--format json) as the handle's
 * createConsumer() builds them, or folded stacks (--format folded) over the same options.
 */

import { consumerOptions, createConsumer, type Consumer, type ProgramOptions } from '@zsdtrace/probes';
import { PROGNAME } from '../../io.js';
import { FoldedConsumer } from './live/folded.js';

export function makeConsumer(
  format: 'text' | 'json' | 'folded',
  options: ProgramOptions,
  out: (s: string) => void,
  err: (s: string) => void,
): Consumer {
  const io = { out, err, progname: PROGNAME };
  return format === 'folded' ? new FoldedConsumer(consumerOptions(options, io), out) : createConsumer(format, options, io);
}
