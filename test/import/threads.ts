import { readdirSync, readFileSync } from 'node:fs';

/** Each thread of this process by id, with its nice value: Linux keeps one per thread (field 19 of /proc/<pid>/task/<tid>/stat). */
export function threadNices(): Map<string, number> {
  return new Map(
    readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return [tid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])] as const;
    }),
  );
}
