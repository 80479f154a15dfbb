/**
 * Scores the split-and-identify stage:
 *  1. seed fields: documents per seed and jurisdiction, report_year, review_year,
 *     level, doc_type, script against /work/shared/gold/*.json (X/42);
 *  2. manifest agreement: jurisdiction and year against corpus/MANIFEST.tsv;
 *  3. corpus gold metadata: all identity fields of /work/shared/gold/corpus/*.json.
 * Every miss is listed. Usage: npx tsx scripts/eval-identify.ts [--shared DIR] [--quiet]
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isFailure, processFile, type FileResult } from '../src/pipeline.js';
import { splitAndIdentify } from '../src/identify/index.js';

const args = process.argv.slice(2);
const SHARED = args.includes('--shared') ? args[args.indexOf('--shared') + 1] : '/work/shared';
const QUIET = args.includes('--quiet');

type Flat = Record<string, unknown>;

function flat(r: FileResult): Flat[] {
  return r.documents.map((d) => {
    const o: Flat = { part: d.part };
    for (const [k, v] of Object.entries(d.identity)) o[k] = v ? (v as { value: unknown }).value : null;
    return o;
  });
}

async function seeds(): Promise<void> {
  const fields = ['jurisdiction', 'report_year', 'review_year', 'level', 'doc_type', 'script'];
  const goldDir = join(SHARED, 'gold');
  const files = (await readdir(goldDir)).filter((f) => /^\d{3}_.*\.json$/.test(f)).sort();
  let ok = 0;
  let total = 0;
  let extraOk = 0;
  let extraTotal = 0;
  const misses: string[] = [];
  for (const f of files) {
    const gold = JSON.parse(await readFile(join(goldDir, f), 'utf8'));
    const r = await processFile(join(SHARED, 'seeds', gold.seed));
    if (isFailure(r)) { misses.push(`${gold.seed}: ${r.error}`); total += gold.documents.length * fields.length; continue; }
    const docs = flat(r);
    if (docs.length !== gold.documents.length) misses.push(`${gold.seed}: ${docs.length} documents, gold ${gold.documents.length}`);
    gold.documents.forEach((g: Flat, i: number) => {
      for (const k of fields) {
        total++;
        const got = docs[i]?.[k] ?? null;
        if (got === g[k]) ok++;
        else misses.push(`${gold.seed} part ${i + 1} ${k}: got ${String(got)}, gold ${String(g[k])}`);
      }
    });
    gold.documents.forEach((g: Flat, i: number) => {
      for (const k of ['date', 'meeting', 'speaker']) {
        if (!(k in g)) continue;
        extraTotal++;
        const got = docs[i]?.[k] ?? null;
        if (got === g[k]) extraOk++;
        else misses.push(`${gold.seed} part ${i + 1} ${k} (not in the 42): got ${String(got)}, gold ${String(g[k])}`);
      }
    });
    const warn = r.diagnostics.filter((d) => d.ruleId.startsWith('identify/') && d.severity === 'warning');
    if (!QUIET) for (const w of warn) console.log(`  [${gold.seed}] ${w.ruleId}: ${w.message}`);
  }
  console.log(`\nSEED FIELDS: ${ok}/${total}   (date/meeting/speaker where labelled: ${extraOk}/${extraTotal})`);
  for (const m of misses) console.log(`  WRONG ${m}`);
}

function manifestJurisdictionAgrees(manifest: string, got: string | null): boolean {
  if (!got) return false;
  const m = manifest.replace(/[（(].*?[）)]/g, '');
  if (got === '全国') return /全国|国务院/.test(manifest);
  return m === got || m.endsWith(got);
}

async function manifest(): Promise<Map<string, FileResult>> {
  const corpus = join(SHARED, 'corpus');
  const rows = (await readFile(join(corpus, 'MANIFEST.tsv'), 'utf8')).split('\n').filter(Boolean).slice(1).map((l) => l.split('\t'));
  const results = new Map<string, FileResult>();
  let agree = 0;
  let counted = 0;
  let excluded = 0;
  const misses: string[] = [];
  const t0 = performance.now();
  let identifyMs = 0;
  for (const row of rows) {
    const [file, jurisdiction, year, , , , , , quality, note] = row;
    const t1 = performance.now();
    const r = await processFile(join(corpus, file));
    identifyMs += performance.now() - t1;
    if (!isFailure(r)) results.set(file, r);
    if (/manifest (?:is )?wrong|mislabell?ed in (?:the )?manifest|manifest.*incorrect/i.test(`${quality} ${note}`)) { excluded++; continue; }
    counted++;
    if (isFailure(r)) { misses.push(`${file}: unreadable (${r.error})`); continue; }
    const d = r.documents[0];
    const j = d?.identity.jurisdiction?.value ?? null;
    const y = d?.identity.report_year?.value ?? null;
    const okJ = manifestJurisdictionAgrees(jurisdiction, j);
    const okY = y === Number(year);
    if (okJ && okY) agree++;
    else misses.push(`${file}: got ${j} ${y} (${d?.identity.report_year?.evidence?.slice(0, 60) ?? ''}), manifest ${jurisdiction} ${year}${r.documents.length > 1 ? ` [${r.documents.length} docs]` : ''}`);
  }
  const pct = (100 * agree) / counted;
  console.log(`\nMANIFEST AGREEMENT: ${agree}/${counted} = ${pct.toFixed(1)}% (${excluded} rows excluded by note; read+identify+extract ${(performance.now() - t0).toFixed(0)} ms)`);
  const t2 = performance.now();
  let chars = 0;
  for (const r of results.values()) { splitAndIdentify(r.source); chars += r.source.text.length; }
  console.log(`  split+identify alone: ${(performance.now() - t2).toFixed(0)} ms for ${results.size} files (${(chars / 1e6).toFixed(1)}M characters)`);
  for (const m of misses) console.log(`  WRONG ${m}`);
  return results;
}

async function corpusGold(results: Map<string, FileResult>): Promise<void> {
  const fields = ['jurisdiction', 'province', 'level', 'report_year', 'review_year', 'date', 'meeting', 'speaker', 'doc_type', 'script'];
  const dir = join(SHARED, 'gold', 'corpus');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const per = new Map<string, [number, number]>();
  let extra = 0;
  const misses: string[] = [];
  for (const f of files) {
    const gold = JSON.parse(await readFile(join(dir, f), 'utf8'));
    const r = results.get(gold.file) ?? (await processFile(join(SHARED, 'corpus', gold.file)));
    if (isFailure(r)) { misses.push(`${gold.file}: unreadable`); continue; }
    const docs = flat(r);
    if (docs.length !== gold.documents.length) misses.push(`${gold.file}: ${docs.length} documents, gold ${gold.documents.length}`);
    gold.documents.forEach((g: Flat, i: number) => {
      for (const k of fields) {
        const got = docs[i]?.[k] ?? null;
        if (!(k in g)) { if (got !== null && ['date', 'meeting', 'speaker'].includes(k)) extra++; continue; }
        const c = per.get(k) ?? [0, 0];
        c[1]++;
        if (got === g[k]) c[0]++;
        else misses.push(`${gold.file} ${k}: got ${String(got)}, gold ${String(g[k])}`);
        per.set(k, c);
      }
    });
  }
  let ok = 0;
  let total = 0;
  const parts: string[] = [];
  for (const k of fields) {
    const [a, b] = per.get(k) ?? [0, 0];
    ok += a; total += b;
    parts.push(`${k} ${a}/${b}`);
  }
  console.log(`\nCORPUS GOLD METADATA (${files.length} files): ${ok}/${total} = ${((100 * ok) / total).toFixed(1)}%`);
  console.log(`  ${parts.join(', ')}`);
  console.log(`  (${extra} date/meeting/speaker values given where the gold has none: not scored)`);
  for (const m of misses) console.log(`  WRONG ${m}`);
}

await seeds();
const results = await manifest();
await corpusGold(results);
