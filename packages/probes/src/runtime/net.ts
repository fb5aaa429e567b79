/*
 * The network subroutines of illumos D: byte-order conversions (htons, htonl, htonll and their
 * ntoh* inverses) and address text (inet_ntoa, inet_ntoa6, inet_ntop). The traced system is
 * little-endian (sys/isa_defs.h under -C says so), so host and network order differ and each
 * conversion swaps bytes. Addresses are read from the address space by the caller (codegen
 * passes the bytes, or a reader for inet_ntop, whose size depends on the family); an unmapped
 * address faults there, before any text is made. The text follows dtrace's DIF_SUBR_INET_NTOP.
 */

import { DFault, FaultCode } from './fault.js';
import { norm, type DIntValue } from './int64.js';

/** illumos's address families, as net.d's AF_INET and AF_INET6 give them. */
export const AF_INET = 2;
export const AF_INET6 = 26;

/** The value with its low `size` bytes in reverse order (the rest dropped). */
export function byteSwap(v: DIntValue, size: 2 | 4 | 8): DIntValue {
  let x = BigInt.asUintN(size * 8, BigInt(v));
  let out = 0n;
  for (let i = 0; i < size; i++) {
    out = (out << 8n) | (x & 0xffn);
    x >>= 8n;
  }
  return norm(out);
}

function dotted(b: Uint8Array, from: number): string {
  return `${b[from]}.${b[from + 1]}.${b[from + 2]}.${b[from + 3]}`;
}

/** An IPv4 address in memory order (network order), as `a.b.c.d`. */
export function inetNtoa(b: Uint8Array): string {
  return dotted(b, 0);
}

/**
 * An IPv6 address as text. A v4-mapped address (`::ffff:a.b.c.d`) or a v4-compatible one
 * (`::a.b.c.d`, not `::` or `::1`) ends in dotted form: the whole text for inet_ntop, the
 * dotted part alone for inet_ntoa6. Otherwise the groups print in hex, the longest run of
 * zero groups (the first of equal ones) written `::`.
 */
export function inetNtoa6(b: Uint8Array, ntop: boolean): string {
  const zeroTo = (n: number): boolean => b.subarray(0, n).every((x) => x === 0);
  const mapped = zeroTo(10) && b[10] === 0xff && b[11] === 0xff;
  const low = ((b[12]! << 24) | (b[13]! << 16) | (b[14]! << 8) | b[15]!) >>> 0;
  const compat = zeroTo(12) && low > 1;
  if (mapped || compat) {
    if (!ntop) return dotted(b, 12);
    return `${mapped ? '::ffff:' : '::'}${dotted(b, 12)}`;
  }
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((b[i]! << 8) | b[i + 1]!);
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (gs: number[]): string => gs.map((g) => g.toString(16)).join(':');
  if (best < 0) return hex(groups);
  return `${hex(groups.slice(0, best))}::${hex(groups.slice(best + bestLen))}`;
}

/** inet_ntop(af, addr): `read(n)` gives the n bytes at addr. Another family is an illegal operation. */
export function inetNtop(af: DIntValue, read: (n: number) => Uint8Array): string {
  const family = Number(BigInt.asIntN(64, BigInt(af)));
  if (family === AF_INET) return inetNtoa(read(4));
  if (family === AF_INET6) return inetNtoa6(read(16), true);
  throw new DFault(FaultCode.ILLOP);
}
