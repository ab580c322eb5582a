import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** A server the bench started: Roster, or one of its peers (bench/peers/). */
export interface ServerProcess {
  pid: number;
  baseUrl: string;
  /** The last lines it printed (Roster: warnings and errors only, at LOG_LEVEL=warn). */
  output(): string;
  stop(): Promise<void>;
}

export type RosterProcess = ServerProcess;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Roster runs from dist/, as in production: rebuild it when a source file is newer. */
export async function ensureBuilt(note: (text: string) => void): Promise<void> {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  if (fs.existsSync(cli) && fs.statSync(cli).mtimeMs >= newestMtime(path.join(ROOT, 'src'))) return;
  note('dist/ is older than src/: running npm run build');
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build exited with ${code}`))));
  });
}

async function waitForHealth(name: string, baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/_health/`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not become healthy within 60 s:\n${output()}`);
}

/**
 * The V8 flags `npm start` gives the server (package.json): a smaller young generation and a heap that
 * grows by 20% over what is live, which keep its memory in bounds under load. The bench runs the server
 * as `npm start` does.
 */
export function startFlags(): string[] {
  const start: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start;
  return start.split(/\s+/).filter((word) => word.startsWith('--'));
}

/** ROSTER_METRICS_PORT given to the bench turns the server's metrics on, to measure what they cost per request. */
function metricsEnv(): Record<string, string> {
  return process.env.ROSTER_METRICS_PORT ? { ROSTER_METRICS_PORT: process.env.ROSTER_METRICS_PORT } : {};
}

/** `node <npm start's flags> dist/cli.js serve [--workers N]` on a free loopback port, LOG_LEVEL=warn; resolves once /_health/ answers 200. */
export function startRoster(env: Record<string, string>, cpuProfDir: string | null, workers = 1): Promise<RosterProcess> {
  const args = [
    ...startFlags(),
    ...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []),
    path.join(ROOT, 'dist', 'cli.js'),
    'serve',
    ...(workers > 1 ? ['--workers', String(workers)] : []),
  ];
  return startServer('Roster', args, env);
}

/** `node <args>` with PORT and HOST set to a free loopback port; resolves once its /_health/ answers 200. */
export async function startServer(name: string, args: string[], env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...metricsEnv(), ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  await waitForHealth(name, baseUrl, child, () => tail);
  return {
    pid: child.pid!,
    baseUrl,
    output: () => tail,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
