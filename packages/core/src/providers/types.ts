/*
 * The engine's type libraries, loaded by the D compiler before every program (probes'
 * lang/library.ts), as dtrace loads the kernel's CTF and /usr/lib/dtrace/*.d:
 *
 *   zsd.d     the kernel library: the simulated kernel's own structures. Their values are the
 *             engine's objects (probe arguments, or addresses the engine host resolves, see
 *             sim/host.ts); a member read is the object's field of that name. The layouts give
 *             sizeof and offsetof. A struct lists exactly the fields the objects carry.
 *   procfs.d  stable views over them, as illumos's procfs.d and zone translators: psinfo_t and
 *             lwpsinfo_t from a kthread_t (curpsinfo, curlwpsinfo), zoneinfo_t from a zone_t.
 *   illumos.d illumos kernel and driver types that published scripts cast to (taskq_t, ipha_t,
 *             conn_t, …), declarations only, loaded for programs that name them
 *             (illumos-types.ts).
 *
 * `addr` members are the object's own simulated address, kept for scripts written before casts.
 */

import type { TypeLibrary } from '@zsdtrace/probes';
import { ILLUMOS_TYPES } from './illumos-types.js';

const KERNEL = `
typedef struct kmutex {
	char lock_name[32];
	int lock_owner;
	uintptr_t addr;
} kmutex_t;

typedef struct zone {
	zoneid_t zone_id;
	char zone_name[64];
	zone_status_t zone_status;
	uint_t zone_ref;
	uint_t zone_cred_ref;
	uint_t zone_flags;
	kmutex_t zone_lock;
	uintptr_t addr;
} zone_t;

struct zsd_entry {
	zone_key_t zsd_key;
	uint16_t zsd_flags;
	void *zsd_data;
	uintptr_t addr;
};

typedef struct proc {
	pid_t p_pid;
	pid_t p_ppid;
	char p_comm[32];
	char p_zonename[64];
	uintptr_t addr;
} proc_t;

typedef struct kthread {
	id_t t_tid;
	proc_t *t_procp;
	char t_name[32];
	processorid_t t_cpu;
	uintptr_t addr;
} kthread_t;

typedef struct lwpsinfo {
	id_t pr_lwpid;
	uintptr_t pr_addr;
	char pr_name[32];
} lwpsinfo_t;

typedef struct psinfo {
	pid_t pr_pid;
	pid_t pr_ppid;
	char pr_fname[16];
	char pr_zonename[64];
} psinfo_t;
`;

const PROCFS = `
typedef struct zoneinfo {
	zoneid_t zi_id;
	char zi_name[64];
	zone_status_t zi_status;
	uint_t zi_ref;
} zoneinfo_t;

translator zoneinfo_t < zone_t *Z > {
	zi_id = Z->zone_id;
	zi_name = Z->zone_name;
	zi_status = Z->zone_status;
	zi_ref = Z->zone_ref;
};

translator psinfo_t < kthread_t *T > {
	pr_pid = T->t_procp->p_pid;
	pr_ppid = T->t_procp->p_ppid;
	pr_fname = T->t_procp->p_comm;
	pr_zonename = T->t_procp->p_zonename;
};

translator lwpsinfo_t < kthread_t *T > {
	pr_lwpid = T->t_tid;
	pr_addr = (uintptr_t)T;
	pr_name = T->t_name;
};

inline psinfo_t *curpsinfo = xlate<psinfo_t *>(curthread);
inline lwpsinfo_t *curlwpsinfo = xlate<lwpsinfo_t *>(curthread);
`;

/** The libraries to give the tracing handle (`openTrace({ libraries })`), in load order. */
export const engineLibraries: readonly TypeLibrary[] = [
  { name: 'zsd.d', text: KERNEL, kernel: true },
  { name: 'procfs.d', text: PROCFS },
  { name: 'illumos.d', text: ILLUMOS_TYPES, onDemand: true },
];
