/*
 * The consumer a tracing run prints with, made from the program's resolved options (the same
 * strsize, quiet, flowindent and droptags the runtime uses), so that every caller of the handle
 * (the CLI, the script tracer) builds it the same way: dtrace's text, or NDJSON. A caller with
 * a consumer of its own (the CLI's folded stacks) starts from consumerOptions().
 */

import { JsonConsumer } from '../consumer/json-consumer.js';
import { TextConsumer, type TextConsumerOptions } from '../consumer/text-consumer.js';
import type { ProgramOptions } from '../program/options.js';
import type { Consumer } from '../program/value-model.js';

export type ConsumerFormat = 'text' | 'json';

export interface ConsumerOutput {
  /** Receives the output (text, or one JSON line per object). */
  readonly out: (s: string) => void;
  /** Receives messages (`zsdtrace: …`). */
  readonly err: (s: string) => void;
  /** The prefix of messages. */
  readonly progname: string;
}

/** The text consumer's options (a superset of the JSON consumer's) for a program's options. */
export function consumerOptions(options: ProgramOptions, io: ConsumerOutput): TextConsumerOptions {
  return {
    out: io.out,
    err: io.err,
    quiet: options.quiet,
    flowindent: options.flowindent,
    progname: io.progname,
    droptags: options.droptags,
    strsize: options.strsize,
    options,
  };
}

/** The text or JSON consumer for a program's options. */
export function createConsumer(format: 'text', options: ProgramOptions, io: ConsumerOutput): TextConsumer;
export function createConsumer(format: 'json', options: ProgramOptions, io: ConsumerOutput): JsonConsumer;
export function createConsumer(format: ConsumerFormat, options: ProgramOptions, io: ConsumerOutput): Consumer;
export function createConsumer(format: ConsumerFormat, options: ProgramOptions, io: ConsumerOutput): Consumer {
  const opts = consumerOptions(options, io);
  return format === 'json' ? new JsonConsumer(opts) : new TextConsumer(opts);
}
