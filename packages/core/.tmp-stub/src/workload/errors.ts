/*
 * The error a malformed workload produces: a stable code, the JSON path of the field and the
 * reason, e.g. `zones[2].bootAt: must be a non-negative duration like "5ms"`.
 */

export class WorkloadError extends Error {
  readonly code = 'E_WORKLOAD' as const;

  constructor(
    readonly field: string,
    readonly reason: string,
    readonly source?: string,
  ) {
    super(`${source ? `${source}: ` : ''}${field ? `${field}: ` : ''}${reason}`);
    this.name = 'WorkloadError';
  }
}
