/*
 * The last step from tokens to the typed AST. parser.ts builds the AST nodes as it recognises
 * them (operator chains folded by precedence, `self->x`/`this->x` recognised, aggregation keys
 * attached, literals decoded by literals.ts); what it cannot decide alone is reported here:
 * bad literals, calls on something that is not a name, and clauses without actions, which are
 * errors in a script but legal in -n/-P/… descriptions. Input: the parse tree and the kind of
 * unit; output: the AST, with errors to the diagnostic sink. The builder never throws.
 *
 * Order matters because only the first diagnostic is shown (dtrace stops at its first error):
 * clauses are reported before inline definitions and declarations, each in source order, and a
 * clause's own literals before its missing-actions error.
 */

import type * as A from './ast.js';
import type { DiagnosticSink } from './diagnostics.js';
import type { ParseTree } from './parser.js';

export function buildAst(tree: ParseTree, diags: DiagnosticSink, kind: 'script' | 'other'): A.ProgramAst {
  for (const d of tree.pending) {
    if ('missingBody' in d) {
      if (d.predicate) diags.error('D_SYNTAX', 'expected actions { } following probe description and predicate', d.offset);
      else if (kind === 'script') diags.error('D_SYNTAX', 'expected predicate and/or actions following probe description', d.offset);
    } else diags.error(d.code, d.message, d.offset);
  }
  return { items: tree.items };
}
