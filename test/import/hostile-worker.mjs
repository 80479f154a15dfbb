// A reading worker that misbehaves on request (by file name) and otherwise
// reads for real, to test the pool's budgets without depending on which
// inputs happen to be slow in today's reader.
import { register } from 'tsx/esm/api';

register();
const { readForStore } = await import('../../src/import/read.ts');

export default async function read({ task, started }) {
  started.postMessage('started');
  started.close();
  const name = 'path' in task ? task.path : task.fileName;
  if (name.includes('spin')) for (;;);
  if (name.includes('hog')) {
    const kept = [];
    for (let i = 0; ; i++) kept.push({ i, s: 'x'.repeat(64) + i });
  }
  if (name.includes('exit')) process.exit(7);
  if (name.includes('throw')) throw new Error('reader bug on purpose');
  const wait = /wait(\d+)/.exec(name);
  if (wait) {
    const until = Date.now() + Number(wait[1]);
    while (Date.now() < until);
  }
  return readForStore(task);
}
