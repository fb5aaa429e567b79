/*
 * The declaration half of the D grammar (dt_grammar.y's declaration rules): declaration
 * specifiers in any order (storage classes, qualifiers, type words, struct/union/enum
 * specifiers with or without a body, typedef names), C declarators (pointers, parenthesised
 * declarators, array dimensions, associative-array key lists, function parameter lists,
 * bit-field widths), and translator definitions. It only records what was written, in order:
 * the checks dt_decl.c makes while parsing (D_DECL_COMBO, D_DECL_CLASS, …) are made by
 * sema-decl.ts over that record, in the same order.
 *
 * A typedef name is a type word only where no type word came before it in the same
 * specifiers (dt_decl_spec: after a type, a TNAME is the declarator's name).
 */

import type { IOrAlt, IToken } from 'chevrotain';
import type * as A from './ast.js';
import { ExprParser } from './parse-expr.js';
import { Identifier, Kw, P, TypeKeyword, TypeName } from './tokens.js';

const STORAGE = ['typedef', 'self', 'this', 'static', 'extern', 'register', 'auto'] as const;

export class DeclParser extends ExprParser {
  /** Spec items of the specifiers in progress (nested for member and parameter lists). */
  private specStack: A.SpecItem[][] = [];

  protected override resetState(): void {
    super.resetState();
    this.specStack = [];
  }

  private hasBase(): boolean {
    const items = this.specStack[this.specStack.length - 1];
    if (!items) return false;
    // An attribute (`short`, `unsigned`) counts: `typedef short new_short;` declares new_short.
    return items.some((i) => i.k === 'sou' || i.k === 'enum' || (i.k === 'word' && !['const', 'volatile', 'restrict'].includes(i.word)));
  }

  private push(item: A.SpecItem): void {
    this.specStack[this.specStack.length - 1]?.push(item);
  }

  /** declaration-specifiers: one or more storage classes, qualifiers and type specifiers. */
  readonly declSpecs = this.RULE('declSpecs', (): A.DeclSpecs => {
    const at = this.LA(1).startOffset;
    this.specStack.push([]);
    this.AT_LEAST_ONE({ GATE: this.specGate, DEF: this.specItem });
    return { at, items: this.specStack.pop() ?? [] };
  });
  private readonly notSemi = (): boolean => this.LA(1).tokenType !== P.Semi;
  private readonly specGate = (): boolean => this.LA(1).tokenType !== TypeName || !this.hasBase();
  private readonly specItem = (): void => {
    this.OR(this.specAlts);
  };
  private readonly specAlts: IOrAlt<void>[] = [
    ...STORAGE.map((w) => ({ ALT: (): void => this.push({ k: 'storage', word: w, at: this.CONSUME(Kw[w]).startOffset }) })),
    ...(['const', 'volatile', 'restrict'] as const).map((w) => ({ ALT: (): void => this.push({ k: 'word', word: w, at: this.CONSUME(Kw[w]).startOffset }) })),
    {
      ALT: (): void => {
        const t = this.CONSUME(TypeKeyword);
        this.push({ k: 'word', word: t.image, at: t.startOffset });
      },
    },
    {
      GATE: (): boolean => !this.hasBase(),
      ALT: (): void => {
        const t = this.CONSUME(TypeName);
        this.push({ k: 'word', word: t.image, at: t.startOffset });
      },
    },
    { ALT: (): void => this.push(this.SUBRULE(this.souSpec)) },
    { ALT: (): void => this.push(this.SUBRULE(this.enumSpec)) },
  ];

  private readonly souSpec = this.RULE('souSpec', (): A.SpecItem => {
    const kw = this.OR(this.souKw);
    const name = this.OPTION(() => this.CONSUME(Identifier).image) ?? null;
    const members = this.OPTION2(() => {
      this.CONSUME(P.LCurly);
      const list: A.MemberDecl[] = [];
      this.MANY(() => list.push(this.SUBRULE(this.memberDecl)));
      this.CONSUME(P.RCurly);
      return list;
    }) ?? null;
    return { k: 'sou', tag: kw.image as 'struct' | 'union', name, members, at: kw.startOffset };
  });
  private readonly souKw: IOrAlt<IToken>[] = [{ ALT: () => this.CONSUME(Kw.struct) }, { ALT: () => this.CONSUME(Kw.union) }];

  private readonly memberDecl = this.RULE('memberDecl', (): A.MemberDecl => {
    const at = this.LA(1).startOffset;
    const specs = this.SUBRULE(this.declSpecs);
    const declarators: A.FullDeclarator[] = [];
    this.OPTION({
      GATE: this.notSemi,
      DEF: () => this.AT_LEAST_ONE_SEP({ SEP: P.Comma, DEF: () => declarators.push(this.SUBRULE(this.memberDeclarator)) }),
    });
    this.CONSUME(P.Semi);
    return { at, specs, declarators };
  });
  private readonly memberDeclarator = this.RULE('memberDeclarator', (): A.FullDeclarator => {
    const at = this.LA(1).startOffset;
    return this.OR({ IGNORE_AMBIGUITIES: true, DEF: [
      {
        ALT: (): A.FullDeclarator => {
          this.CONSUME(P.Colon);
          const bits = this.SUBRULE(this.conditional);
          return { at, name: null, stars: 0, inner: null, suffixes: [], bits };
        },
      },
      {
        ALT: (): A.FullDeclarator => {
          const d = this.SUBRULE(this.declarator);
          const bits = this.OPTION(() => {
            this.CONSUME2(P.Colon);
            return this.SUBRULE2(this.conditional);
          });
          return bits ? { ...d, bits } : d;
        },
      },
    ] });
  });

  private readonly enumSpec = this.RULE('enumSpec', (): A.SpecItem => {
    const at = this.CONSUME(Kw.enum).startOffset;
    const name = this.OPTION(() => this.CONSUME(Identifier).image) ?? null;
    const items = this.OPTION2(() => {
      this.CONSUME(P.LCurly);
      const list: A.Enumerator[] = [];
      this.AT_LEAST_ONE(() => {
        const id = this.CONSUME2(Identifier);
        const value = this.OPTION3(() => {
          this.CONSUME(P.Assign);
          return this.SUBRULE(this.conditional);
        }) ?? null;
        list.push({ at: id.startOffset, name: id.image, value });
        this.OPTION4(() => this.CONSUME(P.Comma));
      });
      this.CONSUME(P.RCurly);
      return list;
    }) ?? null;
    return { k: 'enum', name, items, at };
  });

  /** declarator: '*'* (name | '(' declarator ')')? suffix* */
  readonly declarator = this.RULE('declarator', (): A.FullDeclarator => {
    const at = this.LA(1).startOffset;
    let stars = 0;
    this.MANY(() => {
      this.CONSUME(P.Star);
      stars++;
      this.MANY2(() => this.OR(this.ptrQuals));
    });
    let name: string | null = null;
    let inner: A.FullDeclarator | null = null;
    this.OPTION({
      DEF: () =>
        this.OR2([
          { ALT: () => void (name = this.CONSUME(Identifier).image) },
          {
            // `(` starts a nested declarator only when a `*` or `(` follows; else parameters.
            GATE: (): boolean => this.LA(2).tokenType === P.Star || this.LA(2).tokenType === P.LParen,
            ALT: () => {
              this.CONSUME(P.LParen);
              inner = this.SUBRULE(this.declarator);
              this.CONSUME(P.RParen);
            },
          },
        ]),
    });
    const suffixes: A.DeclSuffix[] = [];
    this.MANY3(() => suffixes.push(this.SUBRULE(this.declSuffix)));
    return { at, name, stars, inner, suffixes };
  });
  private readonly ptrQuals: IOrAlt<IToken>[] = [
    { ALT: () => this.CONSUME(Kw.const) },
    { ALT: () => this.CONSUME(Kw.volatile) },
    { ALT: () => this.CONSUME(Kw.restrict) },
  ];

  private readonly declSuffix = this.RULE('declSuffix', (): A.DeclSuffix => {
    return this.OR([
      {
        ALT: (): A.DeclSuffix => {
          const at = this.CONSUME(P.LBracket).startOffset;
          const s = this.OR2({ IGNORE_AMBIGUITIES: true, DEF: [
            { ALT: (): A.DeclSuffix => (this.CONSUME(P.Ellipsis), { k: 'varargs', at }) },
            {
              GATE: (): boolean => this.startsType(),
              ALT: (): A.DeclSuffix => ({ k: 'assoc', keys: this.SUBRULE(this.paramList), at }),
            },
            { ALT: (): A.DeclSuffix => ({ k: 'array', size: this.SUBRULE(this.expression), at }) },
            { ALT: (): A.DeclSuffix => ({ k: 'array', size: null, at }) },
          ] });
          this.CONSUME(P.RBracket);
          return s;
        },
      },
      {
        ALT: (): A.DeclSuffix => {
          const at = this.CONSUME(P.LParen).startOffset;
          let varargs = false;
          const params = this.OR3([
            { ALT: (): A.ParamDecl[] => (this.CONSUME2(P.Ellipsis), (varargs = true), []) },
            {
              ALT: (): A.ParamDecl[] => {
                const list = this.SUBRULE2(this.paramList);
                this.OPTION(() => {
                  this.CONSUME(P.Comma);
                  this.CONSUME3(P.Ellipsis);
                  varargs = true;
                });
                return list;
              },
            },
            { ALT: (): A.ParamDecl[] => [] },
          ]);
          this.CONSUME(P.RParen);
          return { k: 'func', params, varargs, at };
        },
      },
    ]);
  });

  private startsType(): boolean {
    const t = this.LA(1).tokenType;
    return t === TypeName || t === Kw.struct || t === Kw.union || t === Kw.enum || t === Kw.const || t === Kw.volatile
      || t === Kw.static || t === Kw.register || t === Kw.extern || t === Kw.auto || t === Kw.typedef || t === Kw.self || t === Kw.this
      || ['char', 'short', 'int', 'long', 'signed', 'unsigned', 'void', 'string', 'float', 'double'].some((w) => t === Kw[w as 'int']);
  }

  /** param (',' param)* — stops before `, ...`. */
  private readonly paramList = this.RULE('paramList', (): A.ParamDecl[] => {
    const list: A.ParamDecl[] = [this.SUBRULE(this.param)];
    this.MANY({
      GATE: (): boolean => this.LA(2).tokenType !== P.Ellipsis,
      DEF: () => {
        this.CONSUME(P.Comma);
        list.push(this.SUBRULE2(this.param));
      },
    });
    return list;
  });
  private readonly param = this.RULE('param', (): A.ParamDecl => {
    const at = this.LA(1).startOffset;
    const specs = this.SUBRULE(this.declSpecs);
    const decl = this.OPTION(() => this.SUBRULE(this.declarator)) ?? null;
    return { at, specs, decl: decl && (decl.name !== null || decl.stars > 0 || decl.inner || decl.suffixes.length > 0) ? decl : null };
  });

  /** declaration: declaration-specifiers [declarator (',' declarator)*] ';' */
  readonly cdeclaration = this.RULE('cdeclaration', (): A.CDeclaration => {
    const at = this.LA(1).startOffset;
    const specs = this.SUBRULE(this.declSpecs);
    const declarators: A.FullDeclarator[] = [];
    this.OPTION({
      GATE: this.notSemi,
      DEF: () => this.AT_LEAST_ONE_SEP({ SEP: P.Comma, DEF: () => declarators.push(this.SUBRULE(this.declarator)) }),
    });
    this.CONSUME(P.Semi);
    return { k: 'cdecl', at, specs, declarators };
  });

  /** translator type '<' type name '>' '{' (member '=' expression ';')* '}' ';' */
  readonly translatorDef = this.RULE('translatorDef', (): A.TranslatorDef => {
    const at = this.CONSUME(Kw.translator).startOffset;
    const out = this.SUBRULE(this.typeSpec);
    this.CONSUME(P.Lt);
    const input = this.SUBRULE2(this.typeSpec);
    const param = this.CONSUME(Identifier).image;
    this.CONSUME(P.Gt);
    this.CONSUME(P.LCurly);
    const members: { name: string; value: A.Expr; at: number }[] = [];
    this.MANY(() => {
      const id = this.CONSUME2(Identifier);
      this.CONSUME(P.Assign);
      const value = this.SUBRULE(this.expression);
      this.CONSUME(P.Semi);
      members.push({ name: id.image, value, at: id.startOffset });
    });
    this.CONSUME(P.RCurly);
    this.CONSUME2(P.Semi);
    return { k: 'translator', at, out, input, param, members };
  });
}
