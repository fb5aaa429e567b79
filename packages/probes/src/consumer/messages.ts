/*
 * The text of runtime fault and drop reports (d-language.md 2.6; illumos dt_handle.c).
 *
 * Input: FaultReport / DropReport. Output: the message after the `<progname>: ` prefix, without
 * the newline. The text consumer adds both; the JSON consumer carries the same text.
 */

import type { DropKind, DropReport, FaultReport } from '../program/value-model.js';

/** DTRACEFLT_* codes whose message carries the faulting address (dt_handle_err). */
const ADDRESS_FAULTS: ReadonlySet<number> = new Set([1, 2, 9]);

/**
 * `error on enabled probe ID E (ID P: prov:mod:func:name): <fault>[ (0xaddr)] in action #N
 * at DIF offset M` — the illumos form.
 */
export function faultMessage(f: FaultReport): string {
  const showAddr = f.addr !== undefined && (ADDRESS_FAULTS.has(f.code) || f.code === 0);
  const details = showAddr ? ` (0x${BigInt.asUintN(64, BigInt(f.addr!)).toString(16)})` : '';
  const where = f.where === 'predicate' ? 'predicate' : `action #${f.where.action}`;
  const offset = f.offset >= 0 ? ` at DIF offset ${f.offset}` : '';
  return `error on enabled probe ID ${f.epid} (ID ${f.probeId}: ${f.probe}): ${f.fault}${details} in ${where}${offset}`;
}

interface DropText {
  readonly tag: string;
  readonly noun: string;
  readonly suffix: string;
}

/** dtrace's drop table: tag, counted noun (pluralised), trailing detail. */
const DROPS: Readonly<Record<DropKind, DropText>> = {
  principal: { tag: 'DTRACEDROP_PRINCIPAL', noun: 'drop', suffix: '' },
  aggregation: { tag: 'DTRACEDROP_AGGREGATION', noun: 'aggregation drop', suffix: '' },
  dynamic: { tag: 'DTRACEDROP_DYNAMIC', noun: 'dynamic variable drop', suffix: '' },
  'dynamic-rinsing': {
    tag: 'DTRACEDROP_DYNRINSE', noun: 'dynamic variable drop', suffix: ' with non-empty rinsing list',
  },
  'dynamic-dirty': { tag: 'DTRACEDROP_DYNDIRTY', noun: 'dynamic variable drop', suffix: ' with non-empty dirty list' },
  speculative: { tag: 'DTRACEDROP_SPEC', noun: 'speculative drop', suffix: '' },
  'speculation-busy': {
    tag: 'DTRACEDROP_SPECBUSY', noun: 'failed speculation', suffix: ' (available buffer(s) still busy)',
  },
  'speculation-unavailable': {
    tag: 'DTRACEDROP_SPECUNAVAIL', noun: 'failed speculation', suffix: ' (no speculative buffer available)',
  },
  error: { tag: 'DTRACEDROP_DBLERROR', noun: 'error', suffix: ' in ERROR probe enabling' },
};

/** The DTRACEDROP_* tag of a drop kind. */
export function dropTag(kind: DropKind): string {
  return DROPS[kind].tag;
}

/**
 * `N drops on CPU C`, `N aggregation drops on CPU C`, `N dynamic variable drops`, …; singular
 * for one. With `droptags`, prefixed `[DTRACEDROP_*] `.
 */
export function dropMessage(d: DropReport, droptags: boolean): string {
  const t = DROPS[d.kind];
  // dtrace pluralises on `howmany > 1`.
  const plural = d.count > 1 ? 's' : '';
  const perCpu = d.kind === 'principal' || d.kind === 'aggregation';
  const body = perCpu
    ? `${d.count} ${t.noun}${plural} on CPU ${d.cpu ?? 0}`
    : `${d.count} ${t.noun}${plural}${t.suffix}`;
  return droptags ? `[${t.tag}] ${body}` : body;
}
