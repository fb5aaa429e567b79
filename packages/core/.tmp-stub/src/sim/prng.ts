/*
 * A small seeded pseudo-random generator (mulberry32) for the scheduler and for duration ranges.
 *
 * Input: a 32-bit seed. Output: a deterministic stream. Invariant: the same seed always yields
 * the same sequence on every platform (only 32-bit integer arithmetic, no Math.random). It must
 * not be shared with anything outside one engine run, or runs stop being reproducible.
 */

export class Prng {
  private state: number;

  constructor(seed: number) {
    // Mix the seed once so that small neighbouring seeds start far apart.
    this.state = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ 0x2545f491) >>> 0;
  }

  /** A uniform 32-bit unsigned integer. */
  nextU32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return (z ^ (z >>> 14)) >>> 0;
  }

  /** A uniform integer in [0, n). */
  below(n: number): number {
    if (n <= 1) return 0;
    return this.nextU32() % n;
  }

  /** A uniform integer in [lo, hi] (inclusive). */
  between(lo: number, hi: number): number {
    if (hi <= lo) return lo;
    const span = hi - lo + 1;
    if (span <= 0x1_0000_0000) return lo + (this.nextU32() % span);
    // Wide ranges: combine two draws (still deterministic).
    return lo + Math.floor((this.nextU32() / 0x1_0000_0000) * span);
  }
}
