/*
 * Probe descriptions and their matching, with DTrace's rules (dtrace_xstr2desc, dt_gmatch):
 * a description has up to four colon-separated fields that fill from the right (`name`,
 * `function:name`, `module:function:name`, `provider:module:function:name`); an empty field
 * matches anything; each field is a glob with `*`, `?`, `[set]`, `[!set]` and `\` escapes.
 */

export interface ProbeDescription {
  readonly provider: string;
  readonly module: string;
  readonly func: string;
  readonly name: string;
}

/** Splits `a:b:c:d` filling from the right; more than four fields is an error (null). */
export function parseProbeDescription(text: string): ProbeDescription | null {
  const parts = text.split(':');
  if (parts.length > 4) return null;
  while (parts.length < 4) parts.unshift('');
  const [provider, module, func, name] = parts as [string, string, string, string];
  return { provider, module, func, name };
}

export function formatProbeDescription(d: ProbeDescription): string {
  return `${d.provider}:${d.module}:${d.func}:${d.name}`;
}

/** True if the field has glob characters (so it cannot be looked up exactly). */
export function isGlob(field: string): boolean {
  return /[*?[\\]/.test(field);
}

/** DTrace's glob match of one field. An empty pattern matches everything. */
export function globMatch(pattern: string, text: string): boolean {
  if (pattern === '') return true;
  return matchAt(pattern, 0, text, 0);
}

function matchAt(p: string, pi: number, s: string, si: number): boolean {
  while (pi < p.length) {
    const c = p[pi]!;
    if (c === '*') {
      // Collapse runs of '*' and try every split point.
      while (p[pi] === '*') pi++;
      if (pi === p.length) return true;
      for (let k = si; k <= s.length; k++) if (matchAt(p, pi, s, k)) return true;
      return false;
    }
    if (si >= s.length) return false;
    if (c === '?') {
      pi++;
      si++;
      continue;
    }
    if (c === '[') {
      const end = classEnd(p, pi);
      if (end < 0) {
        // An unterminated class matches a literal '['.
        if (s[si] !== '[') return false;
        pi++;
        si++;
        continue;
      }
      if (!classMatch(p.slice(pi + 1, end), s[si]!)) return false;
      pi = end + 1;
      si++;
      continue;
    }
    if (c === '\\' && pi + 1 < p.length) {
      if (p[pi + 1] !== s[si]) return false;
      pi += 2;
      si++;
      continue;
    }
    if (c !== s[si]) return false;
    pi++;
    si++;
  }
  return si === s.length;
}

function classEnd(p: string, open: number): number {
  let i = open + 1;
  if (p[i] === '!') i++;
  if (p[i] === ']') i++;
  while (i < p.length && p[i] !== ']') i++;
  return i < p.length ? i : -1;
}

function classMatch(body: string, ch: string): boolean {
  let negate = false;
  let i = 0;
  if (body[0] === '!') {
    negate = true;
    i = 1;
  }
  let hit = false;
  while (i < body.length) {
    const lo = body[i]!;
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const hi = body[i + 2]!;
      if (ch >= lo && ch <= hi) hit = true;
      i += 3;
    } else {
      if (ch === lo) hit = true;
      i++;
    }
  }
  return hit !== negate;
}

export interface ProbeNames {
  readonly provider: string;
  readonly module: string;
  readonly func: string;
  readonly name: string;
}

export function matchProbe(desc: ProbeDescription, probe: ProbeNames): boolean {
  return (
    globMatch(desc.provider, probe.provider) &&
    globMatch(desc.module, probe.module) &&
    globMatch(desc.func, probe.func) &&
    globMatch(desc.name, probe.name)
  );
}
