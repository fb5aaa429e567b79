/*
 * The struct members D can see through typed probe arguments (`args[0]->zone_name`), for the D
 * compiler's type pass. The engine's objects carry exactly these fields with these meanings;
 * pointer members are numbers (simulated addresses).
 */

export const engineTypes: Record<string, Record<string, string>> = {
  zone_t: {
    zone_id: 'int',
    zone_name: 'string',
    zone_status: 'int',
    addr: 'uintptr_t',
  },
  'struct zsd_entry': {
    zsd_key: 'uint',
    zsd_flags: 'uint16_t',
    zsd_data: 'void *',
    addr: 'uintptr_t',
  },
  kmutex_t: {
    lock_name: 'string',
    lock_owner: 'int',
    addr: 'uintptr_t',
  },
  lwpsinfo_t: {
    pr_lwpid: 'int',
    pr_addr: 'uintptr_t',
    pr_name: 'string',
  },
  psinfo_t: {
    pr_pid: 'int',
    pr_fname: 'string',
  },
};
