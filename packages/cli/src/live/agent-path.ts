/*
 * Where the agent bundle is: next to the CLI's bundle (dist/live-agent.cjs, built by
 * build.mjs), or in dist/ when zsdtrace runs from its TypeScript sources.
 */

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function agentPath(): string {
  const beside = fileURLToPath(new URL('./live-agent.cjs', import.meta.url));
  if (existsSync(beside)) return beside;
  return fileURLToPath(new URL('../../dist/live-agent.cjs', import.meta.url));
}
