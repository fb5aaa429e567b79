/*
 * A probe: one named point in instrumented code.
 *
 * The instrumented side writes `if (p.enabled) p.fire(a, b)`. `enabled` and `fire` are plain
 * fields of a long-lived object, so a disabled probe costs one property load and a branch, and
 * argument construction happens only inside the guard. A consumer enables a probe by installing
 * a handler through the registry, never by writing these fields itself.
 */

/** One typed argument of a probe, as `dtrace -lv` shows it (`args[0]: zone_t *`). */
export interface ProbeArg {
  /** The D/C type name: `zone_t *`, `zone_key_t`, `void *`, `struct zsd_entry *`, `int`, `string`. */
  readonly type: string;
  /** An optional name for documentation (`zone`, `key`). */
  readonly name?: string;
}

/** What a probe calls when it fires: up to ten positional arguments (arg0 … arg9). */
export type ProbeHandler = (
  a0?: unknown, a1?: unknown, a2?: unknown, a3?: unknown, a4?: unknown,
  a5?: unknown, a6?: unknown, a7?: unknown, a8?: unknown, a9?: unknown,
) => void;

const noop: ProbeHandler = () => {};

export class Probe {
  /** True while at least one consumer has a handler installed. Read by every probe site. */
  enabled = false;
  /** The installed handler (or a fan-out over several). Call only when `enabled`. */
  fire: ProbeHandler = noop;

  constructor(
    readonly id: number,
    readonly provider: string,
    readonly module: string,
    readonly func: string,
    readonly name: string,
    readonly args: readonly ProbeArg[],
  ) {}

  /** `provider:module:function:name`, as dtrace prints a probe. */
  get fullName(): string {
    return `${this.provider}:${this.module}:${this.func}:${this.name}`;
  }
}
