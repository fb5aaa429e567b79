/*
 * Which illumos DTrace tests can run without a real kernel. The illumos test suite is the measure of
 * how closely zsdtrace follows dtrace(1); only the tests that need nothing but the dtrace provider and
 * the profile provider's tick-N/profile-N probes can be run against the simulated kernel, so this
 * module decides that from a test's file name, its companions and its D text.
 */

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The place of the kernel-free tests inside an illumos-gate tree. */
export const TESTS_UNDER = 'usr/src/cmd/dtrace/test/tst/common';

/** Files whose presence next to `<base>.d` means the test needs a helper program or a shell. */
const COMPANIONS = ['.ksh', '.exe', '.c'] as const;

/**
 * Identifiers that name kernel state or kernel types (CTF of the illumos kernel, its translators'
 * inputs and outputs). A test naming one of them needs the real kernel's types.
 */
export const KERNEL_NAMES = [
  'curthread', 'curpsinfo', 'curlwpsinfo', 'curcpu', 'cpu_t', 'cpuinfo_t', 'kthread_t', 'proc_t',
  'klwp_t', 'psinfo_t', 'lwpsinfo_t', 'vnode_t', 'vfs_t', 'uio_t', 'buf_t', 'bufinfo_t', 'devinfo_t',
  'fileinfo_t', 'mblk_t', 'dev_info_t', 'kmutex_t', 'krwlock_t', 'cred_t', 'zone_t', 'pid_t_ptr',
  'ipinfo_t', 'ifinfo_t', 'conninfo_t', 'tcpinfo_t', 'csinfo_t', 'tcpsinfo_t', 'tcplsinfo_t',
  'udpinfo_t', 'udpsinfo_t', 'ipv4info_t', 'ipv6info_t', 'siginfo_t', 'struct proc', 'struct vnode',
  'struct buf', 'struct cpu', 'struct _kthread', 'struct file', 'struct uio', 'struct sockaddr',
  'struct dev_info', 'struct vfs', 'struct cred', 'struct _klwp', 'struct pollhead',
  'uregs', 'execargs', 'cwd', 'root', 'fds', 'ucaller', 'ustackdepth', 'copyin', 'copyinstr',
  'copyinto', 'copyout', 'copyoutstr', 'ddi_pathname', 'getmajor', 'getminor', 'mutex_owned',
  'mutex_owner', 'mutex_type_adaptive', 'mutex_type_spin', 'rw_read_held', 'rw_write_held',
  'rw_iswriter', 'progenyof', 'ustack', 'jstack', 'uaddr', 'usym', 'ufunc', 'umod', 'pcap',
] as const;

export interface SelectedTest {
  /** `<area>/<file>` relative to the tests directory. */
  id: string;
  area: string;
  name: string;
  dir: string;
  path: string;
}

export interface Rejection {
  id: string;
  why: string;
}

/** Removes D comments and string/character literal contents, keeping line structure. */
export function stripCommentsAndStrings(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      out += src.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === '/' && src[i + 1] === '/') {
      const end = src.indexOf('\n', i);
      const stop = end < 0 ? src.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      out += c + ' '.repeat(Math.max(0, Math.min(j, src.length) - i - 1)) + (j < src.length ? c : '');
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const DECL_WORDS = /\b(struct|union|enum|translator|typedef|inline|provider)\b/;

/**
 * The probe descriptions of a D program's clauses: the text before each top-level `{` (or before the
 * predicate's `/`) that is not a type, translator or provider definition. Control lines are skipped.
 */
export function probeDescriptions(src: string): string[] {
  const lines = stripCommentsAndStrings(src).split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*#/.test(lines[i]!)) continue;
    // a control line and its backslash continuations are cpp's, not D's
    for (let j = i; j < lines.length; j++) {
      const more = /\\\s*$/.test(lines[j]!);
      lines[j] = '';
      if (!more) break;
    }
  }
  const text = lines.join('\n');
  const descs: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      if (depth === 0) {
        const header = text.slice(start, i);
        if (!DECL_WORDS.test(header)) {
          const slash = header.indexOf('/');
          const part = slash < 0 ? header : header.slice(0, slash);
          for (const d of part.split(',')) if (d.trim() !== '') descs.push(d.trim());
        }
      }
      depth++;
    } else if (c === '}') {
      depth--;
      if (depth === 0) start = i + 1;
    } else if (c === ';' && depth === 0) {
      start = i + 1;
    }
  }
  return descs;
}

/** True when a description names only dtrace's own probes or the profile provider's timers. */
export function isKernelFreeProbe(desc: string): boolean {
  const fields = desc.split(':');
  const name = fields[fields.length - 1]!;
  const provider = fields.length === 4 ? fields[0]! : '';
  if (fields.length === 4 && fields[1] !== '' ) return false;
  if (fields.length >= 3 && fields[fields.length - 2] !== '') return false;
  if (/^(BEGIN|END|ERROR)$/.test(name)) return provider === '' || provider === 'dtrace';
  if (/^(tick|profile)-[0-9$][0-9A-Za-z$]*$/.test(name)) return provider === '' || provider === 'profile';
  return false;
}

/** The first kernel name a program uses, or undefined. A backquoted symbol counts as one. */
export function kernelUse(src: string): string | undefined {
  const text = stripCommentsAndStrings(src);
  const sym = /(^|[^A-Za-z0-9_])`[A-Za-z_]/.exec(text) ?? /[A-Za-z0-9_]`[A-Za-z_]/.exec(text);
  if (sym) return 'backquoted kernel symbol';
  for (const name of KERNEL_NAMES) {
    const re = new RegExp(`(^|[^A-Za-z0-9_>.])${name.replace(' ', '\\s+')}(?![A-Za-z0-9_])`);
    if (re.test(text)) return name;
  }
  return undefined;
}

/** Why a test file is not kernel-free, or undefined when it is. */
export function rejection(name: string, siblings: ReadonlySet<string>, src: string): string | undefined {
  if (!/^(tst|err|drp)\..+\.d$/.test(name)) return 'not a tst./err./drp. D script';
  const base = name.slice(0, -2);
  for (const ext of COMPANIONS) if (siblings.has(base + ext)) return `has a ${ext} companion`;
  const descs = probeDescriptions(src);
  const bad = descs.find((d) => !isKernelFreeProbe(d));
  if (bad !== undefined) return `probe ${bad}`;
  const k = kernelUse(src);
  if (k !== undefined) return `uses ${k}`;
  return undefined;
}

/** Walks `<tree>/usr/src/cmd/dtrace/test/tst/common/<area>/` and splits its D tests. */
export function selectTests(tree: string): { selected: SelectedTest[]; rejected: Rejection[] } {
  const top = join(tree, TESTS_UNDER);
  if (!existsSync(top)) throw new Error(`${top} does not exist: give the root of an illumos-gate tree`);
  const selected: SelectedTest[] = [];
  const rejected: Rejection[] = [];
  for (const area of readdirSync(top).sort()) {
    const dir = join(top, area);
    if (!statSync(dir).isDirectory()) continue;
    const files = readdirSync(dir).sort();
    const siblings = new Set(files);
    for (const name of files) {
      if (!/^(tst|err|drp)\..+\.d$/.test(name)) continue;
      const path = join(dir, name);
      const why = rejection(name, siblings, readFileSync(path, 'latin1'));
      const id = `${area}/${name}`;
      if (why === undefined) selected.push({ id, area, name, dir, path });
      else rejected.push({ id, why });
    }
  }
  return { selected, rejected };
}
