/*
 * How many bytes a clause's records take in a trace buffer, shared by the runtime (which charges
 * them against bufsize and specsize) and the code generator (which knows them ahead, for
 * speculate() and dtrace_go's checks). The layout follows dtrace's: a 12-byte record header
 * (enabled probe id and timestamp), then each recorded value at its natural alignment — an
 * integer at its size, a string its whole strsize, anything else 8 bytes — and the whole rounded
 * up to 8. A printf() records its arguments, not its format.
 */

export const RECORD_HEADER = 12;

/** Bytes of a clause whose recorded values have these sizes. */
export function recordBytes(sizes: readonly number[]): number {
  let at = RECORD_HEADER;
  for (const s of sizes) {
    const align = s === 1 || s === 2 || s === 4 || s === 8 ? s : 1;
    at = Math.ceil(at / align) * align + s;
  }
  return Math.ceil(at / 8) * 8;
}
