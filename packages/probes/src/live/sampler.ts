/*
 * profile-N inside a traced Node.js process: V8's sampling CPU profiler, driven through an
 * in-process node:inspector Session. Samples are collected by V8's own sampler thread (so the
 * JavaScript thread pays only for recording them) and handed over in batches, each with its
 * time and its JavaScript stack (function, script, line), innermost first. Samples taken while
 * the thread was idle in the event loop are not CPU time and fire nothing.
 */

import { Session } from 'node:inspector';
import type { StackFrame } from '../provider/host.js';
import type { SampleSource } from './live-host.js';

/** How often a batch of samples is collected (and fired). */
const BATCH_MS = 250;

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

/** One JavaScript frame as jstack() prints it: `func (script:line)`. */
export function frameOf(cf: CallFrame): StackFrame {
  const name = cf.functionName === '' ? '(anonymous)' : cf.functionName;
  const script = cf.url.startsWith('file://') ? cf.url.slice('file://'.length) : cf.url;
  const func = script === '' ? name : `${name} (${script}:${cf.lineNumber + 1})`;
  return { module: '', func, offset: 0 };
}

/** The stacks of a profile's nodes, innermost first; null for idle and the root. */
export function nodeStacks(profile: CpuProfile): Map<number, readonly StackFrame[] | null> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const out = new Map<number, readonly StackFrame[] | null>();
  for (const n of profile.nodes) {
    const name = n.callFrame.functionName;
    if (name === '(idle)' || name === '(root)') {
      out.set(n.id, null);
      continue;
    }
    const frames: StackFrame[] = [];
    for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id)!;
      if (node.callFrame.functionName === '(root)') break;
      frames.push(frameOf(node.callFrame));
    }
    out.set(n.id, frames);
  }
  return out;
}

/** A SampleSource on V8's profiler; each call runs its own profile on its own session. */
export const v8Sampler: SampleSource = (periodNs, onSample) => {
  const session = new Session();
  session.connect();
  let running = true;
  // The in-process session answers synchronously: sampling starts before this returns.
  const deliver = (profile: CpuProfile | undefined): void => {
    if (!profile) return;
    const stacks = nodeStacks(profile);
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    let us = profile.startTime;
    for (let i = 0; i < samples.length; i++) {
      us += deltas[i] ?? 0;
      const frames = stacks.get(samples[i]!);
      if (frames) onSample(us * 1000, frames);
    }
  };
  const stopProfile = (): CpuProfile | undefined => {
    let profile: CpuProfile | undefined;
    session.post('Profiler.stop', (err, res) => {
      if (!err) profile = (res as { profile: CpuProfile }).profile;
    });
    return profile;
  };
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: Math.max(1, Math.round(periodNs / 1000)) });
  session.post('Profiler.start');
  const timer = setInterval(() => {
    const profile = stopProfile();
    if (running) session.post('Profiler.start');
    deliver(profile);
  }, BATCH_MS);
  timer.unref();
  return () => {
    if (!running) return;
    running = false;
    clearInterval(timer);
    // The last batch fires before END (stop() is synchronous, so is the in-process session).
    try {
      deliver(stopProfile());
      session.post('Profiler.disable');
    } finally {
      session.disconnect();
    }
  };
};
