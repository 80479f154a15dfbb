/**
 * Scores the extraction stage against every gold file (gold/*.json and
 * gold/corpus/*.json) with the matching rule of gold/SCHEMA.md: targets over all
 * items; headline outcomes over canonical indicators only, a predicted headline
 * item counting against precision only when its indicator and kind are absent
 * from the gold headline passage.
 *
 *   npx tsx scripts/eval-extract.ts [--verbose|--misses] [--gold DIR] [--data DIR]
 *
 * Prints the overall figures, then the same per family (national / provincial /
 * city / county, districts counting as county) and per era of the report year
 * (before 2015 / 2015–2020 / after 2020), and names the weakest; --misses lists
 * every missed and extra item.
 *
 * Gold documents are matched to predicted documents by `part` when the file
 * splits into as many documents as the gold has; otherwise each gold document
 * goes to the predicted document whose span holds its text (several gold
 * documents falling in one predicted document are scored together against it).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { processFile, isFailure } from '../src/pipeline.js';
import type { ReportDocument } from '../src/model.js';

interface GoldItem {
  indicator: string;
  kind: string;
  value?: number;
  value_max?: number;
  unit?: string;
  qualifier: string;
  scope?: string;
  text: string;
}
interface GoldDoc {
  part: number;
  level?: string;
  report_year?: number;
  targets?: GoldItem[];
  headline_outcomes?: GoldItem[];
}
interface GoldFile {
  seed?: string;
  file?: string;
  documents: GoldDoc[];
}
interface PredItem {
  indicator: string;
  kind: string;
  value?: number;
  value_max?: number;
  unit?: string;
  qualifier: string;
  text: string;
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const argOf = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const GOLD = argOf('--gold', '/work/shared/gold');
const DATA = argOf('--data', '/work/shared');

const norm = (id: string) => (id.startsWith('other:') ? 'other' : id);
const canonical = (id: string) => !id.startsWith('other:');
const numEq = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined ? a === b : Math.abs(a - b) < 1e-9;

function same(g: GoldItem, p: PredItem): boolean {
  return (
    norm(g.indicator) === norm(p.indicator) &&
    g.kind === p.kind &&
    numEq(g.value, p.value) &&
    numEq(g.value_max, p.value_max) &&
    (g.unit ?? '') === (p.unit ?? '') &&
    g.qualifier === p.qualifier
  );
}

/** One-to-one greedy matching; returns matched pairs and the leftovers. */
function match(gold: GoldItem[], pred: PredItem[]) {
  const used = new Set<number>();
  const missed: GoldItem[] = [];
  let tp = 0;
  for (const g of gold) {
    const k = pred.findIndex((p, i) => !used.has(i) && same(g, p));
    if (k >= 0) {
      used.add(k);
      tp++;
    } else missed.push(g);
  }
  const extra = pred.filter((_, i) => !used.has(i));
  return { tp, missed, extra };
}

interface Tally { tp: number; fp: number; fn: number }
const T: Tally = { tp: 0, fp: 0, fn: 0 };
const H: Tally = { tp: 0, fp: 0, fn: 0 };

/** Family of a report by its level: districts are county-level. */
const familyOf = (level: string | undefined) =>
  level === 'national' ? 'national' : level === 'province' ? 'provincial' : level === 'prefecture' ? 'city' : level === 'county' || level === 'district' ? 'county' : 'unknown';
const eraOf = (year: number | undefined) =>
  year === undefined ? 'unknown' : year < 2015 ? 'before 2015' : year <= 2020 ? '2015–2020' : 'after 2020';
const FAMILIES = ['national', 'provincial', 'city', 'county', 'unknown'];
const ERAS = ['before 2015', '2015–2020', 'after 2020', 'unknown'];
/** Per-group tallies: targets and headline outcomes of each family and era. */
const groupT = new Map<string, Tally>();
const groupH = new Map<string, Tally>();
const groupDocs = new Map<string, number>();
function addTo(map: Map<string, Tally>, keys: string[], d: Tally): void {
  for (const k of keys) {
    const t = map.get(k) ?? { tp: 0, fp: 0, fn: 0 };
    t.tp += d.tp;
    t.fp += d.fp;
    t.fn += d.fn;
    map.set(k, t);
  }
}
/** The group keys of a predicted document: the family and era of its gold documents (the first one's when several). */
function groupsOf(gds: GoldDoc[]): string[] {
  const g = gds[0];
  return g ? [`family:${familyOf(g.level)}`, `era:${eraOf(g.report_year)}`] : [];
}
const report: string[] = [];
const fmt = (x: GoldItem | PredItem) =>
  `${x.indicator} ${x.kind} ${x.value ?? ''}${x.value_max !== undefined ? '–' + x.value_max : ''} ${x.unit ?? ''} ${x.qualifier} «${x.text}»`;

function goldFiles(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(GOLD)) if (/^\d{3}_.*\.json$/.test(f)) out.push(join(GOLD, f));
  const corpus = join(GOLD, 'corpus');
  if (existsSync(corpus)) for (const f of readdirSync(corpus)) if (f.endsWith('.json')) out.push(join(corpus, f));
  return out.sort();
}

function anchorText(d: GoldDoc): string | null {
  const t = [...(d.targets ?? []), ...(d.headline_outcomes ?? [])].map((x) => x.text.split('…')[0]).find((x) => x.length >= 4);
  return t ?? null;
}

const t0 = Date.now();
for (const gf of goldFiles()) {
  const g = JSON.parse(readFileSync(gf, 'utf8')) as GoldFile;
  const file = g.seed ? join(DATA, 'seeds', g.seed) : join(DATA, 'corpus', g.file!);
  const res = await processFile(file);
  if (isFailure(res)) {
    report.push(`!! ${gf}: cannot read ${file}: ${res.error}`);
    continue;
  }
  const docs = res.documents;
  // gold document → predicted document
  const groups = new Map<ReportDocument, GoldDoc[]>();
  const unmatchedGold: GoldDoc[] = [];
  for (const gd of g.documents) {
    let pd: ReportDocument | undefined;
    if (docs.length === g.documents.length) pd = docs.find((d) => d.part === gd.part);
    else {
      const a = anchorText(gd);
      const at = a ? res.source.text.indexOf(a) : -1;
      pd = at >= 0 ? docs.find((d) => d.span.start <= at && at < d.span.end) : undefined;
      if (!pd && docs.length) pd = docs[Math.min(gd.part, docs.length) - 1];
    }
    if (!pd) unmatchedGold.push(gd);
    else groups.set(pd, [...(groups.get(pd) ?? []), gd]);
  }
  const lines: string[] = [];
  if (docs.length !== g.documents.length) lines.push(`   (gold has ${g.documents.length} documents, the pipeline found ${docs.length})`);
  for (const gd of unmatchedGold) {
    const dT = { tp: 0, fp: 0, fn: gd.targets?.length ?? 0 };
    const dH = { tp: 0, fp: 0, fn: (gd.headline_outcomes ?? []).filter((x) => canonical(x.indicator)).length };
    T.fn += dT.fn;
    H.fn += dH.fn;
    addTo(groupT, groupsOf([gd]), dT);
    addTo(groupH, groupsOf([gd]), dH);
    lines.push(`   part ${gd.part}: no predicted document`);
  }
  for (const d of docs) {
    const gds = groups.get(d) ?? [];
    const gT = gds.flatMap((x) => x.targets ?? []);
    const gH = gds.flatMap((x) => x.headline_outcomes ?? []);
    // targets
    const mt = match(gT, d.targets);
    T.tp += mt.tp;
    T.fn += mt.missed.length;
    T.fp += mt.extra.length;
    const keys = groupsOf(gds);
    addTo(groupT, keys, { tp: mt.tp, fp: mt.extra.length, fn: mt.missed.length });
    for (const k of keys) groupDocs.set(k, (groupDocs.get(k) ?? 0) + gds.length);
    for (const x of mt.missed) lines.push(`   T miss  ${fmt(x)}`);
    for (const x of mt.extra) lines.push(`   T extra ${fmt(x)}`);
    // headline outcomes
    const gHc = gH.filter((x) => canonical(x.indicator));
    const pH = d.outcomes.filter((o) => o.headline && canonical(o.indicator));
    const mh = match(gHc, pH);
    const present = new Set(gH.map((x) => `${x.indicator}|${x.kind}`));
    const fps = mh.extra.filter((x) => !present.has(`${x.indicator}|${x.kind}`));
    H.tp += mh.tp;
    H.fn += mh.missed.length;
    H.fp += fps.length;
    addTo(groupH, keys, { tp: mh.tp, fp: fps.length, fn: mh.missed.length });
    for (const x of mh.missed) lines.push(`   H miss  ${fmt(x)}`);
    for (const x of fps) lines.push(`   H extra ${fmt(x)}`);
  }
  if (lines.length) report.push(`== ${gf.replace(GOLD + '/', '')}`, ...lines);
}

// accountability sample: every commitment of the plan seed must be among its targets or commitments
const accFile = join(GOLD, 'accountability-siping-2023.json');
const accLines: string[] = [];
let accOk = 0;
let accAll = 0;
if (existsSync(accFile)) {
  const acc = JSON.parse(readFileSync(accFile, 'utf8')) as {
    plan_seed: string;
    items: { commitment: string; target?: { indicator?: string; value?: number; unit?: string } }[];
  };
  const r = await processFile(join(DATA, 'seeds', acc.plan_seed));
  if (!isFailure(r)) {
    const targets = r.documents.flatMap((d) => d.targets);
    const commitments = r.documents.flatMap((d) => d.commitments);
    for (const it of acc.items) {
      accAll++;
      const t = it.target;
      const found =
        t?.value !== undefined
          ? targets.some((x) => numEq(x.value, t.value) && (!t.unit || x.unit === t.unit) && (!t.indicator || x.indicator === t.indicator)) ||
            commitments.some((x) => numEq(x.value, t.value) && x.unit === (t.unit ?? x.unit))
          : commitments.some((x) => {
              const words = it.commitment.replace(/[、，“”]/g, ' ').split(/\s+/).filter((w) => w.length >= 4);
              return words.some((w) => x.text.includes(w.slice(0, 6)));
            });
      if (found) accOk++;
      else accLines.push(`   A miss  ${it.commitment}`);
    }
  }
}

const f1Of = (t: Tally) => {
  const p = t.tp + t.fp ? t.tp / (t.tp + t.fp) : 1;
  const r = t.tp + t.fn ? t.tp / (t.tp + t.fn) : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
const prf = (t: Tally) => {
  const { p, r, f } = f1Of(t);
  return `P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`;
};
if (verbose || args.includes('--misses')) console.log([...report, ...(accLines.length ? ['== accountability', ...accLines] : [])].join('\n'));
console.log(`targets            ${prf(T)}`);
console.log(`headline outcomes  ${prf(H)}`);
console.log(`accountability     ${accOk}/${accAll} commitments found among the plan report's targets or commitments`);
const groupLines: string[] = [];
let weakest: { name: string; f: number } | null = null;
for (const [prefix, names] of [['family', FAMILIES], ['era', ERAS]] as const) {
  for (const name of names) {
    const k = `${prefix}:${name}`;
    const docs = groupDocs.get(k);
    if (!docs) continue;
    const t = groupT.get(k) ?? { tp: 0, fp: 0, fn: 0 };
    const h = groupH.get(k) ?? { tp: 0, fp: 0, fn: 0 };
    const ft = f1Of(t).f;
    const fh = f1Of(h).f;
    groupLines.push(`  ${`${prefix} ${name}`.padEnd(22)} ${String(docs).padStart(3)} docs   targets F1 ${ft.toFixed(3)} (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})   headline F1 ${fh.toFixed(3)} (tp ${h.tp}, fp ${h.fp}, fn ${h.fn})`);
    for (const [what, f] of [['targets', ft], ['headline', fh]] as const) {
      if (!weakest || f < weakest.f) weakest = { name: `${what} of ${prefix} ${name}`, f };
    }
  }
}
console.log('by family and era (family by level: districts count as county; era by report year)');
console.log(groupLines.join('\n'));
if (weakest) console.log(`weakest: ${weakest.name} (F1 ${weakest.f.toFixed(3)})`);
console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
