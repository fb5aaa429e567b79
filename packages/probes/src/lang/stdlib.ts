/*
 * The standard libraries every tracing handle loads before the host's libraries, as dtrace
 * loads /usr/lib/dtrace/io.d and net.d. io.d holds the stable io-provider views published
 * scripts name (`bufinfo_t`, `devinfo_t`, `fileinfo_t`). There is no io provider and no kernel buf or file here, so there
 * are no translators to them: the types exist for declarations, sizeof, casts of alloca()'d
 * memory and the parsing of `xlate<devinfo_t *>(…)` (which then reports D_XLATE_NONE).
 * Member names and types follow illumos's io.d.
 */

import type { TypeLibrary } from './library.js';

const IO = `
typedef unsigned long dev_t;
typedef long long offset_t;

typedef struct bufinfo {
	int b_flags;
	size_t b_bcount;
	caddr_t b_addr;
	uint64_t b_lblkno;
	uint64_t b_blkno;
	size_t b_resid;
	size_t b_bufsize;
	caddr_t b_iodone;
	int b_error;
	dev_t b_edev;
} bufinfo_t;

typedef struct devinfo {
	int dev_major;
	int dev_minor;
	int dev_instance;
	string dev_name;
	string dev_statname;
	string dev_pathname;
} devinfo_t;

typedef struct fileinfo {
	string fi_name;
	string fi_dirname;
	string fi_pathname;
	offset_t fi_offset;
	string fi_fs;
	string fi_mount;
	int fi_oflags;
} fileinfo_t;
`;

/** net.d: the address families inet_ntop() takes, with illumos's values. */
const NET = `
inline int AF_INET = 2;
inline int AF_INET6 = 26;
`;

export const standardLibraries: readonly TypeLibrary[] = [
  { name: 'io.d', text: IO },
  { name: 'net.d', text: NET },
];
