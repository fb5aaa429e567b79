/*
 * Tables looked up by a name the user wrote (a D function, variable, option, unit, workload,
 * parameter …). A plain object literal answers `constructor`, `toString`, `__proto__` and the
 * rest of Object.prototype, so such a lookup would find JavaScript instead of "not defined".
 * Every user-facing table is built here, without a prototype, and read through `lookup`, which
 * also refuses inherited keys if a caller hands it an ordinary object.
 */

/** A frozen copy of `entries` with no prototype: only its own keys exist. */
export function nameTable<T extends object>(entries: T): Readonly<T> {
  return Object.freeze(Object.assign(Object.create(null) as T, entries));
}

/** The value under `name`, only if it is the table's own key. */
export function lookup<V>(table: Readonly<Record<string, V>>, name: string): V | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** Whether `name` is one of the table's own keys. */
export function hasName(table: object, name: string): boolean {
  return Object.hasOwn(table, name);
}
