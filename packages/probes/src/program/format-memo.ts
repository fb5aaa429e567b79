/*
 * A memo over printf-parse.ts's parseFormat for the compiler: a script checks and generates
 * the same few format strings in many clauses, and both sema-actions.ts and codegen.ts parse
 * each one. Input: a format string; output: the same parse result as parseFormat, shared
 * between callers, so callers must only read it. It must not be used by the consumer, whose
 * formats come from the program and are parsed once anyway.
 */

import { parseFormat, type FormatError, type ParsedFormat } from '../consumer/printf-parse.js';

const memo = new Map<string, ParsedFormat | FormatError>();
const LIMIT = 1024;

export function parseFormatShared(fmt: string): ParsedFormat | FormatError {
  let parsed = memo.get(fmt);
  if (parsed === undefined) {
    parsed = parseFormat(fmt);
    // Bounded: a long-lived process compiling many programs keeps only recent formats.
    if (memo.size >= LIMIT) memo.clear();
    memo.set(fmt, parsed);
  }
  return parsed;
}
