import fs from 'node:fs';

/**
 * Resident memory of another process, read from outside it (Linux /proc), so a host wedged by a
 * memory bomb is still measured. Undefined where /proc is missing; main then uses the host's own reports.
 */
export function readResidentBytes(pid: number): number | undefined {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
}
