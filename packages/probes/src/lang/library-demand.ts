/*
 * Which type libraries a compilation loads (library.ts): all of them, except that an on-demand
 * library is loaded only for units that name one of its types, the way dtrace looks a type up
 * in the kernel's CTF only when a script names it. Kept apart from library.ts, which the
 * semantic passes import, because finding a library's names needs the lexer and sema-decl.
 */

import type { TypeLibrary } from './library.js';
import { lex } from './lexer.js';
import { typedefNames } from './sema-decl.js';
import { KEYWORDS } from './tokens.js';

/** The typedef names and tags an on-demand library declares, worked out once per library. */
const declaredNames = new WeakMap<TypeLibrary, ReadonlySet<string>>();

function namesOf(lib: TypeLibrary): ReadonlySet<string> {
  let names = declaredNames.get(lib);
  if (names) return names;
  const tokens = lex(lib.text, new Set(KEYWORDS)).tokens;
  const found = new Set(typedefNames(tokens));
  tokens.forEach((t, i) => {
    if (i > 0 && /^Kw_(struct|union|enum)$/.test(tokens[i - 1]!.tokenType.name) && /^[A-Za-z_]/.test(t.image)) found.add(t.image);
  });
  declaredNames.set(lib, (names = found));
  return names;
}

/**
 * The libraries a compilation of these units loads: every library, except an on-demand one
 * whose names none of the units' words is. A word in a comment counts too: loading a library a
 * program did not need costs only time.
 */
export function librariesFor(libs: readonly TypeLibrary[], units: readonly { readonly text: string }[]): TypeLibrary[] {
  if (!libs.some((l) => l.onDemand)) return [...libs];
  let words: Set<string> | null = null;
  return libs.filter((l) => {
    if (!l.onDemand) return true;
    words ??= new Set(units.flatMap((u) => u.text.match(/[A-Za-z_]\w*/g) ?? []));
    for (const n of namesOf(l)) if (words.has(n)) return true;
    return false;
  });
}
