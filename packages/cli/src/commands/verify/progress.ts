/*
 * Progress of `zsdtrace verify` on stderr: one line rewritten in place when stderr is a terminal,
 * otherwise a line each time another tenth of the seeds is done (logs stay short and readable).
 */

export interface Progress {
  update(done: number, total: number): void;
  /** Clears the live line (terminal) before the summary is printed. */
  finish(): void;
}

export function createProgress(stderr: NodeJS.WritableStream, now: () => number = Date.now): Progress {
  const tty = (stderr as { isTTY?: boolean }).isTTY === true;
  const started = now();
  let lastTenth = 0;
  let lastDraw = 0;
  let drawn = false;
  const line = (done: number, total: number): string => {
    const pct = total === 0 ? 100 : Math.floor((done * 100) / total);
    const secs = (now() - started) / 1000;
    return `verify: ${done}/${total} seeds (${pct}%), ${secs.toFixed(1)} s`;
  };
  return {
    update(done, total) {
      if (tty) {
        const t = now();
        if (done < total && t - lastDraw < 100) return;
        lastDraw = t;
        drawn = true;
        stderr.write(`\r\x1b[K${line(done, total)}`);
        return;
      }
      const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stderr.write(`${line(done, total)}\n`);
      }
    },
    finish() {
      if (tty && drawn) stderr.write('\r\x1b[K');
    },
  };
}
