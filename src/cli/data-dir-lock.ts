import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { DbCommand } from './commands.js';
import { CliError } from './errors.js';

/**
 * One process at a time opens an embedded (PGlite) database: two would each keep their own copy in
 * memory, so one would never see what the other wrote, and together they can corrupt the directory.
 *
 * The lock is a Unix socket in the data directory that its holder listens on. The kernel closes it
 * when the holder dies, however it dies, so a connection that succeeds means "held" and a leftover
 * file that refuses connections is stale and is removed; no pid file can go stale. A holder that
 * serves HTTP also runs CLI commands sent through the socket, so the CLI writes where the server
 * reads. Only the owner of the data directory can connect (the socket is mode 0600).
 *
 * Protocol: one JSON line each way per connection. Request: {"command": DbCommand} or {"whois": true}.
 * Answer: {"pid": n} plus either "reply" (the command's result) or "busy": true (a holder that does not
 * take commands, i.e. another CLI command).
 */
export type CommandReply = { ok: true; output: string } | { ok: false; message: string; exitCode: 1 | 2 };
type Answer = { pid: number; reply?: CommandReply; busy?: true };

export interface DataDirLock {
  /** From now on, commands sent by other processes run through `handler`. */
  serveCommands(handler: (command: DbCommand) => Promise<CommandReply>): void;
  release(): Promise<void>;
}

export function lockSocketPath(dataDir: string): string {
  return path.join(dataDir, 'roster.sock');
}

/** The embedded database as people know it: relative to where they are, when it is below it. */
export function describeDir(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : dir;
}

export class DataDirHeldError extends CliError {
  override name = 'DataDirHeldError';
  constructor(pgliteDir: string, pid: number | null) {
    super(`${describeDir(pgliteDir)} is held by ${pid === null ? 'another process' : `process ${pid}`}`);
  }
}

function checkPathLength(socket: string): void {
  // sockaddr_un holds 108 bytes on Linux (104 on macOS), with the terminating NUL.
  if (Buffer.byteLength(socket) > 103) {
    throw new CliError(`ROSTER_DATA_DIR is too long for its lock socket ${socket} (at most 103 bytes): choose a shorter path`);
  }
}

/** Sends one request to the holder; null when nobody holds the directory (no socket, or a stale one). */
async function ask(socket: string, request: object, timeoutMs: number | null): Promise<Answer | null> {
  return new Promise((resolve, reject) => {
    const connection = net.createConnection(socket);
    let buffer = '';
    let connected = false;
    const timer = timeoutMs === null ? null : setTimeout(() => connection.destroy(new Error('timeout')), timeoutMs);
    const finish = (action: () => void) => {
      if (timer) clearTimeout(timer);
      connection.destroy();
      action();
    };
    connection.setEncoding('utf8');
    connection.on('connect', () => {
      connected = true;
      connection.write(`${JSON.stringify(request)}\n`);
    });
    connection.on('data', (chunk: string) => {
      buffer += chunk;
      const end = buffer.indexOf('\n');
      if (end >= 0) finish(() => resolve(JSON.parse(buffer.slice(0, end)) as Answer));
    });
    connection.on('error', (error: NodeJS.ErrnoException) => {
      if (!connected && (error.code === 'ENOENT' || error.code === 'ECONNREFUSED')) finish(() => resolve(null));
      // Connected but silent (a stopped process): held, by whom we cannot tell.
      else if (connected && error.message === 'timeout') finish(() => resolve({ pid: -1, busy: true }));
      else finish(() => reject(error));
    });
    connection.on('end', () => finish(() => reject(new Error(`the process holding ${socket} closed the connection without answering`))));
  });
}

/**
 * Hands a command to the process that holds the data directory. Null when none does (the caller then
 * takes the lock and opens the database itself); a DataDirHeldError when the holder takes no commands.
 */
export async function sendToHolder(dataDir: string, pgliteDir: string, command: DbCommand): Promise<CommandReply | null> {
  const socket = lockSocketPath(dataDir);
  checkPathLength(socket);
  const answer = await ask(socket, { command }, null);
  if (!answer) return null;
  if (!answer.reply) throw new DataDirHeldError(pgliteDir, answer.pid > 0 ? answer.pid : null);
  return answer.reply;
}

function listen(server: net.Server, socket: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(socket, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/**
 * Takes the lock on `dataDir`, or fails with a DataDirHeldError naming the holder's pid. A holder that
 * `takesCommands` (a server) makes commands sent while it starts wait for serveCommands.
 */
export async function lockDataDir(dataDir: string, pgliteDir: string, { takesCommands }: { takesCommands: boolean }): Promise<DataDirLock> {
  const socket = lockSocketPath(dataDir);
  checkPathLength(socket);
  fs.mkdirSync(dataDir, { recursive: true });

  let setHandler!: (handler: (command: DbCommand) => Promise<CommandReply>) => void;
  const handler = new Promise<(command: DbCommand) => Promise<CommandReply>>((resolve) => (setHandler = resolve));
  const connections = new Set<net.Socket>();
  const server = net.createServer((connection) => {
    connections.add(connection);
    connection.on('close', () => connections.delete(connection));
    connection.on('error', () => connection.destroy());
    connection.setEncoding('utf8');
    let buffer = '';
    connection.on('data', (chunk: string) => {
      buffer += chunk;
      const end = buffer.indexOf('\n');
      if (end < 0) return;
      connection.removeAllListeners('data');
      void answer(buffer.slice(0, end)).then((reply) => connection.end(`${JSON.stringify(reply)}\n`));
    });
  });
  const answer = async (line: string): Promise<Answer> => {
    let request: { command?: DbCommand };
    try {
      request = JSON.parse(line) as { command?: DbCommand };
    } catch {
      return { pid: process.pid, reply: { ok: false, message: 'malformed request', exitCode: 1 } };
    }
    if (!request.command || !takesCommands) return { pid: process.pid, busy: true };
    return { pid: process.pid, reply: await (await handler)(request.command) };
  };

  for (let attempt = 0; ; attempt++) {
    try {
      await listen(server, socket);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 2) throw error;
    }
    const holder = await ask(socket, { whois: true }, 2000);
    if (holder) throw new DataDirHeldError(pgliteDir, holder.pid > 0 ? holder.pid : null);
    // Left behind by a process that died: nobody listens on it any more.
    fs.rmSync(socket, { force: true });
  }
  fs.chmodSync(socket, 0o600);

  return {
    serveCommands(next) {
      setHandler(next);
    },
    async release() {
      for (const connection of connections) connection.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(socket, { force: true });
    },
  };
}
