/*
 * Chevrotain's LL(k) lookahead, built on first use. A parser precomputes the lookahead function
 * of every alternation, option and repetition of the grammar when it is constructed, which is
 * most of the parser's construction cost, paid by every CLI start although a script exercises
 * only some of the grammar. This strategy hands chevrotain a thunk per decision that builds the
 * real function (the same LLkLookaheadStrategy computation, from the same recorded grammar) the
 * first time that decision is taken, and calls it from then on. Grammar validation (tests) is
 * the LL(k) strategy's own, unchanged.
 */

import { LLkLookaheadStrategy, type ILookaheadStrategy, type ILookaheadValidationError, type IOrAlt, type OptionalProductionType, type Rule, type TokenType } from 'chevrotain';

type AltLookahead = (orAlts?: IOrAlt<unknown>[]) => number | undefined;
type OptLookahead = () => boolean;

export class LazyLookahead implements ILookaheadStrategy {
  private readonly llk: ILookaheadStrategy;

  constructor(maxLookahead: number) {
    this.llk = new LLkLookaheadStrategy({ maxLookahead });
  }

  validate(options: { rules: Rule[]; tokenTypes: TokenType[]; grammarName: string }): ILookaheadValidationError[] {
    return this.llk.validate(options);
  }

  buildLookaheadForAlternation(options: { prodOccurrence: number; rule: Rule; maxLookahead: number; hasPredicates: boolean; dynamicTokensEnabled: boolean }): AltLookahead {
    const llk = this.llk;
    let built: AltLookahead | undefined;
    return function (this: unknown, orAlts) {
      built ??= llk.buildLookaheadForAlternation(options);
      return built.call(this, orAlts);
    };
  }

  buildLookaheadForOptional(options: { prodOccurrence: number; prodType: OptionalProductionType; rule: Rule; maxLookahead: number; dynamicTokensEnabled: boolean }): OptLookahead {
    const llk = this.llk;
    let built: OptLookahead | undefined;
    return function (this: unknown) {
      built ??= llk.buildLookaheadForOptional(options);
      return built.call(this);
    };
  }
}
