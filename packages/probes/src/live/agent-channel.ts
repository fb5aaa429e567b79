/*
 * The agent's end of the wire. Messages are written synchronously to the socket's descriptor
 * (so that what END prints still leaves a process that is exiting), coalesced per turn of the
 * event loop; the socket never keeps the target alive. A `-c` child inherits its end as fd 3
 * and can write from its first instruction; anything else connects to zsdtrace's Unix socket.
 */

import { fstatSync, writeSync } from 'node:fs';
import { createConnection, Socket } from 'node:net';
import { encode, LineDecoder, type AgentMessage, type ConsumerMessage } from './wire.js';

/** The descriptor a `-c` child's agent inherits. */
const INHERITED_FD = 3;

export class AgentChannel {
  private pending = '';
  private fd: number | null = null;
  private readonly socket: Socket;
  private scheduled = false;
  private closed = false;
  private closing = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    path: string | null,
    onMessage: (m: ConsumerMessage) => void,
    private readonly onGone: () => void,
  ) {
    const decoder = new LineDecoder<ConsumerMessage>(onMessage);
    if (path === null) {
      this.socket = new Socket({ fd: INHERITED_FD, readable: true, writable: true });
      this.fd = INHERITED_FD;
    } else {
      this.socket = createConnection(path);
      this.socket.once('connect', () => {
        this.fd = (this.socket as unknown as { _handle?: { fd?: number } })._handle?.fd ?? null;
        if (this.closing) this.close();
        else this.flush();
      });
    }
    this.socket.setEncoding('utf8');
    this.socket.on('data', (d: string) => decoder.push(d));
    this.socket.on('error', () => this.gone());
    this.socket.on('close', () => this.gone());
    this.socket.unref();
  }

  /** True when fd 3 is a socket this process was given (a `-c` child of zsdtrace). */
  static inherited(): boolean {
    try {
      return fstatSync(INHERITED_FD).isSocket();
    } catch {
      return false;
    }
  }

  send(m: AgentMessage): void {
    if (this.closed) return;
    this.pending += encode(m);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.flush();
      }).unref();
    }
  }

  /** Writes what can be written now; the rest waits for the next turn. */
  private flush(): void {
    if (this.fd === null || this.pending === '' || this.closed) return;
    try {
      const buf = Buffer.from(this.pending);
      const n = writeSync(this.fd, buf);
      this.pending = buf.subarray(n).toString();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') {
        this.gone();
        return;
      }
    }
    if (this.pending !== '' && this.retry === null) {
      this.retry = setTimeout(() => {
        this.retry = null;
        this.flush();
      }, 1);
      this.retry.unref();
    }
  }

  /** Writes everything now, waiting on a full socket (the process is about to exit or detach). */
  flushSync(): void {
    if (this.fd === null) return;
    const buf = Buffer.from(this.pending);
    this.pending = '';
    let off = 0;
    const deadline = Date.now() + 5000;
    while (off < buf.length && !this.closed && Date.now() < deadline) {
      try {
        off += writeSync(this.fd, buf, off);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') return;
      }
    }
  }

  /** Flushes, then closes the socket (once connected, if it is not yet). */
  close(): void {
    if (this.closed) return;
    if (this.fd === null && this.socket.connecting) {
      this.closing = true;
      return;
    }
    this.flushSync();
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.socket.destroy();
  }

  private gone(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.socket.destroy();
    this.onGone();
  }
}
