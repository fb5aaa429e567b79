/*
 * The json(text, selector) subroutine: the raw text of one value inside a JSON document, as
 * dtrace's in-kernel JSON walker returns it.
 *
 * - The selector is a `.`-separated path of object keys and array indices; an index is a bare
 *   number (`0.first`) or a bracketed one (`top.array[2].bb[0]`, `[3]`).
 * - The result is the value's text exactly as written: a string without its quotes and with
 *   its escapes left as they are, a number as spelled (`16.3e10`), an object or array with its
 *   inner whitespace, `true`/`false`/`null`.
 * - The walk stops once the value has been read: malformed text after it does not matter, but
 *   malformed text before or inside it (a bad escape, `0x10`, a document cut short by strsize)
 *   gives NULL, as does a path that is not in the document. A number must be followed by
 *   something to end it.
 *
 * Returns null for NULL; the caller decides how a NULL string is represented.
 */

type Step = { readonly key: string } | { readonly index: number };

/** Parses the selector; null when it is malformed. */
function parseSelector(sel: string): Step[] | null {
  const steps: Step[] = [];
  if (sel === '') return steps;
  for (const part of sel.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return null;
    const head = m[1]!;
    if (head !== '') steps.push(/^\d+$/.test(head) ? { index: Number(head) } : { key: head });
    else if (m[2] === '') return null;
    for (const ix of m[2]!.matchAll(/\[(\d+)\]/g)) steps.push({ index: Number(ix[1]) });
  }
  return steps;
}

class Malformed extends Error {}

/** A cursor over the document; every reader throws Malformed on bad input. */
class Reader {
  i = 0;
  constructor(readonly s: string) {}

  ws(): void {
    while (this.i < this.s.length && ' \t\n\r'.includes(this.s[this.i]!)) this.i++;
  }
  peek(): string | undefined {
    return this.s[this.i];
  }
  expect(c: string): void {
    if (this.s[this.i] !== c) throw new Malformed();
    this.i++;
  }

  /** A string's body (after its opening quote is consumed); returns the raw text. */
  string(): string {
    const start = this.i;
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined) throw new Malformed();
      if (c === '"') {
        const body = this.s.slice(start, this.i);
        this.i++;
        return body;
      }
      if (c === '\\') {
        const e = this.s[this.i + 1];
        if (e === undefined) throw new Malformed();
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.s.slice(this.i + 2, this.i + 6))) throw new Malformed();
          this.i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e)) throw new Malformed();
        this.i += 2;
        continue;
      }
      this.i++;
    }
  }

  number(): void {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.s.slice(this.i));
    if (!m) throw new Malformed();
    this.i += m[0].length;
    const next = this.s[this.i];
    if (next === undefined || !' \t\n\r,]}'.includes(next)) throw new Malformed();
  }

  /** Skips one whole value, checking it. */
  value(): void {
    this.ws();
    const c = this.peek();
    if (c === '"') {
      this.i++;
      this.string();
    } else if (c === '{') {
      this.i++;
      this.members(() => this.value());
    } else if (c === '[') {
      this.i++;
      this.elements(() => this.value());
    } else if (c === 't' || c === 'f' || c === 'n') {
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
      if (this.s.slice(this.i, this.i + word.length) !== word) throw new Malformed();
      this.i += word.length;
    } else this.number();
  }

  /** An object's members after `{`; `each` reads each value, stopping the walk by returning true. */
  members(each: (key: string) => boolean | void): boolean {
    this.ws();
    if (this.peek() === '}') {
      this.i++;
      return false;
    }
    for (;;) {
      this.ws();
      this.expect('"');
      const key = this.string();
      this.ws();
      this.expect(':');
      if (each(key) === true) return true;
      this.ws();
      if (this.peek() === ',') {
        this.i++;
        continue;
      }
      this.expect('}');
      return false;
    }
  }

  elements(each: (index: number) => boolean | void): boolean {
    this.ws();
    if (this.peek() === ']') {
      this.i++;
      return false;
    }
    for (let n = 0; ; n++) {
      if (each(n) === true) return true;
      this.ws();
      if (this.peek() === ',') {
        this.i++;
        continue;
      }
      this.expect(']');
      return false;
    }
  }
}

/** The raw text of the value at the current position, once it has been read whole. */
function rawValue(r: Reader): string {
  r.ws();
  if (r.peek() === '"') {
    r.i++;
    return r.string();
  }
  const start = r.i;
  r.value();
  return r.s.slice(start, r.i);
}

/** Walks `steps` from the current position; the selected value's text, or null. */
function select(r: Reader, steps: readonly Step[], at: number): string | null {
  if (at === steps.length) return rawValue(r);
  const step = steps[at]!;
  r.ws();
  const c = r.peek();
  let found: string | null = null;
  if ('key' in step) {
    if (c !== '{') return null;
    r.i++;
    r.members((key) => {
      if (key !== step.key) return void r.value();
      found = select(r, steps, at + 1);
      return true;
    });
  } else {
    if (c !== '[') return null;
    r.i++;
    r.elements((n) => {
      if (n !== step.index) return void r.value();
      found = select(r, steps, at + 1);
      return true;
    });
  }
  return found;
}

/** json(text, selector): the selected value's raw text, or null (D's NULL). */
export function jsonSelect(text: string, selector: string): string | null {
  const steps = parseSelector(selector);
  if (steps === null) return null;
  try {
    return select(new Reader(text), steps, 0);
  } catch (e) {
    if (e instanceof Malformed) return null;
    throw e;
  }
}
