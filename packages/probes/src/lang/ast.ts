/*
 * The typed AST of a D program, built by the parser and ast-builder.ts and annotated by the
 * semantic passes (`type` on expressions, resolved variable slots). Positions are offsets into
 * the unit's text; diagnostics turn them into lines and columns.
 */

import type { CType } from './types.js';

export interface Node {
  /** 0-based offset of the node's first character. */
  readonly at: number;
}

export interface TypeRef extends Node {
  /** The type as written: `unsigned long`, `struct zsd_entry *`, `zone_t *`. */
  readonly text: string;
  /** Array dimensions of an abstract declarator (`int [3]`), outermost first. */
  readonly dims?: readonly number[];
}

/** Declaration specifiers: storage classes, qualifiers and type words, in source order. */
export interface DeclSpecs extends Node {
  readonly items: readonly SpecItem[];
}

export type SpecItem =
  | { readonly k: 'storage'; readonly word: string; readonly at: number }
  | { readonly k: 'word'; readonly word: string; readonly at: number }
  | { readonly k: 'sou'; readonly tag: 'struct' | 'union'; readonly name: string | null; readonly members: readonly MemberDecl[] | null; readonly at: number }
  | { readonly k: 'enum'; readonly name: string | null; readonly items: readonly Enumerator[] | null; readonly at: number };

export interface MemberDecl extends Node {
  readonly specs: DeclSpecs;
  readonly declarators: readonly FullDeclarator[];
}

export interface Enumerator extends Node {
  readonly name: string;
  readonly value: Expr | null;
}

/** A C declarator: pointers, a name (or none), array dimensions, function parameters. */
export interface FullDeclarator extends Node {
  readonly name: string | null;
  readonly stars: number;
  readonly inner: FullDeclarator | null;
  readonly suffixes: readonly DeclSuffix[];
  /** Bit-field width (`int a : 3`). */
  readonly bits?: Expr;
}

export type DeclSuffix =
  | { readonly k: 'array'; readonly size: Expr | null; readonly at: number }
  | { readonly k: 'assoc'; readonly keys: readonly ParamDecl[]; readonly at: number }
  | { readonly k: 'varargs'; readonly at: number }
  | { readonly k: 'func'; readonly params: readonly ParamDecl[]; readonly varargs: boolean; readonly at: number };

export interface ParamDecl extends Node {
  readonly specs: DeclSpecs;
  readonly decl: FullDeclarator | null;
}

/** A top-level declaration with C's full syntax (struct/union/enum bodies, typedef, …). */
export interface CDeclaration extends Node {
  readonly k: 'cdecl';
  readonly specs: DeclSpecs;
  readonly declarators: readonly FullDeclarator[];
}

export interface TranslatorDef extends Node {
  readonly k: 'translator';
  readonly out: TypeRef;
  readonly input: TypeRef;
  readonly param: string;
  readonly members: readonly { readonly name: string; readonly value: Expr; readonly at: number }[];
}

export interface XlateExpr extends Typed {
  readonly k: 'xlate';
  readonly to: TypeRef;
  readonly arg: Expr;
}

export type Expr =
  | IntExpr
  | StrExpr
  | IdentExpr
  | ScopedExpr
  | AggExpr
  | IndexExpr
  | MemberExpr
  | CallExpr
  | UnaryExpr
  | IncDecExpr
  | BinaryExpr
  | TernaryExpr
  | AssignExpr
  | CastExpr
  | SizeofExpr
  | OffsetofExpr
  | XlateExpr
  | CommaExpr;

interface Typed extends Node {
  /** Filled in by the semantic pass. */
  type?: CType;
  /** What a name refers to, filled in by the semantic pass (see sema-scope.ts). */
  res?: Resolution;
  /** The in-memory type when it differs from `type`: a char array read as a string. */
  view?: CType;
}

export type Resolution =
  | { readonly kind: 'global'; readonly slot: number }
  | { readonly kind: 'self'; readonly slot: number }
  | { readonly kind: 'this'; readonly slot: number }
  | { readonly kind: 'assoc'; readonly slot: number; readonly scope: 'global' | 'self' }
  | { readonly kind: 'array'; readonly slot: number; readonly size: number }
  | { readonly kind: 'builtin'; readonly name: string }
  | { readonly kind: 'args'; readonly index: number }
  | { readonly kind: 'inline'; readonly value: Expr }
  | { readonly kind: 'agg'; readonly id: number }
  | { readonly kind: 'call'; readonly role: 'action' | 'subr' | 'aggfn' };

export interface IntExpr extends Typed {
  readonly k: 'int';
  readonly value: bigint;
  readonly literalType: CType;
  readonly image: string;
}
export interface StrExpr extends Typed {
  readonly k: 'str';
  readonly value: string;
}
export interface IdentExpr extends Typed {
  readonly k: 'ident';
  readonly name: string;
}
/** `self->x` or `this->x`. */
export interface ScopedExpr extends Typed {
  readonly k: 'scoped';
  readonly scope: 'self' | 'this';
  readonly name: string;
}
/** `@name` or `@name[keys]`; only legal as an assignment target or an action argument. */
export interface AggExpr extends Typed {
  readonly k: 'agg';
  readonly name: string;
  readonly keys: readonly Expr[] | null;
}
export interface IndexExpr extends Typed {
  readonly k: 'index';
  readonly base: Expr;
  readonly keys: readonly Expr[];
}
export interface MemberExpr extends Typed {
  readonly k: 'member';
  readonly obj: Expr;
  readonly name: string;
  readonly arrow: boolean;
}
export interface CallExpr extends Typed {
  readonly k: 'call';
  readonly fn: string;
  readonly args: readonly Expr[];
}
export interface UnaryExpr extends Typed {
  readonly k: 'unary';
  readonly op: '-' | '+' | '!' | '~' | '*' | '&' | 'stringof';
  readonly arg: Expr;
}
export interface IncDecExpr extends Typed {
  readonly k: 'incdec';
  readonly op: '++' | '--';
  readonly prefix: boolean;
  readonly arg: Expr;
}
export type BinaryOp =
  | '*' | '/' | '%' | '+' | '-' | '<<' | '>>' | '<' | '<=' | '>' | '>=' | '==' | '!='
  | '&' | '^' | '|' | '&&' | '^^' | '||';
export interface BinaryExpr extends Typed {
  readonly k: 'binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}
export interface TernaryExpr extends Typed {
  readonly k: 'ternary';
  readonly cond: Expr;
  readonly then: Expr;
  readonly else: Expr;
}
export type AssignOp = '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '&=' | '^=' | '|=' | '<<=' | '>>=';
export interface AssignExpr extends Typed {
  readonly k: 'assign';
  readonly op: AssignOp;
  readonly target: Expr;
  readonly value: Expr;
}
export interface CastExpr extends Typed {
  readonly k: 'cast';
  readonly to: TypeRef;
  readonly arg: Expr;
}
export interface SizeofExpr extends Typed {
  readonly k: 'sizeof';
  readonly of: TypeRef | Expr;
}
export interface OffsetofExpr extends Typed {
  readonly k: 'offsetof';
  readonly of: TypeRef;
  readonly member: string;
}
export interface CommaExpr extends Typed {
  readonly k: 'comma';
  readonly left: Expr;
  readonly right: Expr;
}

export type Stmt =
  | { readonly k: 'expr'; readonly at: number; readonly expr: Expr }
  | { readonly k: 'if'; readonly at: number; readonly cond: Expr; readonly then: readonly Stmt[]; readonly else: readonly Stmt[] | null };

export interface ProbeSpec extends Node {
  readonly text: string;
}

export interface Clause extends Node {
  readonly k: 'clause';
  readonly probes: readonly ProbeSpec[];
  readonly predicate: Expr | null;
  /** null when the clause has no `{ }` (only legal for -n/-P/… descriptions). */
  readonly body: readonly Stmt[] | null;
}

export interface Declarator extends Node {
  readonly name: string;
  /** Associative-array key types (`int a[string, int]`). */
  readonly keys?: readonly TypeRef[];
  /** Fixed array size (`int a[5]`). */
  readonly size?: number;
}

export interface Declaration extends Node {
  readonly k: 'decl';
  readonly scope: 'global' | 'self' | 'this';
  readonly type: TypeRef;
  readonly declarators: readonly Declarator[];
}

export interface InlineDef extends Node {
  readonly k: 'inline';
  readonly type: TypeRef;
  readonly name: string;
  readonly value: Expr;
}

export type TopLevel = Clause | Declaration | InlineDef | CDeclaration | TranslatorDef;

export interface ProgramAst {
  readonly items: readonly TopLevel[];
}
