/*
 * The first rows of an order without sorting everything: a bounded heap over indexes.
 *
 * Input: a count n, a comparison over the indexes 0..n-1, and a window [start, start+count).
 * Output: the indexes of that window in sorted order. Cost: O(n log(start+count)) comparisons
 * and start+count slots, so a refresh of a 100,000-key aggregation showing 30 rows keeps 30
 * indexes, not 100,000. When the window is a large share of n a plain sort is cheaper and is
 * used instead. The comparison must be a total order for the result to equal a full sort's.
 */

export function selectIndices(n: number, cmp: (a: number, b: number) => number, start: number, count: number): number[] {
  const need = Math.min(n, start + count);
  if (need <= 0 || start >= n) return [];
  if (need * 4 >= n) return Array.from({ length: n }, (_, i) => i).sort(cmp).slice(start, need);
  // Max-heap of the `need` smallest indexes seen so far: the root is the one to evict.
  const heap: number[] = [];
  const at = (i: number): number => heap[i] as number;
  const swap = (i: number, j: number): void => {
    const t = at(i);
    heap[i] = at(j);
    heap[j] = t;
  };
  for (let item = 0; item < n; item++) {
    if (heap.length < need) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (cmp(at(i), at(p)) <= 0) break;
        swap(i, p);
        i = p;
      }
    } else if (cmp(item, at(0)) < 0) {
      heap[0] = item;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < need && cmp(at(l), at(m)) > 0) m = l;
        if (r < need && cmp(at(r), at(m)) > 0) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
  }
  return heap.sort(cmp).slice(start, need);
}
