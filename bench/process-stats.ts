// Resident memory and CPU time of another process (Linux /proc), for the sandbox host.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { readResidentBytes } from '../main/skills/sandbox/process-memory.ts';

let ticksPerSecond: number | undefined;

export function residentBytes(pid: number | undefined): number {
  const bytes = pid === undefined ? undefined : readResidentBytes(pid);
  if (bytes === undefined) throw new Error(`cannot read the resident memory of process ${String(pid)} (Linux /proc only)`);
  return bytes;
}

/** User + system CPU seconds the process has used so far. */
export function cpuSeconds(pid: number | undefined): number {
  const stat = fs.readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
  // Fields after the parenthesised command name start at field 3 (state); utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

export const MB = 1024 * 1024;
