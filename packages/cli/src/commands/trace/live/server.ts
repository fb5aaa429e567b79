/*
 * zsdtrace's end of the wire: a Unix socket in a private directory that every agent of the run
 * connects to (a `-c` child writes on the pipe it inherited instead), each connection decoded
 * into messages for the session. Removing the directory is the server's last act.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode, LineDecoder, type AgentMessage, type ConsumerMessage } from '@zsdtrace/probes';

/** One agent's connection. */
export class AgentConnection {
  /** The target's pid, once its hello arrived. */
  pid = 0;
  closed = false;

  constructor(
    private readonly socket: Socket,
    onMessage: (c: AgentConnection, m: AgentMessage) => void,
    onClose: (c: AgentConnection) => void,
  ) {
    const decoder = new LineDecoder<AgentMessage>((m) => {
      if (m.t === 'hello') this.pid = m.pid;
      onMessage(this, m);
    });
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => decoder.push(d));
    socket.on('error', () => {});
    socket.on('close', () => {
      this.closed = true;
      onClose(this);
    });
  }

  send(m: ConsumerMessage): void {
    if (!this.closed) this.socket.write(encode(m));
  }

  close(): void {
    this.socket.destroy();
  }
}

export class LiveServer {
  readonly path: string;
  private readonly dir: string;
  private readonly server: Server;
  readonly connections = new Set<AgentConnection>();

  private constructor(
    private readonly onMessage: (c: AgentConnection, m: AgentMessage) => void,
    private readonly onClose: (c: AgentConnection) => void,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), 'zsdtrace-'));
    this.path = join(this.dir, 'agent.sock');
    this.server = createServer((s) => this.adopt(s));
  }

  static async start(onMessage: (c: AgentConnection, m: AgentMessage) => void, onClose: (c: AgentConnection) => void): Promise<LiveServer> {
    const s = new LiveServer(onMessage, onClose);
    await new Promise<void>((resolve, reject) => {
      s.server.once('error', reject);
      s.server.listen(s.path, () => resolve());
    });
    return s;
  }

  /** Takes a connected socket (the pipe a `-c` child inherits) as one more agent connection. */
  adopt(socket: Socket): AgentConnection {
    const c = new AgentConnection(socket, this.onMessage, (x) => {
      this.connections.delete(x);
      this.onClose(x);
    });
    this.connections.add(c);
    return c;
  }

  /** A file in the server's private directory (the `-c` configuration). */
  file(name: string): string {
    return join(this.dir, name);
  }

  close(): void {
    for (const c of this.connections) c.close();
    this.server.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
