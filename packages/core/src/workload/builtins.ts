/*
 * The built-in workloads, written in the JSON format itself (so they go through the same
 * validation as users' files):
 * - illumos: the consumer set of spec 6 (boot keys, rpcmod/nfs/klm/ipc/acct modules) with its
 *   create/shutdown/destroy mix, slow and blocking callbacks, shared- and exclusive-IP zones, and
 *   zones created while modules unload;
 * - boot-storm: N zones (default 100) x K keys (default 30) created and booted at once, then halted;
 * - module-churn: modules loading and unloading keys while zones come and go;
 * - s1..s4: the minimal scenarios of spec 5.3;
 * - hazard-t1, hazard-t2, hazard-t2-create: small workloads reaching the hazards of spec 4.6;
 * - zsd-coverage: every coverage item of verify (N1-N7, probe sites, wait paths).
 */

type Json = Record<string, unknown>;

const cb = (duration: unknown, ...actions: unknown[]): Json => ({ duration, actions });

function illumos(): Json {
  return {
    name: 'illumos',
    description: 'Real ZSD consumers of illumos (spec 6) with zones booting and halting',
    keys: [
      {
        name: 'netstack_zone_key',
        create: { duration: ['20us', '40us'], exclusiveIpExtra: ['400us', '900us'], actions: ['zone_find_by_id_nolock'] },
        shutdown: { duration: ['10us', '30us'], exclusiveIpExtra: ['200us', '500us'], actions: [{ do: 'block', duration: ['100us', '400us'] }] },
        destroy: { duration: ['20us', '50us'], exclusiveIpExtra: ['300us', '700us'] },
      },
      { name: 'zone_thread_key', destroy: cb(['5us', '20us']) },
      { name: 'ephemeral_zone_key', destroy: cb(['2us', '5us'], 'crfree') },
      { name: 'log_zone_key', create: cb(['5us', '10us']), destroy: cb(['3us', '6us']) },
      { name: 'evch_zone_key', create: cb(['3us', '6us']), destroy: cb(['3us', '6us']) },
      { name: 'core_zone_key', create: cb(['2us', '4us']), destroy: cb(['2us', '4us']) },
      {
        name: 'au_zone_key',
        create: cb(['5us', '15us']),
        shutdown: cb(['10us', '20us'], { do: 'block', duration: ['200us', '800us'] }),
        destroy: cb(['5us', '10us']),
      },
      { name: 'sockfs_zone_key', create: cb(['5us', '10us']), destroy: cb(['5us', '10us']) },
      { name: 'svc_zone_key', module: 'rpcmod', create: cb(['5us', '10us']), shutdown: cb(['20us', '60us']), destroy: cb(['5us', '10us']) },
      { name: 'zone_cots_key', module: 'rpcmod', destroy: cb(['10us', '30us']) },
      { name: 'endpnt_destructor_key', module: 'rpcmod', destroy: cb(['5us', '15us']) },
      { name: 'rpcstat_zone_key', module: 'rpcmod', create: cb(['3us', '8us'], 'zcmn_err'), destroy: cb(['3us', '8us']) },
      {
        name: 'mi_list_key',
        module: 'nfs',
        create: cb(['5us', '10us'], 'zone_getspecific'),
        shutdown: cb(['20us', '40us'], { do: 'block', duration: ['300us', '1500us'] }),
        destroy: cb(['5us', '10us'], 'zone_getspecific'),
      },
      { name: 'mi4_list_key', module: 'nfs', create: cb(['5us', '10us']), shutdown: cb(['20us', '40us']), destroy: cb(['5us', '10us']) },
      { name: 'nfs4_callback_zone_key', module: 'nfs', create: cb(['5us', '15us']), shutdown: cb(['10us', '30us']), destroy: cb(['5us', '10us']) },
      { name: 'nfsstat_zone_key', module: 'nfs', create: cb(['3us', '8us']), destroy: cb(['3us', '8us']) },
      { name: 'nlm_zone_key', module: 'klm', create: cb(['5us', '10us']), destroy: cb(['5us', '10us']) },
      { name: 'flock_zone_key', module: 'klm', create: cb(['3us', '6us'], 'zone_hold'), destroy: cb(['3us', '6us']) },
      { name: 'msg_zone_key', module: 'ipc', shutdown: cb(['10us', '20us']) },
      { name: 'shm_zone_key', module: 'ipc', shutdown: cb(['10us', '20us']) },
      { name: 'sem_zone_key', module: 'ipc', shutdown: cb(['10us', '20us']) },
      {
        name: 'acct_zone_key',
        module: 'acct',
        create: cb(['3us', '6us'], 'zone_setspecific'),
        shutdown: cb(['20us', '50us'], 'zone_getspecific'),
        destroy: cb(['3us', '6us']),
      },
      { name: 'exacct_zone_key', module: 'acct', create: cb(['3us', '6us']), shutdown: cb(['10us', '30us']), destroy: cb(['3us', '6us']) },
    ],
    modules: [
      { name: 'rpcmod', keys: ['svc_zone_key', 'zone_cots_key', 'endpnt_destructor_key', 'rpcstat_zone_key'], loadAt: '500us' },
      { name: 'nfs', keys: ['mi_list_key', 'mi4_list_key', 'nfs4_callback_zone_key', 'nfsstat_zone_key'], loadAt: ['1ms', '3ms'], unloadAt: ['12ms', '16ms'] },
      { name: 'klm', keys: ['nlm_zone_key', 'flock_zone_key'], loadAt: ['2ms', '4ms'], unloadAt: ['14ms', '18ms'] },
      { name: 'ipc', keys: ['msg_zone_key', 'shm_zone_key', 'sem_zone_key'], loadAt: ['4ms', '6ms'], unloadAt: ['15ms', '19ms'] },
      { name: 'acct', keys: ['acct_zone_key', 'exacct_zone_key'], loadAt: ['5ms', '8ms'], unloadAt: ['16ms', '19ms'] },
    ],
    zones: [
      { name: 'web', count: 3, createAt: '0ms', bootAt: '2ms', haltAt: '10ms', spacing: '300us' },
      { name: 'db', exclusiveIp: true, createAt: '1ms', bootAt: '3ms', haltAt: ['11ms', '13ms'], deathrow: '1ms' },
      { name: 'build', count: 2, exclusiveIp: true, createAt: '4ms', bootAt: '6ms', haltAt: '14ms', spacing: '500us' },
      // Short-lived exclusive-IP zones created while nfs and klm unload (spec 6.3 churn): their
      // zsched is in netstack's heavy create while zone_key_delete's shutdown pass reaches the
      // module keys still CREATE_NEEDED on them (zsd-wait-for-creator). They halt after the
      // unloads.
      { name: 'scratch', count: 2, exclusiveIp: true, createAt: ['12ms', '14ms'], bootAt: '15ms', haltAt: '19500us', spacing: '1ms' },
    ],
    period: '20ms',
  };
}

function bootStorm(params: Record<string, number>): Json {
  const zones = Math.max(1, Math.floor(params.zones ?? 100));
  const nkeys = Math.max(1, Math.floor(params.keys ?? 30));
  const keys: Json[] = [];
  for (let i = 0; i < nkeys; i++) {
    // The spec 6.1 mix: about 65% create, 43% shutdown, 89% destroy.
    const k: Json = { name: `key${i + 1}` };
    if (i % 20 < 13) k.create = cb(['2us', '10us']);
    if (i % 7 < 3) k.shutdown = cb(['2us', '10us']);
    if (i % 9 !== 4 || !k.create) k.destroy = cb(['2us', '10us']);
    if (!k.create && !k.shutdown && !k.destroy) k.destroy = cb('2us');
    keys.push(k);
  }
  return {
    name: 'boot-storm',
    description: `${zones} zones x ${nkeys} keys created and booted at once, then halted`,
    keys,
    zones: [{ name: 'storm', count: zones, createAt: '0ms', bootAt: '1ms', haltAt: '5ms', spacing: '1us' }],
  };
}

/*
 * module-churn: round r's module loads at (1 + 2r) ms and unloads 3 ms later, while zones boot
 * and halt. Two timings make the two ZSD waits of spec 2.15/2.16 reachable in most seeds:
 * - an exclusive-IP zone (`late` i) is created shortly before module i unloads; its zsched spends
 *   hundreds of microseconds in netstack's create (spec 6.3: a whole IP stack), so the module's
 *   keys are still CREATE_NEEDED on it when zone_key_delete's shutdown pass arrives:
 *   zsd-wait-for-creator;
 * - a module registers its shutdown-only key first, so unloading (reverse order) deletes a key
 *   with a create first, while that window is open;
 * - creates, shutdowns and zone_key_create's pass meet on the same entries: wait-for-inprogress.
 */
function moduleChurn(params: Record<string, number>): Json {
  const rounds = Math.max(1, Math.floor(params.rounds ?? 4));
  const modules: Json[] = [];
  const keys: Json[] = [
    {
      name: 'netstack_zone_key',
      create: { duration: ['10us', '30us'], exclusiveIpExtra: ['300us', '800us'], actions: ['zone_find_by_id_nolock'] },
      shutdown: cb('10us'),
      destroy: cb('10us'),
    },
    { name: 'cred_key', destroy: cb('2us', 'crfree') },
  ];
  for (let r = 0; r < rounds; r++) {
    const names = [`mod${r}_a`, `mod${r}_b`, `mod${r}_c`];
    keys.push(
      { name: names[0], module: `mod${r}`, create: cb(['20us', '200us'], 'zone_find_by_id'), shutdown: cb(['10us', '100us']), destroy: cb(['10us', '50us']) },
      { name: names[1], module: `mod${r}`, create: cb(['5us', '50us'], 'zone_getspecific'), destroy: cb(['5us', '50us']) },
      { name: names[2], module: `mod${r}`, shutdown: cb(['5us', '80us'], { do: 'block', duration: ['10us', '100us'] }) },
    );
    // The shutdown-only key registers first and is deleted last.
    modules.push({ name: `mod${r}`, keys: [names[2], names[0], names[1]], loadAt: `${1 + r * 2}ms`, unloadAt: `${4 + r * 2}ms` });
  }
  return {
    name: 'module-churn',
    description: 'modules loading and unloading keys while zones boot and halt',
    keys,
    modules,
    zones: [
      { name: 'churn', count: 4, createAt: '0ms', bootAt: '1ms', haltAt: `${3 + rounds * 2}ms`, spacing: '700us' },
      // Zone i is configured 50-500us before module i unloads (at 4 + 2i ms).
      {
        name: 'late',
        count: Math.min(3, rounds),
        createAt: ['3500us', '3950us'],
        bootAt: '4ms',
        haltAt: `${4 + rounds * 2}ms`,
        spacing: '2ms',
        exclusiveIp: true,
      },
    ],
  };
}

/** S1: module M's create calls zcmn_err/zone_hold on a RUNNING zone (recursive enter in legacy). */
function s1(): Json {
  return {
    name: 's1',
    description: 'spec 5.3 S1: a create callback calling zcmn_err on a running zone',
    keys: [{ name: 'm_key', module: 'M', create: cb('20us', 'zcmn_err') }],
    modules: [{ name: 'M', keys: ['m_key'], loadAt: '2ms' }],
    zones: [{ name: 'z1', createAt: '0ms', bootAt: '500us' }],
  };
}

/*
 * S2: zone Z is running when the cycle starts (spec 5.3: created and running), then
 * zone_shutdown/zone_destroy run its ephemeral-cred destroy callback (crfree takes zone_lock)
 * while nfs loads and calls zone_key_create. `initial: "running"` keeps that order in the
 * untimed model as well: the module load can race the teardown, never the zone's creation.
 */
function s2(): Json {
  return {
    name: 's2',
    description: 'spec 5.3 S2: destroy callback crfree on a running zone versus a concurrent zone_key_create',
    keys: [
      { name: 'ephemeral_zone_key', destroy: cb('300us', 'crfree') },
      { name: 'nfs_key', module: 'nfs', create: cb('20us') },
    ],
    modules: [{ name: 'nfs', keys: ['nfs_key'], loadAt: ['1150us', '1250us'] }],
    zones: [{ name: 'z', initial: 'running', haltAt: '1ms' }],
  };
}

/** S3: zone creation versus a concurrent key with a create callback. */
function s3(): Json {
  return {
    name: 's3',
    description: 'spec 5.3 S3: zone_create/zsched configure racing zone_key_create',
    keys: [
      { name: 'boot_key', create: cb(['5us', '40us']) },
      { name: 'c_key', module: 'C', create: cb(['5us', '60us']), destroy: cb('5us') },
    ],
    modules: [{ name: 'C', keys: ['c_key'], loadAt: ['0us', '60us'] }],
    zones: [{ name: 'z3', count: 2, createAt: ['0us', '40us'], spacing: '10us' }],
  };
}

/** S4: zone_key_delete racing zone_destroy on the same entry. */
function s4(): Json {
  return {
    name: 's4',
    description: 'spec 5.3 S4: zone_key_delete versus zone_shutdown/zone_destroy',
    keys: [{ name: 'k', module: 'K', create: cb('10us'), shutdown: cb(['5us', '60us']), destroy: cb(['5us', '60us']) }],
    modules: [{ name: 'K', keys: ['k'], loadAt: '0us', unloadAt: ['500us', '700us'] }],
    zones: [{ name: 'z4', count: 2, createAt: '100us', bootAt: '200us', haltAt: ['400us', '650us'], spacing: '20us' }],
  };
}

/*
 * The two memory-safety hazards of spec 4.6, each reduced to the fewest threads that reach it, for
 * `verify --exhaustive` (untimed: every thread starts at once and times do not matter there).
 * hazard-t1: zone_key_delete runs the key's shutdown on a zone while zone_shutdown's own pass
 * (zsd_apply_all_keys) waits for it; key_delete's last phase frees the entry under the sleeper.
 * hazard-t2: zone_key_delete waits (zsd_apply_all_zones) for zone_destroy's destroy callback;
 * the zone is destroyed and freed before the waiter takes zone_lock again.
 */
function hazardT1(): Json {
  return {
    name: 'hazard-t1',
    description: 'spec 4.6 T1: a zone_shutdown waiter reads the entry zone_key_delete freed',
    keys: [{ name: 'k', module: 'K', shutdown: cb('20us') }],
    modules: [{ name: 'K', keys: ['k'], loadAt: '0us', unloadAt: '0us' }],
    zones: [{ name: 'z', createAt: '0us', haltAt: '0us' }],
  };
}

/*
 * hazard-t2-create: T2 through zone_key_create. The zone is created, booted and halted while nfs
 * loads; the create pass waits in zsd_wait_for_inprogress for zsched's create of the same entry,
 * and the zone is destroyed and freed before the woken waiter takes zone_lock again.
 */
function hazardT2Create(): Json {
  return {
    name: 'hazard-t2-create',
    description: 'spec 4.6 T2 through zone_key_create: the create-pass waiter touches the zone zone_destroy freed',
    keys: [
      { name: 'ephemeral_zone_key', destroy: cb('300us', 'crfree') },
      { name: 'nfs_key', module: 'nfs', create: cb('20us') },
    ],
    modules: [{ name: 'nfs', keys: ['nfs_key'], loadAt: ['1150us', '1250us'] }],
    zones: [{ name: 'z', createAt: '0ms', bootAt: '300us', haltAt: '1ms' }],
  };
}

function hazardT2(): Json {
  return {
    name: 'hazard-t2',
    description: 'spec 4.6 T2: a zone_key_delete waiter touches the zone zone_destroy freed',
    keys: [{ name: 'k', module: 'K', destroy: cb('20us') }],
    modules: [{ name: 'K', keys: ['k'], loadAt: '0us', unloadAt: '0us' }],
    zones: [{ name: 'z', createAt: '0us', haltAt: '0us' }],
  };
}

/*
 * zsd-coverage: one part per non-guarantee of spec 4.5 and per wait path, so that random
 * exploration reaches all of them in a few hundred seeds (docs/workloads.md has the table).
 * - The boot key `drain_key`'s shutdown blocks 300-700us, so each `cov` zone stays EMPTY (its
 *   shutdown marking done, DOWN not yet set) for that long.
 * - Module `late` loads `late_key` in that window: its entries get CN on EMPTY zones and nothing
 *   marks SN later (N1); its create blocks, so the pass reaches zones that zthread_exit already
 *   made DOWN (N4). Module `drop` unloads meanwhile, so zone_shutdown's destroy pass runs
 *   `drop_key`'s blocking destroy and walks the list again, meeting `late_key` still CN
 *   (wait-for-creator from zsd_apply_destroy).
 * - `late` unloads while the zones are destroyed or DEAD on deathrow: zone_key_delete marks SN on
 *   entries already DESTROY_NEEDED or DESTROY_COMPLETED (N3, N2), its passes and zone_destroy's
 *   meet on the same entries (wait-for-inprogress from zsd_apply_destroy), and the global zone's
 *   entry is torn down (N7).
 * - `reg_key` is the consumer variable of two modules: `rega` registers it at boot, `regb` again
 *   once the zones are DOWN. The first registration's destroy callbacks then call
 *   zone_setspecific with the second key, which DOWN zones never got (N6).
 * - Six `boot` zones are configured while module `early` registers six keys: now and then a
 *   marking loop reaches a zone between zsched's last create pass and READY (N5).
 */
function zsdCoverage(): Json {
  const blockCb = (work: unknown, block: unknown): Json => cb(work, { do: 'block', duration: block });
  const early = Array.from({ length: 6 }, (_, i) => `early${i + 1}`);
  return {
    name: 'zsd-coverage',
    description: 'every non-guarantee of spec 4.5 and every ZSD wait path, for verify --require-coverage',
    keys: [
      { name: 'drain_key', create: blockCb('2us', ['5us', '60us']), shutdown: blockCb('10us', ['300us', '700us']), destroy: cb('5us') },
      { name: 'reg_key', module: 'rega', create: blockCb('5us', ['20us', '150us']), destroy: cb('5us', { do: 'block', duration: ['50us', '400us'] }, 'zone_setspecific') },
      ...early.map((name) => ({ name, module: 'early', create: cb(['1us', '3us']) })),
      { name: 'drop_key', module: 'drop', create: cb('5us'), shutdown: cb('5us'), destroy: blockCb('5us', ['100us', '400us']) },
      { name: 'late_key', module: 'late', create: blockCb('5us', ['20us', '250us']), shutdown: blockCb('5us', ['10us', '150us']), destroy: blockCb('5us', ['20us', '300us']) },
    ],
    modules: [
      { name: 'rega', keys: ['reg_key'], loadAt: ['0us', '150us'] },
      { name: 'early', keys: early, loadAt: ['0us', '60us'] },
      { name: 'drop', keys: ['drop_key'], loadAt: '300us', unloadAt: ['1000us', '1500us'] },
      { name: 'late', keys: ['late_key'], loadAt: ['1400us', '2000us'], unloadAt: ['2200us', '3200us'] },
      { name: 'regb', keys: ['reg_key'], loadAt: ['1900us', '2600us'] },
    ],
    zones: [
      { name: 'boot', count: 6, createAt: ['0us', '60us'], spacing: '12us' },
      { name: 'cov', count: 3, createAt: ['0us', '40us'], bootAt: '300us', haltAt: ['1000us', '1200us'], spacing: '10us', deathrow: ['500us', '1500us'], zthreadExit: ['50us', '1500us'] },
    ],
  };
}

const table: Record<string, (params: Record<string, number>) => Json> = {
  illumos,
  'boot-storm': bootStorm,
  'module-churn': moduleChurn,
  s1,
  s2,
  s3,
  s4,
  'hazard-t1': hazardT1,
  'hazard-t2': hazardT2,
  'hazard-t2-create': hazardT2Create,
  'zsd-coverage': zsdCoverage,
};

export const builtinWorkloads: readonly string[] = Object.keys(table);

/** The JSON of a built-in workload, or undefined if there is none by that name. */
export function builtinWorkloadJson(name: string, params: Record<string, number> = {}): Json | undefined {
  // Own names only: `__proto__`, `constructor` and the like are not workloads.
  const make = Object.hasOwn(table, name) ? table[name] : undefined;
  return make ? make(params) : undefined;
}
