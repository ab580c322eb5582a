import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
/** The CLI from source (tsx), so a test never runs a stale build. */
const CLI = path.resolve('src/cli.ts');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `roster ARGS` in its own process and returns its exit code and output (never throws on a non-zero exit). */
export async function roster(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, ['--import', 'tsx', CLI, ...args], { env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** Like `roster`, but a non-zero exit fails the test with what the command printed. */
export async function rosterOk(env: NodeJS.ProcessEnv, ...args: string[]): Promise<string> {
  const result = await roster(env, ...args);
  if (result.code !== 0) throw new Error(`roster ${args.join(' ')} exited ${result.code}:\n${result.stderr}${result.stdout}`);
  return result.stdout.trim();
}

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** The exit code, once it exited. */
  exited: Promise<number | null>;
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<number | null>;
}

/** `roster serve` on `port` with `env`; resolves when /_health/ answers, or rejects with what it printed. */
export async function startServe(env: NodeJS.ProcessEnv, port: number, spawnArgs?: { command: string; args: string[]; detached?: boolean }): Promise<ServeProcess> {
  const command = spawnArgs?.command ?? process.execPath;
  const args = spawnArgs?.args ?? ['--import', 'tsx', CLI, 'serve'];
  const child = spawn(command, args, {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: spawnArgs?.detached ?? false,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const serve: ServeProcess = {
    child,
    url,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`roster serve exited ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/_health/`)).status === 200 && /Emails go to/.test(output)) return serve;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await serve.stop();
      throw new Error(`roster serve did not become healthy:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs `roster serve` expecting it to refuse to start; returns its exit code and output. */
export async function serveRefused(env: NodeJS.ProcessEnv, port: number): Promise<CliResult> {
  return roster({ ...env, PORT: String(port), HOST: '127.0.0.1' }, 'serve');
}
