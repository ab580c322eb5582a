import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from './private-postgres.js';

const CLI = path.resolve('dist/cli.js');

export interface RosterProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process printed. */
  output(): string;
  /** Resolves with the exit code (null after a signal it did not handle) once the process has exited. */
  exited: Promise<number | null>;
  /** SIGKILL: no shutdown, no cleanup — a crash. */
  kill(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
}

/** Starts `roster serve [args]` as a separate process (the built CLI) and waits until it answers /_health/. */
export async function startRoster(env: Record<string, string>, port?: number, args: string[] = []): Promise<RosterProcess> {
  const chosen = port ?? (await freePort());
  let output = '';
  const child = spawn(process.execPath, [CLI, 'serve', ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env, PORT: String(chosen) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${chosen}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`roster serve exited early:\n${output}`);
    try {
      const response = await fetch(`${url}/_health/`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`roster serve did not become healthy:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    port: chosen,
    child,
    exited,
    output: () => output,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
