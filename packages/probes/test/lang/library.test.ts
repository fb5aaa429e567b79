import { describe, expect, it } from 'vitest';
import { compile } from '../../src/lang/compile.js';
import { formatDiagnostic } from '../../src/lang/diagnostics.js';
import type { TypeLibrary } from '../../src/lang/library.js';
import { createRuntime } from '../../src/runtime/runtime.js';
import { rig } from '../runtime/fake-host.js';
import { standardLibraries } from '../../src/lang/stdlib.js';

// A small kernel of our own: a zone with a lock, a thread with a process, and their stable views.
const KERNEL: TypeLibrary = {
  name: 'kern.d',
  kernel: true,
  text: `
typedef struct kmutex { char lock_name[16]; } kmutex_t;
typedef struct zone { zoneid_t zone_id; char zone_name[64]; kmutex_t zone_lock; } zone_t;
struct zsd_entry { zone_key_t zsd_key; uint16_t zsd_flags; void *zsd_data; };
typedef struct proc { pid_t p_pid; char p_comm[32]; } proc_t;
typedef struct kthread { id_t t_tid; proc_t *t_procp; } kthread_t;
typedef struct psinfo { pid_t pr_pid; char pr_fname[16]; } psinfo_t;
`,
};
const VIEWS: TypeLibrary = {
  name: 'views.d',
  text: `
typedef struct zoneinfo { zoneid_t zi_id; char zi_name[64]; } zoneinfo_t;
translator zoneinfo_t < zone_t *Z > { zi_id = Z->zone_id; zi_name = Z->zone_name; };
translator psinfo_t < kthread_t *T > { pr_pid = T->t_procp->p_pid; pr_fname = T->t_procp->p_comm; };
inline psinfo_t *curpsinfo = xlate<psinfo_t *>(curthread);
`,
};
const LIBS = [KERNEL, VIEWS];

const zone = { addr: 0x5000, zone_id: 7, zone_name: 'web', zone_lock: { lock_name: 'zone_lock' } };
const proc = { addr: 0x6000, p_pid: 42, p_comm: 'zoneadmd' };
// FakeHost's curthread is 0xfeed.
const objects = new Map<number, object>([
  [0x5000, zone],
  [0xfeed, { addr: 0xfeed, t_tid: 3, t_procp: proc }],
]);

function traceOf(text: string, libraries: readonly TypeLibrary[] = LIBS): { values: unknown[]; faults: string[] } {
  const r = rig();
  const res = compile([{ text, kind: 'script', name: 't.d' }], { registry: r.registry, libraries });
  if (!res.program) throw new Error(`compile failed: ${JSON.stringify(res.diagnostics)}`);
  Object.assign(r.host, { object: (a: number) => objects.get(a) ?? null });
  const rt = createRuntime(res.program, { host: r.host, registry: r.registry, sink: r.sink });
  rt.start();
  r.probes.zone.fire(zone, 3);
  rt.stop();
  return { values: r.sink.traced(), faults: r.sink.faults.map((f) => `${f.fault} (0x${(f.addr ?? 0).toString(16)})`) };
}

function firstError(text: string, libraries: readonly TypeLibrary[] = LIBS) {
  const r = rig();
  const res = compile([{ text, kind: 'script', name: 't.d' }], { registry: r.registry, libraries });
  expect(res.program).toBeUndefined();
  return res.diagnostics[0]!;
}

describe('type libraries', () => {
  it('lays out kernel structs for sizeof and offsetof, and declares variables of them', () => {
    const { values } = traceOf(`zone_t z; BEGIN { trace(sizeof (zone_t)); trace(sizeof (struct zsd_entry)); trace(offsetof(zone_t, zone_lock)); trace(sizeof (z)); }`);
    expect(values).toEqual([84, 16, 68, 84]);
  });

  it('reads probe arguments typed with a kernel struct by member, as before', () => {
    const { values } = traceOf('test:::zsd-create { trace(args[0]->zone_id); trace(args[0]->zone_name); trace(args[0]->zone_lock.lock_name); }');
    expect(values).toEqual([7, 'web', 'zone_lock']);
  });

  it('reaches engine objects through addresses: casts of arg0 and curthread', () => {
    const { values } = traceOf('test:::zsd-create { trace(((zone_t *)arg0)->zone_name); trace(curthread->t_tid); trace(curthread->t_procp->p_pid); }');
    expect(values).toEqual(['web', 3, 42]);
  });

  it('dereferences an address to the object for print() and (*p).member', () => {
    const r = rig();
    const res = compile([{ text: 'test:::zsd-create { print(*curthread); trace((*curthread).t_tid); }', kind: 'script', name: 't.d' }], { registry: r.registry, libraries: LIBS });
    Object.assign(r.host, { object: (a: number) => objects.get(a) ?? null });
    const rt = createRuntime(res.program!, { host: r.host, registry: r.registry, sink: r.sink });
    rt.start();
    r.probes.zone.fire(zone, 3);
    rt.stop();
    const printed = r.sink.firings.flatMap((f) => f.records).find((x) => x.kind === 'print') as { members?: { name: string }[] } | undefined;
    expect(printed?.members?.map((m) => m.name)).toEqual(['t_tid', 't_procp']);
    expect(r.sink.traced()).toEqual([3]);
  });

  it('faults on an address the host has no object at', () => {
    const { values, faults } = traceOf('test:::zsd-create { trace(((zone_t *)(arg0 + 8))->zone_id); }');
    expect(values).toEqual([]);
    expect(faults.join('\n')).toMatch(/invalid address \(0x5008\)/);
  });

  it('translates to a D struct and to a kernel struct: xlate<zoneinfo_t *> and curpsinfo', () => {
    const { values } = traceOf('test:::zsd-create { trace(xlate<zoneinfo_t *>(args[0])->zi_id); trace(stringof(xlate<zoneinfo_t *>(args[0])->zi_name)); trace(curpsinfo->pr_pid); trace(curpsinfo->pr_fname); }');
    expect(values).toEqual([7, 'web', 42, 'zoneadmd']);
  });

  it("keeps a standard library's structs in memory when a kernel library follows it", () => {
    const { values } = traceOf('BEGIN { this->b = (bufinfo_t *)alloca(sizeof (bufinfo_t)); this->b->b_bcount = 512; trace(this->b->b_bcount); trace(sizeof (devinfo_t) > 0); }', [...standardLibraries, ...LIBS]);
    expect(values).toEqual([512, 1]);
  });

  it('names the library whose declarations fail', () => {
    const d = firstError('BEGIN { }', [KERNEL, { name: 'bad.d', text: 'typedef struct nothing {\n\tint x;\n\tfoo_t y;\n} nothing_t;' }]);
    expect(d.library).toBe('bad.d');
    expect(d.line).toBe(3);
    expect(formatDiagnostic(d, { text: 'BEGIN { }', kind: 'script', name: 't.d' }, { errtags: false, progname: 'zsdtrace' })).toMatch(/^zsdtrace: failed to load type library bad\.d: line 3: syntax error near "foo_t"$/);
  });

  it('refuses probe clauses in a library', () => {
    const d = firstError('BEGIN { }', [{ name: 'clause.d', text: 'BEGIN { trace(1); }' }]);
    expect(d).toMatchObject({ code: 'D_SYNTAX', library: 'clause.d', message: 'probe clauses may not appear in type library clause.d' });
  });

  it("keeps the user's diagnostics on the user's units", () => {
    const d = firstError('BEGIN { trace(args[0]->nope); }\n');
    expect(d.library).toBeUndefined();
    expect(d.unit).toBe(0);
    const d2 = firstError('test:::zsd-create { trace(args[0]->nope); }');
    expect(d2).toMatchObject({ code: 'D_TYPE_MEMBER', unit: 0, line: 1 });
  });
});

describe('on-demand type libraries', () => {
  const NET: TypeLibrary = {
    name: 'net.d',
    onDemand: true,
    text: 'typedef struct ip_header { uint8_t vhl; uint8_t proto; } ip_header_t;\nstruct port_pair { uint16_t lport; };\n',
  };

  it('are loaded for a program that names one of their typedefs', () => {
    expect(traceOf('test:::zsd-create { trace(sizeof (ip_header_t)); }', [...LIBS, NET]).values).toEqual([2]);
  });

  it('are loaded for a program that names one of their tags', () => {
    expect(traceOf('test:::zsd-create { trace(sizeof (struct port_pair)); }', [...LIBS, NET]).values).toEqual([2]);
  });

  it('are not loaded for a program that names none of their types', () => {
    // A library that cannot compile shows whether it was loaded.
    const broken: TypeLibrary = { name: 'broken.d', onDemand: true, text: 'typedef struct wire { int w; } wire_t;\nstruct wire { int again; };\n' };
    expect(traceOf('test:::zsd-create { trace(1); }', [...LIBS, broken]).values).toEqual([1]);
    const d = firstError('test:::zsd-create { trace(sizeof (wire_t)); }', [...LIBS, broken]);
    expect([d.code, d.library]).toEqual(['D_DECL_TYPERED', 'broken.d']);
  });

  it('report their own declarations as a program naming them redefines them', () => {
    const d = firstError('typedef int ip_header_t;\ntest:::zsd-create { trace(0); }', [...LIBS, NET]);
    expect(d.code).toBe('D_DECL_IDRED');
  });
});
