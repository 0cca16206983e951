/**
 * Sends what the LMS must know without ever holding up a tap: each change
 * is queued (a later value of the same element replaces an earlier one) and
 * written and committed just after the screen has answered, at most once a
 * second. A commit the LMS refuses (its "false") leaves everything queued:
 * it is written again and committed again later (1 s, 2 s, 4 s … 30 s), so
 * nothing is lost, and nothing is sent twice (an interaction's number is
 * fixed when it is made). The session ends only after a commit succeeded.
 */
import type { CmiValue, Connection, Dialect, Exit } from './runtime';

export type SendState = 'sent' | 'waiting' | 'closed';

/** The shortest time between two commits (an LMS answers each one over the network). */
export const COMMIT_GAP_MS = 1000;
const RETRY_MAX_MS = 30_000;

export class Reporter {
  private pending = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastCommit = 0;
  private retry = 0;
  private exit: Exit | null = null;
  private closed = false;
  private readonly started = Date.now();

  constructor(
    private readonly d: Dialect,
    private readonly conn: Connection,
    private readonly onState: (s: SendState, error: string) => void = () => {},
  ) {}

  /** Queues values; they are sent soon (never during the caller's turn). */
  put(values: readonly CmiValue[]) {
    if (this.closed) return;
    for (const [e, v] of values) {
      this.pending.delete(e); // kept in the order of their last change
      this.pending.set(e, v);
    }
    this.schedule();
  }

  private schedule(delay = Math.max(0, this.lastCommit + COMMIT_GAP_MS - Date.now())) {
    if (this.timer !== undefined || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, Math.max(delay, this.retry));
  }

  /** Writes and commits what is queued now; true when the LMS took it. On a refusal it stays queued and is tried again. */
  flush(): boolean {
    if (this.closed) return false;
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const [e, v] of this.d.sessionTime(Date.now() - this.started)) this.pending.set(e, v);
    if (this.exit) for (const [e, v] of this.d.exit(this.exit)) this.pending.set(e, v);
    const refused: string[] = [];
    for (const [e, v] of this.pending) if (!this.conn.set(e, v)) refused.push(`${e}: ${this.conn.lastError()}`);
    // a value the LMS refuses to store (not a lost connection) would be refused again: said, not retried
    if (refused.length) console.warn('LMS refused', refused);
    this.lastCommit = Date.now();
    if (!this.conn.commit()) {
      this.retry = Math.min(RETRY_MAX_MS, this.retry ? this.retry * 2 : 1000);
      this.onState('waiting', this.conn.lastError());
      this.schedule(this.retry);
      return false;
    }
    this.pending.clear();
    this.retry = 0;
    if (this.exit) {
      this.closed = true;
      this.conn.terminate();
      this.onState('closed', '');
    } else this.onState('sent', '');
    return true;
  }

  /** Ends the session: `suspend` (the learner comes back) or `normal` (the attempt is over), once the LMS has taken everything. */
  close(exit: Exit, now = false) {
    if (this.closed) return;
    this.exit = exit;
    if (now) this.flush();
    else this.schedule();
  }

  get isClosed() {
    return this.closed;
  }
}
