/*
 * Plain-text helpers for fixed-width screen lines: padding, truncation, counts and durations.
 * Everything here is ASCII-width arithmetic on strings; nothing knows about panels.
 */

export function padRight(s: string, width: number): string {
  if (width <= 0) return '';
  return s.length >= width ? truncate(s, width) : s + ' '.repeat(width - s.length);
}

export function padLeft(s: string, width: number): string {
  if (width <= 0) return '';
  return s.length >= width ? truncate(s, width) : ' '.repeat(width - s.length) + s;
}

/** Cuts `s` to `width` columns, marking the cut with `…`. */
export function truncate(s: string, width: number): string {
  if (width <= 0) return '';
  if (s.length <= width) return s;
  return width === 1 ? '…' : s.slice(0, width - 1) + '…';
}

/** 1234567 → "1,234,567". */
export function groupDigits(n: number): string {
  const s = Math.trunc(n).toString();
  const neg = s.startsWith('-');
  const digits = neg ? s.slice(1) : s;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return neg ? `-${grouped}` : grouped;
}

/** Wall-clock milliseconds as m:ss.s (h:mm:ss past an hour). */
export function formatWall(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}:${String(m).padStart(2, '0')}:${String(Math.floor(s)).padStart(2, '0')}`;
  return `${m}:${s.toFixed(1).padStart(4, '0')}`;
}

/** Nanoseconds with a unit that keeps three significant figures or more. */
export function formatNs(ns: number): string {
  const a = Math.abs(ns);
  if (a >= 1e9) return `${(ns / 1e9).toFixed(3)}s`;
  if (a >= 1e6) return `${(ns / 1e6).toFixed(2)}ms`;
  if (a >= 1e3) return `${(ns / 1e3).toFixed(1)}us`;
  return `${Math.trunc(ns)}ns`;
}

/** A bar of `fill` characters, `cells` long out of `width`, padded to `width`. */
export function bar(cells: number, width: number, fill: string): string {
  const n = Math.max(0, Math.min(width, cells));
  return fill.repeat(n) + ' '.repeat(Math.max(0, width - n));
}
