/**
 * One attempt, one tab. A tab that plays an attempt holds it (a Web Lock
 * named after the attempt where the browser has them); another tab of the
 * same device that opens the same attempt asks for it on a BroadcastChannel,
 * and the holder lets go: it stops taking gestures at once, writes what it
 * has not saved yet, says so to the trainee (who may take the attempt back
 * the same way) and then releases the lock. The new holder reads the attempt
 * from the store only after that, so the log is one history that both tabs
 * showed, and a gesture made in the tab that let go is never appended.
 */

export interface AttemptClaim {
  /** False once another tab took the attempt: nothing this tab does may reach the log then. */
  readonly active: boolean;
  /** Lets go of the attempt (the session ended or was left). */
  release(): void;
}

export interface ClaimOptions {
  /** Another tab took the attempt: stop taking gestures (the claim is already inactive). */
  onLost(): void;
  /** Writes what waits (the store's flush), before the other tab reads the attempt. */
  flush(): Promise<unknown>;
}

/** What the guard needs of the browser; tests give their own. */
export interface TabEnvironment {
  channel(name: string): Pick<BroadcastChannel, 'postMessage' | 'close'> & { onmessage: ((e: MessageEvent) => void) | null };
  locks?: Pick<LockManager, 'request'>;
  /** How long to wait for a holder that does not answer (ms). */
  patienceMs?: number;
}

const CHANNEL = 'salle-blanche.attempt-tabs';
type Message = { type: 'claim'; attemptId: string; from: string } | { type: 'released'; attemptId: string; to: string };

function browserEnvironment(): TabEnvironment | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const locks = typeof navigator !== 'undefined' && navigator.locks && typeof navigator.locks.request === 'function' ? navigator.locks : undefined;
  return { channel: (name) => new BroadcastChannel(name), ...(locks ? { locks } : {}) };
}

/**
 * Takes the attempt for this tab: resolves once any other tab holding it has
 * saved its events and let go (or did not answer in time). Where the browser
 * has neither BroadcastChannel nor locks, the claim is always active.
 */
export async function claimAttempt(attemptId: string, options: ClaimOptions, env: TabEnvironment | null = browserEnvironment()): Promise<AttemptClaim> {
  if (!env) return { active: true, release: () => undefined };
  const me = crypto.randomUUID();
  const patience = env.patienceMs ?? 4000;
  const channel = env.channel(CHANNEL);
  let active = false;
  let released = false;
  let freeLock: (() => void) | null = null;
  const answered = new Set<() => void>();

  const letGo = async (to: string) => {
    if (!active) return;
    active = false;
    options.onLost();
    await options.flush().catch(() => undefined);
    freeLock?.();
    freeLock = null;
    channel.postMessage({ type: 'released', attemptId, to } satisfies Message);
  };
  channel.onmessage = (e: MessageEvent) => {
    const m = e.data as Message;
    if (!m || m.attemptId !== attemptId) return;
    if (m.type === 'claim' && m.from !== me) void letGo(m.from);
    if (m.type === 'released' && m.to === me) for (const f of answered) f();
  };
  const reply = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        answered.delete(done);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(done, patience);
      answered.add(done);
    });

  if (env.locks) {
    const name = `salle-blanche.attempt.${attemptId}`;
    // holds the lock until freeLock(); resolves true once held, false when another tab holds it (ifAvailable)
    const hold = (opts: LockOptions) =>
      new Promise<boolean>((held) => {
        env.locks!
          .request(name, opts, (lock) => {
            if (!lock) return held(false);
            held(true);
            return new Promise<void>((free) => (freeLock = free));
          })
          .catch(() => {
            // the wait was given up (AbortError before the lock was held), or the lock was stolen by a tab that
            // waited in vain for this one: it is the other's now
            held(false);
            if (active && !released) {
              active = false;
              options.onLost();
            }
          });
      });
    if (!(await hold({ ifAvailable: true }))) {
      const answer = reply();
      channel.postMessage({ type: 'claim', attemptId, from: me } satisfies Message);
      const waiting = new AbortController();
      const got = hold({ signal: waiting.signal });
      const first = await Promise.race([got.then(() => 'lock' as const), answer.then(() => 'answer' as const)]);
      // an answer came (or none in time) but the lock is still held by a tab that does not let go: take it
      if (first === 'answer' && !(await Promise.race([got, new Promise<false>((r) => setTimeout(() => r(false), 500))]))) {
        waiting.abort();
        await hold({ steal: true });
      }
    }
  } else {
    const answer = reply();
    channel.postMessage({ type: 'claim', attemptId, from: me } satisfies Message);
    // without locks nothing says whether a tab holds it: a short wait for its answer
    await Promise.race([answer, new Promise((r) => setTimeout(r, Math.min(patience, 300)))]);
  }
  active = true;
  return {
    get active() {
      return active && !released;
    },
    release: () => {
      if (released) return;
      released = true;
      active = false;
      freeLock?.();
      freeLock = null;
      channel.onmessage = null;
      channel.close();
    },
  };
}
