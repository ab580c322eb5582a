import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticksPerSecond;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; fields after it are counted from its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / clockTicks();
}

/** A process and its descendants (a `--workers` primary and its workers), from /proc; [pid] alone when it has none. */
export function processTree(pid: number): number[] {
  const children = fs
    .readdirSync(`/proc/${pid}/task`)
    .flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  return [pid, ...children.flatMap((child) => { try { return processTree(child); } catch { return []; } })];
}

/** CPU time of a process and its descendants, in ms (a child that exits inside a window takes its time with it). */
export function treeCpuMs(pid: number): number {
  return processTree(pid).reduce((sum, member) => { try { return sum + cpuMs(member); } catch { return sum; } }, 0);
}

/** Resident memory of a process and its descendants, in MB. */
export function treeMemoryMb(pid: number): number {
  return processTree(pid).reduce((sum, member) => { try { return sum + memoryMb(member); } catch { return sum; } }, 0);
}

/** A memory figure of /proc/<pid>/status in MB: VmRSS now, or VmHWM (the peak so far). */
export function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}
