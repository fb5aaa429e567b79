/*
 * A unified-style line diff of expected and actual text, for readable corpus failures.
 * Lines are shown with visible line ends (`$`) because trailing blanks matter in dtrace output
 * (the quantize `count` column is left-justified and padded). LCS over lines; the corpus' outputs
 * are small, so the quadratic table is fine, but very large inputs fall back to a plain dump.
 */

const MAX_CELLS = 4_000_000;

function show(line: string): string {
  return `${line.replace(/\t/g, '\\t')}$`;
}

export function unifiedDiff(expected: string, actual: string, label: string, context = 3): string {
  if (expected === actual) return '';
  const a = expected.split('\n');
  const b = actual.split('\n');
  const header = `--- expected ${label}\n+++ actual ${label}\n`;
  if (a.length * b.length > MAX_CELLS) {
    return `${header}${a.map((l) => `-${show(l)}`).join('\n')}\n${b.map((l) => `+${show(l)}`).join('\n')}\n`;
  }
  // lcs[i][j] = length of the LCS of a[i..] and b[j..].
  const lcs: Uint32Array[] = [];
  for (let i = 0; i <= a.length; i++) lcs.push(new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = lcs[i] as Uint32Array;
    const below = lcs[i + 1] as Uint32Array;
    for (let j = b.length - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  type Op = { readonly tag: ' ' | '-' | '+'; readonly text: string };
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ tag: ' ', text: a[i] as string });
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) {
      ops.push({ tag: '+', text: b[j] as string });
      j++;
    } else {
      ops.push({ tag: '-', text: a[i] as string });
      i++;
    }
  }
  // Keep changed lines and `context` lines around them; elide the rest.
  const keep = ops.map(() => false);
  ops.forEach((op, k) => {
    if (op.tag === ' ') return;
    for (let d = Math.max(0, k - context); d <= Math.min(ops.length - 1, k + context); d++) keep[d] = true;
  });
  const lines: string[] = [];
  let elided = false;
  ops.forEach((op, k) => {
    if (!keep[k]) {
      if (!elided) lines.push('@@ … @@');
      elided = true;
      return;
    }
    elided = false;
    lines.push(`${op.tag}${show(op.text)}`);
  });
  return `${header}${lines.join('\n')}\n`;
}
