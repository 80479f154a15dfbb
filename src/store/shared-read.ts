/**
 * One read shared by everyone who asks while it is not yet sent.
 *
 * The read cache asks for the database's change token on every cached read;
 * on PostgreSQL each ask is a round trip, so a server under load spends more
 * on asking than on answering. Asks that come while a read is out cannot take
 * its answer — it may have been read before a commit that finished before
 * they asked — but they can all take the *next* one, sent once the first is
 * back: it is sent after each of them asked, so it is as fresh as their own
 * would be. Under load that is one read per round trip, whatever the rate.
 */
export function sharedRead<T>(read: () => Promise<T>): () => Promise<T> {
  /** A read sent and not yet answered. */
  let out: Promise<T> | undefined;
  /** The read to send when `out` is answered, shared by everyone who asked meanwhile. */
  let queued: Promise<T> | undefined;
  const send = (): Promise<T> => {
    const p: Promise<T> = read().finally(() => {
      if (out === p) out = undefined;
    });
    out = p;
    return p;
  };
  const settled = () => {};
  return () => {
    if (!out) return send();
    queued ??= out.then(settled, settled).then(() => {
      queued = undefined;
      return send();
    });
    return queued;
  };
}
