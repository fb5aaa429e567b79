/*
 * Type libraries: D declarations (typedefs, structs, unions, enums, translators, inlines) that
 * a compilation loads before the user's program, as dtrace loads /usr/lib/dtrace/*.d and the
 * kernel's CTF. compile.ts runs each library through the same phases as a script; a library
 * may not hold probe clauses, and its errors name it (Diagnostic.library).
 *
 * A *kernel* library describes the traced system's own structures (the simulated kernel's
 * `zone_t`, `kthread_t`, …) in place of CTF. Its structs keep their layout for sizeof and
 * offsetof, and are also published to the compilation's engine-struct table: a value of such a
 * type is the host's object (a probe argument, or an address the host resolves, Host.object),
 * and `p->member` reads the object's field of that name instead of bytes of simulated memory.
 * That keeps `args[0]->zone_name` a property read, and lets `((zone_t *)arg0)->zone_name` and
 * `curthread->t_tid` reach the same objects through their addresses.
 */

import type { TypeLib } from './ctypes.js';
import type { SourceUnit } from './diagnostics.js';
import { typeName, type CType, type Member, type SouDef } from './types.js';

export interface TypeLibrary {
  /** The file name errors give: `procfs.d`, `zsd.d`. */
  readonly name: string;
  readonly text: string;
  /** The traced system's own structures (see the file comment). */
  readonly kernel?: boolean;
  /**
   * Compiled only for a program that names one of the library's typedefs or struct, union or
   * enum tags, as dtrace consults the kernel's CTF only for the types a script names.
   */
  readonly onDemand?: boolean;
}

/** The libraries as units compiled ahead of the user's. */
export function libraryUnits(libs: readonly TypeLibrary[]): SourceUnit[] {
  return libs.map((l) => ({ text: l.text, kind: 'script', name: l.name }));
}

/**
 * Publishes every complete struct or union a kernel library declared (by tag, and by each
 * typedef naming it) as an engine struct: member name -> member type name.
 */
export function publishKernelTypes(
  c: { readonly lib: TypeLib; readonly structNames: Set<string> },
  structs: Map<string, Map<string, string>>,
  typeNames: Set<string>,
  before: TypeNamesSnapshot,
): void {
  const add = (name: string, def: SouDef): void => {
    if (structs.has(name) || def.members === null) return;
    structs.set(name, new Map(def.members.map((m) => [m.name, memberTypeName(m.type)])));
    c.structNames.add(name);
    if (!name.includes(' ')) typeNames.add(name);
  };
  for (const [key, d] of c.lib.tags) if ('kind' in d && !key.includes('(anon)') && !before.tags.has(key)) add(key, d);
  for (const [name, t] of c.lib.typedefs) if (t.kind === 'sou' && !before.typedefs.has(name)) add(name, t.def);
}

/** The tags and typedefs known before a kernel library: only its own are published. */
export interface TypeNamesSnapshot {
  readonly tags: ReadonlySet<string>;
  readonly typedefs: ReadonlySet<string>;
}

export function snapshotTypeNames(lib: TypeLib): TypeNamesSnapshot {
  return { tags: new Set(lib.tags.keys()), typedefs: new Set(lib.typedefs.keys()) };
}

/** A char array member reads as a string, as D reads one in memory. */
function memberTypeName(t: CType): string {
  if (t.kind === 'array' && t.of.kind === 'int' && t.of.size === 1) return 'string';
  return typeName(t);
}

/** The laid-out definition behind an engine struct name (`zone_t`, `struct zone`), if any. */
export function kernelSou(c: { readonly lib: TypeLib }, name: string): SouDef | null {
  const t = c.lib.typedefs.get(name);
  if (t?.kind === 'sou') return t.def;
  const d = c.lib.tags.get(name);
  return d && 'kind' in d ? d : null;
}

/** A member of an engine struct, with its laid-out offset and type. */
export function kernelMember(c: { readonly lib: TypeLib }, name: string, member: string): Member | undefined {
  return kernelSou(c, name)?.members?.find((m) => m.name === member);
}
