/*
 * Trace output held for the dashboard's log panel while the dashboard owns the screen: complete
 * lines, plus the line being written; bounded so a chatty script cannot grow it without limit.
 */

const MAX_LINES = 5000;

export class LogBuffer {
  private lines: string[] = [];
  private partial = '';

  append(text: string): void {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop()!;
    for (const p of parts) this.lines.push(p);
    if (this.lines.length > MAX_LINES) this.lines.splice(0, this.lines.length - MAX_LINES);
  }

  /** The complete lines written since the previous call. */
  drain(): string[] {
    const l = this.lines;
    this.lines = [];
    return l;
  }
}
