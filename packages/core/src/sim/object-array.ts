/*
 * An empty array already in the elements kind of an array of objects. `[]` starts as an array of
 * small integers and changes kind at its first object: code compiled while an earlier engine of
 * the same process ran sees only the object kind and is deoptimised by the next engine's fresh
 * `[]`. Long-lived object arrays the scheduler reads on every step, and the per-object lists of
 * waiters and held locks, start in their final kind.
 *
 * Each is a copy of one empty array of that kind, never written, rather than an array literal
 * emptied: a literal here would be a single allocation site shared by every such list, and V8
 * decides from the survival of a site's objects whether to allocate them old; as the mix of
 * short- and long-lived lists changes over a run the decision flips, and each flip deoptimises
 * every function that inlined the allocation (thread creation, zone configuration, entries).
 */
const EMPTY: readonly object[] = (() => {
  const a: (object | null)[] = [null];
  a.pop();
  return a as object[];
})();

export function objectArray<T extends object>(): T[] {
  return EMPTY.slice() as T[];
}
