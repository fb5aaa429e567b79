import { PassThrough } from 'node:stream';
import { runVerify } from '../../src/commands/verify/command.js';

/** Runs `zsdtrace verify ARGV` in this process; its exit status and what it wrote. */
export async function verify(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await runVerify(argv, { stdout: out, stderr: err });
  return { code, stdout, stderr };
}
