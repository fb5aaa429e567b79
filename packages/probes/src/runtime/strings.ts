/*
 * String subroutines of d-language.md 1.10 (strlen is inlined by codegen). Results are cut to
 * `strsize - 1` characters, as D strings are fixed-size buffers. NULL string results are "".
 */

import { DFault, FaultCode } from './fault.js';
import { norm, type DIntValue } from './int64.js';
import { jsonSelect } from './json-select.js';

export function createStringFns(strsize: () => number) {
  const cut = (s: string): string => (s.length >= strsize() ? s.slice(0, strsize() - 1) : s);
  // strtok()'s saved place: null before the first string and after the last token, when
  // strtok(NULL, …) has nothing to read (dtrace's dtms_strtok is NULL then and the read faults).
  let tokState: string | null = null;
  const num = (v: DIntValue): number => Number(v);
  return {
    strjoin: (a: string, b: string): string => cut(a + b),
    /**
     * dtrace's DIF_SUBR_SUBSTR: a negative index counts from the end; if it is still before the
     * start, the part of the window before the start is cut off (index += len; if index < 0 and
     * index + n > 0 then n += index and index = 0); an index still < 0 or >= len gives "". A
     * negative n stops abs(n) characters before the end.
     */
    substr(s: string, i: DIntValue, n?: DIntValue): string {
      const len = s.length;
      const size = strsize();
      let index = num(i);
      let remaining = n === undefined ? size : num(n);
      if (index < 0) {
        index += len;
        if (index < 0 && index + remaining > 0) {
          remaining += index;
          index = 0;
        }
      }
      if (index >= len || index < 0) return '';
      if (remaining < 0) remaining += len - index;
      else if (index + remaining > size) remaining = size - index;
      return remaining <= 0 ? '' : cut(s.slice(index, index + remaining));
    },
    /** DIF_SUBR_INDEX: from a start at or past the end only "" is found, at the end. */
    index(s: string, sub: string, start?: DIntValue): number {
      const from = start === undefined ? 0 : Math.max(0, num(start));
      if (from >= s.length) return sub === '' ? s.length : -1;
      return s.indexOf(sub, from);
    },
    /** DIF_SUBR_RINDEX: from a negative start only "" is found, at 0. */
    rindex(s: string, sub: string, start?: DIntValue): number {
      if (start !== undefined && num(start) < 0) return sub === '' ? 0 : -1;
      const from = start === undefined ? s.length : num(start);
      return s.lastIndexOf(sub, from);
    },
    strstr(s: string, sub: string): string {
      const i = s.indexOf(sub);
      return i < 0 ? '' : s.slice(i);
    },
    strchr(s: string, c: DIntValue): string {
      const i = s.indexOf(String.fromCharCode(num(c) & 0xff));
      return i < 0 ? '' : s.slice(i);
    },
    strrchr(s: string, c: DIntValue): string {
      const i = s.lastIndexOf(String.fromCharCode(num(c) & 0xff));
      return i < 0 ? '' : s.slice(i);
    },
    strtok(s: unknown, delims: string): string {
      if (typeof s === 'string') tokState = s;
      if (tokState === null) throw new DFault(FaultCode.KPRIV, 0);
      let i = 0;
      while (i < tokState.length && delims.includes(tokState[i]!)) i++;
      if (i >= tokState.length) {
        tokState = null;
        return '';
      }
      let j = i;
      while (j < tokState.length && !delims.includes(tokState[j]!)) j++;
      const tok = tokState.slice(i, j);
      tokState = tokState.slice(j + 1);
      return tok;
    },
    /**
     * DIF_SUBR_LLTOSTR: a base from 2 to 36 (else an illegal-operation fault); outside base 10
     * the digits are those of the unsigned 64-bit value, base 16 prefixed `0x` and base 8 `0`.
     */
    lltostr(v: DIntValue, base?: DIntValue): string {
      const b = base === undefined ? 10 : Number(BigInt.asIntN(64, BigInt(base)));
      if (b < 2 || b > 36) throw new DFault(FaultCode.ILLOP);
      const i = BigInt(v);
      if (b === 10) return i.toString();
      const digits = i === 0n ? '' : BigInt.asUintN(64, i).toString(b);
      return b === 16 ? `0x${digits || '0'}` : b === 8 || i === 0n ? `0${digits}` : digits;
    },
    // The document is read as dtrace reads it: at most strsize characters of it.
    json: (s: string, selector: string): string => cut(jsonSelect(s.slice(0, strsize()), selector) ?? ''),
    toupper: (s: string): string => s.toUpperCase(),
    tolower: (s: string): string => s.toLowerCase(),
    basename(p: string): string {
      const t = p.replace(/\/+$/, '');
      if (t === '') return p === '' ? '.' : '/';
      return t.slice(t.lastIndexOf('/') + 1);
    },
    dirname(p: string): string {
      const t = p.replace(/\/+$/, '');
      if (t === '') return p === '' ? '.' : '/';
      const i = t.lastIndexOf('/');
      if (i < 0) return '.';
      const d = t.slice(0, i).replace(/\/+$/, '');
      return d === '' ? '/' : d;
    },
    /**
     * DIF_SUBR_CLEANPATH, character by character: `//` and `/./` collapse, `/../` backs up to
     * the previous `/`, anything else is copied, so a trailing `/` (or `/.`) stays as written.
     */
    cleanpath(p: string): string {
      const dest: string[] = [];
      let i = 0;
      const next = (): string => (i < p.length ? p[i++]! : (i++, '\0'));
      let c = next();
      // Copies what was held back and the current character; false at the end of the string.
      const copy = (...held: string[]): boolean => {
        dest.push(...held);
        if (c === '\0') return false;
        dest.push(c);
        c = next();
        return true;
      };
      for (;;) {
        if (c !== '/') {
          if (!copy()) break;
          continue;
        }
        c = next();
        if (c === '/') continue;
        if (c !== '.') {
          if (!copy('/')) break;
          continue;
        }
        c = next();
        if (c === '/') continue;
        if (c !== '.') {
          if (!copy('/', '.')) break;
          continue;
        }
        c = next();
        if (c !== '/' && c !== '\0') {
          copy('/', '.', '.');
          continue;
        }
        // "/../" or "/..": back up to the previous "/" (dropping it; the next component adds one).
        let j = dest.length;
        while (j !== 0 && dest[--j] !== '/');
        dest.length = j;
        if (c === '\0') {
          dest.push('/');
          break;
        }
      }
      return cut(dest.join(''));
    },
    strtoll(s: string, base?: DIntValue): DIntValue {
      const b = base === undefined ? 10 : num(base);
      // DIF_SUBR_STRTOLL takes a base from 2 to 36; any other is an illegal operation.
      if (b < 2 || b > 36) throw new DFault(FaultCode.ILLOP);
      const m = /^\s*([+-]?)(0[xX])?([0-9a-zA-Z]*)/.exec(s);
      if (!m) return 0;
      const radix = b;
      // `0x` introduces digits only in base 16; elsewhere the number is the `0` before it.
      if (m[2] && radix !== 16) return 0;
      let v = 0n;
      for (const ch of m[3]!) {
        const d = parseInt(ch, 36);
        if (Number.isNaN(d) || d >= radix) break;
        v = v * BigInt(radix) + BigInt(d);
      }
      return norm(BigInt.asIntN(64, m[1] === '-' ? -v : v));
    },
  };
}

export type StringFns = ReturnType<typeof createStringFns>;
