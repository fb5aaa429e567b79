/*
 * Progress of `zsdtrace verify` on stderr: one line rewritten in place, and only when stderr is a
 * terminal. A pipe or a file gets no progress at all: it gets the summary, on stdout.
 */

export interface Progress {
  /** `line` builds the text; it is called at most ten times a second. */
  update(line: () => string, force?: boolean): void;
  /** Clears the live line before the summary is printed. */
  finish(): void;
}

export function createProgress(stderr: NodeJS.WritableStream, now: () => number = Date.now): Progress {
  const tty = (stderr as { isTTY?: boolean }).isTTY === true;
  let lastDraw = -Infinity;
  let drawn = false;
  return {
    update(line, force = false) {
      if (!tty) return;
      const t = now();
      if (!force && t - lastDraw < 100) return;
      lastDraw = t;
      drawn = true;
      stderr.write(`\r\x1b[K${line()}`);
    },
    finish() {
      if (tty && drawn) stderr.write('\r\x1b[K');
    },
  };
}

/** The seeds line: `verify: 1200/10000 seeds (12%), 4.1 s`. */
export function seedsLine(done: number, total: number, secs: number): string {
  const pct = total === 0 ? 100 : Math.floor((done * 100) / total);
  return `verify: ${done}/${total} seeds (${pct}%), ${secs.toFixed(1)} s`;
}
