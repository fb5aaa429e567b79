/*
 * Where the agent bundle is: dist/live-agent.cjs (built by build.mjs), next to the CLI's bundle
 * or one level up from its chunks, or under the package when zsdtrace runs from its sources.
 */

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CANDIDATES = ['./live-agent.cjs', '../live-agent.cjs', '../../../../dist/live-agent.cjs'] as const;

export function agentPath(): string {
  const paths = CANDIDATES.map((c) => fileURLToPath(new URL(c, import.meta.url)));
  return paths.find((p) => existsSync(p)) ?? paths[0]!;
}
