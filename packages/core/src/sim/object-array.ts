/*
 * An empty array already in the elements kind of an array of objects. `[]` starts as an array of
 * small integers and changes kind at its first object: code compiled while an earlier engine of
 * the same process ran sees only the object kind and is deoptimised by the next engine's fresh
 * `[]`. Long-lived object arrays the scheduler reads on every step start in their final kind.
 */
export function objectArray<T extends object>(): T[] {
  const a: (T | null)[] = [null];
  a.pop();
  return a as T[];
}
