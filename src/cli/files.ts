import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { STDIN } from './stdin.js';

/**
 * Expands folders recursively (sorted); files are returned as given. Missing
 * paths stay, to fail later with a message; `-` (standard input) stays, in
 * its place (a file named `-` is `./-`).
 */
export async function expandPaths(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (p === STDIN) {
      out.push(p);
      continue;
    }
    let info;
    try {
      info = await stat(p);
    } catch {
      out.push(p);
      continue;
    }
    if (!info.isDirectory()) {
      out.push(p);
      continue;
    }
    const entries = (await readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const child = join(p, e.name);
      if (e.isDirectory()) out.push(...(await expandPaths([child])));
      else if (/\.(txt|text|html?|xhtml|docx)$/i.test(e.name)) out.push(child);
    }
  }
  return out;
}
