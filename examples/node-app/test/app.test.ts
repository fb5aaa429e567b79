/*
 * The request handler without HTTP: every route's status, and the probes it fires, seen through
 * handlers installed on the registry directly (no D involved).
 */

import { describe, expect, it } from 'vitest';
import { ProbeRegistry } from '@zsdtrace/probes/provider';
import { createApp } from '../src/app.js';
import { Database, SQL } from '../src/db.js';
import { declareAppProbes } from '../src/probes.js';

function service() {
  const registry = new ProbeRegistry();
  const probes = declareAppProbes(registry);
  return { registry, probes, app: createApp(new Database(probes), probes) };
}

describe('node-app request handler', () => {
  it('answers every route with its status', () => {
    const { app } = service();
    const status = (method: string, url: string, body?: string): number => app.handle(method, url, body).status;
    expect(status('GET', '/health')).toBe(200);
    expect(status('GET', '/users')).toBe(200);
    expect(status('GET', '/users/3')).toBe(200);
    expect(status('GET', '/users/3/orders?limit=1')).toBe(200);
    expect(status('GET', '/users/77')).toBe(404);
    expect(status('GET', '/users/x')).toBe(404);
    expect(status('GET', '/users/3/friends')).toBe(404);
    expect(status('PUT', '/users')).toBe(405);
    expect(status('GET', '/orders')).toBe(405);
    expect(status('POST', '/orders', '{"user": 3, "item": "lamp", "total": 30}')).toBe(201);
    expect(status('POST', '/orders', 'not json')).toBe(400);
    expect(status('POST', '/orders', '{"user": 3}')).toBe(400);
    expect(status('POST', '/orders', '{"user": 99, "item": "lamp", "total": 30}')).toBe(404);
  });

  it('stores an order so that the user\'s orders list it', () => {
    const { app } = service();
    const before = JSON.parse(app.handle('GET', '/users/2/orders').body) as unknown[];
    const created = JSON.parse(app.handle('POST', '/orders', '{"user": 2, "item": "desk", "total": 120}').body) as { item: string };
    const after = JSON.parse(app.handle('GET', '/users/2/orders').body) as { item: string }[];
    expect(created.item).toBe('desk');
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)?.item).toBe('desk');
  });

  it('fires request-start, the queries and request-done in order with their arguments', () => {
    const { registry, probes, app } = service();
    const seen: unknown[][] = [];
    registry.enable(probes.requestStart, (...a) => seen.push(['start', a[0], a[1]]));
    registry.enable(probes.query, (...a) => seen.push(['query', a[0], a[1], typeof a[2]]));
    registry.enable(probes.requestDone, (...a) => seen.push(['done', a[0], a[1], (a[2] as number) > 0]));
    app.handle('GET', '/users/1/orders');
    expect(seen).toEqual([
      ['start', 'GET', '/users/1/orders'],
      ['query', SQL.userById, 1, 'number'],
      ['query', SQL.ordersByUser, 2, 'number'],
      ['done', '/users/1/orders', 200, true],
    ]);
  });
});
