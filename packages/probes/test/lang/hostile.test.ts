import { describe, expect, it } from 'vitest';
import { compile } from '../../src/lang/compile.js';
import { run, rig, ZONE_TYPES } from '../runtime/fake-host.js';

describe('hostile scripts', () => {
  it('never lets user text reach generated code', () => {
    const g = globalThis as { pwned?: number };
    delete g.pwned;
    const evil = [
      'BEGIN { trace("\\"); globalThis.pwned = 1; //"); }',
      "BEGIN { trace(\"`${globalThis.pwned = 2}`\"); }",
      'BEGIN { printf("%s\\n", "*/ globalThis.pwned = 3; /*"); }',
      'BEGIN { trace($$1); trace($1); }',
      'BEGIN { x = "\\x27); globalThis.pwned = 4; (\\x27"; trace(x); }',
    ];
    for (const src of evil) {
      const { r } = run(src, () => {}, { macroArgs: ['"); globalThis.pwned = 5; ("', 'x'] , options: { argref: true } });
      expect(r.sink.faults).toEqual([]);
    }
    expect(g.pwned).toBeUndefined();
  });

  it('keeps generated source free of user strings and identifiers', () => {
    const r = rig();
    const res = compile([{ text: 'test:::zsd-create { self->evil_name = 1; trace(args[0]->zone_name); printf("secret-format"); }', kind: 'script', name: 't.d' }], {
      registry: r.registry,
      types: ZONE_TYPES,
    });
    const src = res.program!.clauses.map((c) => c.source).join('\n');
    expect(src).not.toContain('secret-format');
    expect(src).not.toContain('zone_name');
    expect(src).not.toContain('evil_name');
    expect(res.program!.constants).toContain('secret-format');
  });

  it('rejects JavaScript-looking input as D syntax errors, not as code', () => {
    const r = rig();
    const res = compile([{ text: 'BEGIN { process.exit(1); }', kind: 'script', name: 't.d' }], { registry: r.registry });
    expect(res.program).toBeUndefined();
    expect(res.diagnostics[0]).toMatchObject({ code: 'D_FUNC_IDENT', message: 'function designator is not of function type' });
  });
});
