/*
 * The trace command's consumer: dtrace's text, or NDJSON with --format json, built from the
 * program's resolved options (the same strsize, quiet and flowindent the runtime uses).
 */

import { JsonConsumer, TextConsumer, type Consumer, type ProgramOptions } from '@zsdtrace/probes';
import { PROGNAME } from '../../io.js';
import { FoldedConsumer } from './live/folded.js';

export function makeConsumer(
  format: 'text' | 'json' | 'folded',
  options: ProgramOptions,
  out: (s: string) => void,
  err: (s: string) => void,
): Consumer {
  const common = {
    out,
    err,
    quiet: options.quiet,
    flowindent: options.flowindent,
    progname: PROGNAME,
    droptags: options.droptags,
    strsize: options.strsize,
    options,
  };
  if (format === 'json') return new JsonConsumer(common);
  return format === 'folded' ? new FoldedConsumer(common, out) : new TextConsumer(common);
}
