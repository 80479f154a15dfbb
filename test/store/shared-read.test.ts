import { describe, expect, it } from 'vitest';
import { sharedRead } from '../../src/store/shared-read.js';

/** A read whose answers the test gives, one per read sent. */
function controlled() {
  const pending: ((v: number) => void)[] = [];
  const failing: ((e: Error) => void)[] = [];
  let sent = 0;
  const read = () => {
    sent++;
    return new Promise<number>((ok, fail) => {
      pending.push(ok);
      failing.push(fail);
    });
  };
  return { read, sent: () => sent, answer: (v: number) => pending.shift()!(v), fail: (e: Error) => (pending.shift(), failing.shift()!(e)) };
}

const tick = () => new Promise((go) => setTimeout(go, 0));

describe('sharedRead', () => {
  it('never hands an ask the answer of a read sent before it; asks made meanwhile share the next read', async () => {
    const c = controlled();
    const ask = sharedRead(c.read);
    const first = ask();
    const second = ask();
    const third = ask();
    expect(c.sent()).toBe(1); // the later two wait: the read out was sent before they asked
    c.answer(1);
    await tick();
    expect(c.sent()).toBe(2); // one read for both
    c.answer(2);
    expect(await first).toBe(1);
    expect(await second).toBe(2);
    expect(await third).toBe(2);
    // Nothing out: an ask sends its own read at once.
    const fourth = ask();
    expect(c.sent()).toBe(3);
    c.answer(3);
    expect(await fourth).toBe(3);
  });

  it('a failed read fails its own asks only; the asks queued behind it get a read of their own', async () => {
    const c = controlled();
    const ask = sharedRead(c.read);
    const first = ask();
    const second = ask();
    c.fail(new Error('gone'));
    await expect(first).rejects.toThrow('gone');
    await tick();
    expect(c.sent()).toBe(2);
    c.answer(7);
    expect(await second).toBe(7);
  });
});
