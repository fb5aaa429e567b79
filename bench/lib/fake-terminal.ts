/*
 * An in-memory terminal for benchmarks of the dashboard: a TTY-like stdout of a fixed size that
 * counts what is written (and keeps the tail of it when asked), and a TTY-like stdin that the
 * benchmark types into.
 */

import { EventEmitter } from 'node:events';

export class FakeStdout extends EventEmitter {
  bytes = 0;
  text = '';
  readonly isTTY = true;

  constructor(
    readonly columns = 160,
    readonly rows = 50,
    private readonly keepText = false,
  ) {
    super();
  }

  write(chunk: string): boolean {
    this.bytes += chunk.length;
    if (this.keepText) this.text = (this.text + chunk).slice(-200_000);
    return true;
  }
}

export class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;

  send(data: string): void {
    this.data = data;
    this.emit('readable');
  }

  read(): string | null {
    const d = this.data;
    this.data = null;
    return d;
  }

  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}
