/*
 * The service's request handling, independent of the transport: a method, a URL and a body in,
 * a status and a body out. node:http calls it through server.ts; the benchmark calls it directly.
 *
 *   GET  /health              200 "ok"
 *   GET  /users               200 every user
 *   GET  /users/:id           200 the user, 404 if there is none
 *   GET  /users/:id/orders    200 the user's orders, 404 if there is no such user
 *   POST /orders              201 the new order; 400 unless the body is {"user","item","total"}
 *   anything else             404, or 405 for a known path with another method
 *
 * Probe sites: app:::request-start when a request arrives, app:::request-done when its response
 * is ready (url, status, latency in ns). Each is `if (p.enabled) p.fire(…)`; the clock is read
 * only when request-done is enabled. Must not do I/O.
 */

import type { Probe } from '@zsdtrace/probes/provider';
import { SQL, type Database, type Order, type User } from './db.js';
import { nowNs, type AppProbes } from './probes.js';

export interface AppResponse {
  readonly status: number;
  readonly body: string;
}

export interface App {
  handle(method: string, url: string, body?: string): AppResponse;
}

const json = (status: number, value: unknown): AppResponse => ({ status, body: JSON.stringify(value) });
const error = (status: number, message: string): AppResponse => json(status, { error: message });

export function createApp(db: Database, probes: AppProbes): App {
  return new RequestHandler(db, probes);
}

class RequestHandler implements App {
  private readonly start: Probe;
  private readonly done: Probe;

  constructor(
    private readonly db: Database,
    probes: AppProbes,
  ) {
    this.start = probes.requestStart;
    this.done = probes.requestDone;
  }

  handle(method: string, url: string, body = ''): AppResponse {
    if (this.start.enabled) this.start.fire(method, url);
    const t0 = this.done.enabled ? nowNs() : -1;
    const res = this.route(method, url, body);
    if (this.done.enabled) this.done.fire(url, res.status, t0 < 0 ? 0 : nowNs() - t0);
    return res;
  }

  private route(method: string, url: string, body: string): AppResponse {
    const q = url.indexOf('?');
    const parts = (q < 0 ? url : url.slice(0, q)).split('/').filter((p) => p !== '');
    const [first, second, third] = parts;
    if (first === 'health' && parts.length === 1) return method === 'GET' ? { status: 200, body: 'ok' } : notAllowed();
    if (first === 'users') {
      if (method !== 'GET') return notAllowed();
      if (parts.length === 1) return json(200, this.db.query<User>(SQL.allUsers));
      const id = Number(second);
      if (!Number.isInteger(id) || parts.length > 3 || (third !== undefined && third !== 'orders')) {
        return error(404, 'not found');
      }
      const [user] = this.db.query<User>(SQL.userById, [id]);
      if (!user) return error(404, `no user ${id}`);
      if (third === undefined) return json(200, user);
      return json(200, this.db.query<Order>(SQL.ordersByUser, [id]));
    }
    if (first === 'orders' && parts.length === 1) return method === 'POST' ? this.createOrder(body) : notAllowed();
    return error(404, 'not found');
  }

  private createOrder(body: string): AppResponse {
    let input: unknown;
    try {
      input = JSON.parse(body);
    } catch {
      return error(400, 'body is not JSON');
    }
    const o = input as { user?: unknown; item?: unknown; total?: unknown } | null;
    if (!o || typeof o.user !== 'number' || typeof o.item !== 'string' || typeof o.total !== 'number') {
      return error(400, 'expected {"user": number, "item": string, "total": number}');
    }
    const [user] = this.db.query<User>(SQL.userById, [o.user]);
    if (!user) return error(404, `no user ${o.user}`);
    const [order] = this.db.query<Order>(SQL.insertOrder, [o.user, o.item, o.total]);
    return json(201, order);
  }
}

function notAllowed(): AppResponse {
  return error(405, 'method not allowed');
}
