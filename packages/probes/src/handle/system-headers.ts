/*
 * The system include directory cpp searches under -C. dtrace runs cpp with the system's own
 * /usr/include after the -I directories; on illumos that holds illumos's headers, and scripts
 * lean on them for flag values (`PROT_EXEC`, `MAP_ANON`, `FREAD`, `VISSWAP`), byte-order macros
 * (`BSWAP_16`) and `_LITTLE_ENDIAN`. This machine's /usr/include holds another system's headers:
 * its values differ (MAP_ANON is 0x20 on Linux, 0x100 on illumos) and they do not preprocess
 * under dtrace's predefined macros. So cpp is told to ignore it (-nostdinc) and is given this
 * directory instead: the few illumos headers published scripts include, holding the macros they
 * use with illumos's values. The types those headers would declare come from the illumos.d type
 * library instead, as dtrace takes kernel types from CTF; a header not listed here is missing,
 * and cpp says so.
 *
 * The files are written once into a directory under the temporary directory, named after the
 * hash of their contents, and reused by every later run.
 */

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ISA_DEFS = `#ifndef _SYS_ISA_DEFS_H
#define _SYS_ISA_DEFS_H
#if defined(__amd64)
#define __x86
#define _LITTLE_ENDIAN
#define _STACK_GROWS_DOWNWARD
#define _LONG_LONG_LTOH
#define _BIT_FIELDS_LTOH
#define _IEEE_754
#define _CHAR_IS_SIGNED
#define _BOOL_ALIGNMENT 1
#define _CHAR_ALIGNMENT 1
#define _SHORT_ALIGNMENT 2
#define _INT_ALIGNMENT 4
#define _FLOAT_ALIGNMENT 4
#define _LONG_ALIGNMENT 8
#define _LONG_LONG_ALIGNMENT 8
#define _DOUBLE_ALIGNMENT 8
#define _POINTER_ALIGNMENT 8
#define _MAX_ALIGNMENT 16
#define _ALIGNMENT_REQUIRED 1
#define _LP64
#define _I32LPx
#define _MULTI_DATAMODEL
#endif
#endif
`;

const TYPES = `#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H
#include <sys/isa_defs.h>
#endif
`;

const MMAN = `#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H
#define PROT_NONE 0x0
#define PROT_READ 0x1
#define PROT_WRITE 0x2
#define PROT_EXEC 0x4
#define PROT_USER 0x8
#define PROT_ZFOD (PROT_READ | PROT_WRITE | PROT_EXEC | PROT_USER)
#define PROT_ALL (PROT_READ | PROT_WRITE | PROT_EXEC | PROT_USER)
#define MAP_SHARED 1
#define MAP_PRIVATE 2
#define MAP_TYPE 0xf
#define MAP_FIXED 0x10
#define MAP_NORESERVE 0x40
#define MAP_ANON 0x100
#define MAP_ANONYMOUS MAP_ANON
#define MAP_ALIGN 0x200
#define MAP_TEXT 0x400
#define MAP_INITDATA 0x800
#define MS_ASYNC 0x1
#define MS_INVALIDATE 0x2
#define MS_SYNC 0x4
#endif
`;

const FILE = `#ifndef _SYS_FILE_H
#define _SYS_FILE_H
#define FOPEN 0xffffffff
#define FREAD 0x01
#define FWRITE 0x02
#define FNDELAY 0x04
#define FAPPEND 0x08
#define FSYNC 0x10
#define FREVOKED 0x20
#define FDSYNC 0x40
#define FNONBLOCK 0x80
#define FCREAT 0x0100
#define FTRUNC 0x0200
#define FEXCL 0x0400
#define FNOCTTY 0x0800
#define FASYNC 0x1000
#define FOFFMAX 0x2000
#define FXATTR 0x4000
#define FRSYNC 0x8000
#define FNODSYNC 0x10000
#define FNOFOLLOW 0x20000
#define FNOLINKS 0x40000
#endif
`;

const VNODE = `#ifndef _SYS_VNODE_H
#define _SYS_VNODE_H
#define VROOT 0x01
#define VNOCACHE 0x02
#define VNOMAP 0x04
#define VDUP 0x08
#define VNOSWAP 0x10
#define VNOMOUNT 0x20
#define VISSWAP 0x40
#define VSWAPLIKE 0x80
#endif
`;

const BYTEORDER = `#ifndef _SYS_BYTEORDER_H
#define _SYS_BYTEORDER_H
#include <sys/isa_defs.h>
#define BSWAP_8(x) ((x) & 0xff)
#define BSWAP_16(x) ((BSWAP_8(x) << 8) | BSWAP_8((x) >> 8))
#define BSWAP_32(x) (((uint32_t)(x) << 24) | (((uint32_t)(x) << 8) & 0xff0000) | (((uint32_t)(x) >> 8) & 0xff00) | ((uint32_t)(x) >> 24))
#define BMASK_8(x) ((x) & 0xff)
#define BMASK_16(x) ((x) & 0xffff)
#define BMASK_32(x) ((x) & 0xffffffff)
#if defined(_LITTLE_ENDIAN)
#define BE_8(x) BMASK_8(x)
#define BE_16(x) BSWAP_16(x)
#define BE_32(x) BSWAP_32(x)
#define LE_8(x) BMASK_8(x)
#define LE_16(x) BMASK_16(x)
#define LE_32(x) BMASK_32(x)
#endif
#endif
`;

const COMMON = `#ifndef _INET_COMMON_H
#define _INET_COMMON_H
#include <sys/types.h>
#define A_CNT(arr) (sizeof (arr) / sizeof (arr[0]))
#endif
`;

/** Header path (as #include names it) -> text. */
const HEADERS: Readonly<Record<string, string>> = {
  'sys/isa_defs.h': ISA_DEFS,
  'sys/types.h': TYPES,
  'sys/mman.h': MMAN,
  'sys/file.h': FILE,
  'sys/vnode.h': VNODE,
  'sys/byteorder.h': BYTEORDER,
  'inet/common.h': COMMON,
};

let written: string | null = null;

/** The directory holding the headers, written on first use; null when it cannot be written. */
export function systemIncludeDir(): string | null {
  if (written !== null) return written;
  const hash = createHash('sha1');
  for (const [p, text] of Object.entries(HEADERS)) hash.update(p).update('\0').update(text).update('\0');
  const dir = join(tmpdir(), `zsdtrace-include-${hash.digest('hex').slice(0, 16)}`);
  if (!existsSync(dir)) {
    let staging: string;
    try {
      staging = mkdtempSync(`${dir}.`);
    } catch {
      return null;
    }
    // Written aside and renamed into place, so that a concurrent run never sees half of it.
    for (const [p, text] of Object.entries(HEADERS)) {
      mkdirSync(dirname(join(staging, p)), { recursive: true });
      writeFileSync(join(staging, p), text);
    }
    try {
      renameSync(staging, dir);
    } catch {
      // Another run put it in place first, or the directory is not writable.
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(dir)) return null;
    }
  }
  return (written = dir);
}
