import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { DriverJob, DriverMessage, DriverResult } from './driver.js';
import { cpuMs, treeCpuMs, treeMemoryMb } from './proc.js';

export interface LoadResult extends DriverResult {
  /** Server CPU time spent inside the window (with `--workers`: the primary's and every worker's). */
  serverCpuMs: number;
  /** The driver's own CPU time inside the window: load generation shares the machine's cores with the server. */
  driverCpuMs: number;
  /** The server's largest resident set seen during the run (with `--workers`: summed over its processes). */
  peakRssMb: number;
}

/** The driver process, forked once and given one job at a time. */
export class LoadDriver {
  readonly #child: ChildProcess;

  constructor() {
    this.#child = fork(path.join(import.meta.dirname, 'driver.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  }

  /** Runs one job against the server with this pid, sampling its CPU at the window's edges and its RSS throughout. */
  run(job: DriverJob, serverPid: number): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      const driverPid = this.#child.pid!;
      let cpuAtStart = Number.NaN;
      let cpuAtEnd = Number.NaN;
      let driverCpuAtStart = Number.NaN;
      let driverCpuAtEnd = Number.NaN;
      let peakRssMb = treeMemoryMb(serverPid);
      const sampler = setInterval(() => {
        try {
          peakRssMb = Math.max(peakRssMb, treeMemoryMb(serverPid));
        } catch {
          // the server is gone; the run will report it
        }
      }, 100);
      const onMessage = (message: DriverMessage) => {
        if (message.type === 'window-start') {
          cpuAtStart = treeCpuMs(serverPid);
          driverCpuAtStart = cpuMs(driverPid);
        } else if (message.type === 'window-end') {
          cpuAtEnd = treeCpuMs(serverPid);
          driverCpuAtEnd = cpuMs(driverPid);
        }
        else {
          clearInterval(sampler);
          this.#child.off('message', onMessage);
          this.#child.off('exit', onExit);
          if (message.type === 'failed') reject(new Error(`driver: ${message.error}`));
          else resolve({ ...message.result, serverCpuMs: cpuAtEnd - cpuAtStart, driverCpuMs: driverCpuAtEnd - driverCpuAtStart, peakRssMb });
        }
      };
      const onExit = (code: number | null) => {
        clearInterval(sampler);
        reject(new Error(`the driver exited (${code})`));
      };
      this.#child.on('message', onMessage);
      this.#child.once('exit', onExit);
      this.#child.send({ type: 'run', job });
    });
  }

  close(): void {
    if (this.#child.connected) this.#child.send({ type: 'exit' });
  }
}
