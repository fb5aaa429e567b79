/*
 * Every name a JavaScript object answers to (Object.prototype's own names, `prototype`,
 * `__proto__`) taken through each D namespace must behave as any undefined name does: the same
 * tag and message as for a name that is certainly not defined, with the name substituted.
 */
import { describe, expect, it } from 'vitest';
import { compileErr } from '../runtime/fake-host.js';

export const JS_NAMES: readonly string[] = [...Object.getOwnPropertyNames(Object.prototype), 'prototype', '__proto__'].filter(
  (n, i, all) => all.indexOf(n) === i,
);
const PLAIN = 'zz_undefined_name';

/** Each namespace as a script template; `%N%` is replaced by the name. */
const NAMESPACES: Readonly<Record<string, string>> = {
  action: 'BEGIN { %N%(); }',
  'action with argument': 'BEGIN { %N%(1); }',
  subroutine: 'BEGIN { x = %N%(1); }',
  'aggregating function': 'BEGIN { @a = %N%(1); }',
  'aggregating function without argument': 'BEGIN { @a[1] = %N%(); }',
  variable: 'BEGIN { trace(%N%); }',
  'variable in sizeof': 'BEGIN { trace(sizeof(%N%)); }',
  'assigned variable is fine, read of another is not': 'BEGIN { y = 1; trace(%N% + y); }',
  macro: 'BEGIN { trace($%N%); }',
  'string macro': 'BEGIN { trace($$%N%); }',
  option: '#pragma D option %N%\nBEGIN { }',
  'option with value': '#pragma D option %N%=5\nBEGIN { }',
  'struct type': 'BEGIN { trace(((struct %N% *)0)->zone_id); }',
  'type name': 'BEGIN { trace((%N% *)0); }',
  'struct member': 'test:::zsd-create { trace(args[0]->%N%); }',
  'builtin struct member': 'BEGIN { trace(curthread->%N%); }',
  provider: '%N%::: { }',
  'probe name': 'test:::%N% { }',
  'profile unit': 'tick-1%N% { }',
  'translator-like cast': 'BEGIN { trace((%N%)1); }',
};

describe('JavaScript names in D namespaces', () => {
  for (const [ns, template] of Object.entries(NAMESPACES)) {
    it(`${ns}: every Object.prototype name is undefined, as ${PLAIN} is`, () => {
      const expected = compileErr(template.replaceAll('%N%', PLAIN));
      for (const name of JS_NAMES) {
        const got = compileErr(template.replaceAll('%N%', name));
        expect({ name, code: got.code, message: got.message }).toEqual({
          name,
          code: expected.code,
          message: expected.message.replaceAll(PLAIN, name),
        });
      }
    });
  }
});
