/*
 * The trace command's consumer: dtrace's text, or NDJSON with --format json, built from the
 * program's resolved options (the same strsize, quiet and flowindent the runtime uses).
 */

import { JsonConsumer, TextConsumer, type Consumer, type ProgramOptions } from '@zsdtrace/probes';
import { PROGNAME } from '../../io.js';

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
  // Folded stacks are a live-tracing output; the simulated kernel's runs print text for it.
  return format === 'json' ? new JsonConsumer(common) : new TextConsumer(common);
}
