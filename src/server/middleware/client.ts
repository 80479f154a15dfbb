/**
 * The client's address, for rate limits. It is the socket's peer unless the
 * server is told it sits behind `trustedHops` proxies, each of which appends
 * the address it saw to X-Forwarded-For; then it is the entry the nearest
 * untrusted hop wrote. A header the client wrote itself is never believed:
 * otherwise a fresh X-Forwarded-For per request would make every guess look
 * like a new client.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export function clientAddress(c: Context, trustedHops: number): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined; // called in-process (tests, `luoshi get`): there is no socket
  }
  if (trustedHops > 0) {
    const chain = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const fromProxy = chain[chain.length - trustedHops];
    if (fromProxy) return fromProxy;
  }
  return peer ?? 'local';
}
