import net from 'node:net';

/**
 * The socket `pg` talks to PostgreSQL through (its documented `stream` option): the queries written in
 * one turn of the event loop go out together, in one `writev`, at the end of that turn. `pg` corks the
 * socket around each extended-protocol query (Parse, Bind, Describe, Execute, Sync) and uncorks it
 * right after, so in pipeline mode, where the dialect (pg-dialect.ts) hands it several queries at once
 * (a held BEGIN, held writes, the statement, the COMMIT), each query was a syscall of its own: a CPU
 * profile of the role change on a busy 2-core machine spent 38% of Roster's busy time in `writev` and
 * `writeBuffer`. Here the uncork waits for the end of the turn (a plain query written meanwhile, the
 * COMMIT, joins the same write). Nothing waits longer than the current turn: a lone query leaves
 * before any I/O is read, as it would have. (Overriding `write` would not do: `net.Socket#connect`
 * resets `write` on the instance.)
 */
export class CoalescingSocket extends net.Socket {
  /** Uncorks owed to `pg`, paid at the end of the turn. */
  #owed = 0;

  override uncork(): void {
    if (this.#owed++ > 0) return;
    process.nextTick(() => {
      const owed = this.#owed;
      this.#owed = 0;
      for (let i = 0; i < owed; i++) super.uncork();
    });
  }
}
