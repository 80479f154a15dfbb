// Writes /tmp/exp/pool.json: the real corpus processed once and cut into sections (as bench/run.ts's scale group does).
import { readFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { buildPool } from '../bench/generate.ts';
import { CORPUS } from '../bench/lib.ts';
import { expandPaths } from '../src/cli/files.ts';
import { isFailure, processBytes, type FileResult } from '../src/pipeline.ts';
const files = await expandPaths([CORPUS]);
const results: FileResult[] = [];
let bytes = 0;
for (const file of files) { const b = await readFile(file); bytes += b.length; const r = await processBytes(file, b); if (!isFailure(r)) results.push(r); }
writeFileSync('/tmp/exp/pool.json', JSON.stringify(buildPool(results)));
console.log('real bytes', bytes);
