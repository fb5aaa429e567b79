/*
 * One line per trace event, for violation reports and the event tail of a replay:
 * `t=1234 tid=3 create-start zone=1 key=2`. Probe events use the probe's DTrace name (spec 1.6);
 * synthetic events their event kind. Status values are shown by name (spec 1.3).
 */

import type { TraceEvent } from '../trace/events.js';
import { statusName } from './trace-model.js';

export function formatEvent(e: TraceEvent): string {
  const head = `t=${e.t} tid=${e.tid}`;
  switch (e.kind) {
    case 'needed':
    case 'inprogress':
    case 'start':
    case 'end':
    case 'completed': {
      const extra = e.kind === 'needed' && e.src ? ` by ${e.src}` : e.kind === 'end' && e.result !== undefined ? ` result=0x${e.result.toString(16)}` : '';
      return `${head} ${e.phase}-${e.kind} zone=${e.zone} key=${e.key}${extra}`;
    }
    case 'waitCreator':
    case 'waitInprogress':
      return `${head} ${e.kind === 'waitCreator' ? 'wait-for-creator' : 'wait-for-inprogress'} zone=${e.zone} key=${e.key} flags=0x${e.flags.toString(16)} holder=${e.holder}`;
    case 'waitEnd':
      return `${head} wait-end (${e.wait}) zone=${e.zone} key=${e.key} since=${e.since}`;
    case 'alloc':
    case 'free':
      return `${head} ${e.kind} zone=${e.zone} key=${e.key} by ${e.src}`;
    case 'status':
      return `${head} status zone=${e.zone} ${statusName(e.from)} -> ${statusName(e.to)}`;
    case 'opBegin':
    case 'opEnd': {
      const ids = `${e.zone !== undefined ? ` zone=${e.zone}` : ''}${e.key !== undefined ? ` key=${e.key}` : ''}`;
      const rc = e.kind === 'opEnd' && e.rc !== undefined ? ` rc=${e.rc}` : '';
      return `${head} ${e.op} ${e.kind === 'opBegin' ? 'begin' : 'end'} #${e.opId}${ids}${rc}`;
    }
    case 'keyPublish':
      return `${head} key-publish key=${e.key}`;
    case 'markVisit':
      return `${head} mark-visit zone=${e.zone} key=${e.key} status=${statusName(e.status)} ${e.decision}`;
    case 'lockAcquire':
      return `${head} mutex_enter ${e.lock}${e.blockedNs > 0 ? ` (blocked ${e.blockedNs} ns)` : ''}`;
    case 'lockRelease':
      return `${head} mutex_exit ${e.lock}`;
    case 'getspecific':
      return `${head} zone_getspecific zone=${e.zone} key=${e.key} -> 0x${e.value.toString(16)}`;
    case 'setspecific':
      return `${head} zone_setspecific zone=${e.zone} key=${e.key} value=0x${e.value.toString(16)} rc=${e.rc}`;
    case 'finding':
      return `${head} FINDING ${e.finding}: ${e.message}`;
  }
}
