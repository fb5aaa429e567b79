/*
 * `pnpm bench`: runs every bench/<area>.ts (each exports a default function that reports rows)
 * in this one process, one after another, and prints a table. Ratios measured in one process are
 * what carry over between machines; absolute figures are for this machine only.
 */

import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const fmt = (v: number): string =>
  Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : v.toPrecision(4).replace(/\.?0+$/, '');

for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: (r: (row: BenchRow) => void) => Promise<void> };
  process.stdout.write(`\n## ${f.replace(/\.ts$/, '')}\n`);
  await mod.default((row) => {
    process.stdout.write(`${row.name.padEnd(64)} ${fmt(row.value).padStart(14)} ${row.unit}${row.note ? `  (${row.note})` : ''}\n`);
  });
}
