/*
 * A fake in-memory database: two tables (users, orders) and the handful of SQL statements the
 * service runs, each implemented by a function over the tables. It exists so that the `query`
 * probe has something real-looking to report: the statement text, the number of rows and the
 * time the statement took.
 *
 * The statement text is a constant, so firing the probe builds nothing; the clock is read only
 * when the probe is enabled. Must not know anything about HTTP.
 */

import type { Probe } from '@zsdtrace/probes/provider';
import { nowNs, type AppProbes } from './probes.js';

export type Value = string | number;

export interface User {
  readonly id: number;
  readonly name: string;
  readonly email: string;
}

export interface Order {
  readonly id: number;
  readonly userId: number;
  readonly item: string;
  readonly total: number;
}

/** The statements the service runs; their text is what `app:::query` reports as args[0]. */
export const SQL = {
  allUsers: 'SELECT id, name, email FROM users',
  userById: 'SELECT id, name, email FROM users WHERE id = ?',
  ordersByUser: 'SELECT id, item, total FROM orders WHERE user_id = ?',
  insertOrder: 'INSERT INTO orders (user_id, item, total) VALUES (?, ?, ?)',
} as const;

export type Statement = (typeof SQL)[keyof typeof SQL];

type Executor = (db: Tables, params: readonly Value[]) => readonly object[];

interface Tables {
  readonly users: Map<number, User>;
  readonly orders: Order[];
  nextOrderId: number;
}

const EXECUTORS: Readonly<Record<Statement, Executor>> = {
  [SQL.allUsers]: (t) => [...t.users.values()],
  [SQL.userById]: (t, [id]) => {
    const u = t.users.get(Number(id));
    return u ? [u] : [];
  },
  [SQL.ordersByUser]: (t, [id]) => t.orders.filter((o) => o.userId === Number(id)),
  [SQL.insertOrder]: (t, [userId, item, total]) => {
    const order: Order = { id: t.nextOrderId++, userId: Number(userId), item: String(item), total: Number(total) };
    t.orders.push(order);
    return [order];
  },
};

const NAMES = ['ada', 'brian', 'cleo', 'dmitri', 'edsger', 'frances', 'grace', 'hal'] as const;
const ITEMS = ['keyboard', 'monitor', 'cable', 'lamp'] as const;

export class Database {
  private readonly tables: Tables;
  /** app:::query, kept on the instance so the probe site is one load and a branch. */
  private readonly probe: Probe;

  /** A database seeded with `users` users and two orders each. */
  constructor(probes: AppProbes, users: number = NAMES.length) {
    this.probe = probes.query;
    const t: Tables = { users: new Map(), orders: [], nextOrderId: 1 };
    for (let id = 1; id <= users; id++) {
      const name = NAMES[(id - 1) % NAMES.length]!;
      t.users.set(id, { id, name, email: `${name}@example.org` });
      for (let k = 0; k < 2; k++) {
        const item = ITEMS[(id + k) % ITEMS.length]!;
        t.orders.push({ id: t.nextOrderId++, userId: id, item, total: 10 * id + k });
      }
    }
    this.tables = t;
  }

  /** Runs one statement; fires app:::query with its text, row count and latency. */
  query<R extends object>(sql: Statement, params: readonly Value[] = []): readonly R[] {
    const t0 = this.probe.enabled ? nowNs() : -1;
    const rows = EXECUTORS[sql](this.tables, params) as readonly R[];
    if (this.probe.enabled) this.probe.fire(sql, rows.length, t0 < 0 ? 0 : nowNs() - t0);
    return rows;
  }
}
