/**
 * Verdicts against every hand-labelled verdict set in ../shared/gold
 * (accountability-*.json), measured the way the reference scorer
 * (shared/tools/score-verdicts.mjs) measures them: each pair's plan and
 * review files are imported into a fresh SQLite store, the scorecard is built
 * from the store (as `luoshi check --jurisdiction J --year N` does), and each
 * labelled promise is matched to a scorecard item by its wording
 * (character-bigram Dice ≥ 0.5, greedily in label order).
 *
 * Prints, separately for the main targets (all target sets together) and the
 * quantified commitments: agreement, met/missed precision, false met/missed,
 * coverage (share of items called met or missed), 待核实 count — overall, per
 * family (national/provincial/city/county) and per era — then every
 * disagreement. A needs-review verdict counts as a disagreement and is left
 * out of precision.
 *
 *   npx tsx scripts/eval-check.ts [--gold DIR] [--data DIR] [--quiet] [--dump FILE.json]
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scorecardFromStore } from '../src/check/from-store.js';
import type { CheckItem } from '../src/check/index.js';
import { isFailure, processFile, type FileResult } from '../src/pipeline.js';
import { openRepository } from '../src/store/repository.js';
import { openSqlite } from '../src/store/sqlite/engine.js';
import { newFile } from '../src/import/index.js';

const args = process.argv.slice(2);
const argOf = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const here = import.meta.dirname ?? new URL('.', import.meta.url).pathname;
const GOLD = argOf('--gold', join(here, '..', '..', 'shared', 'gold'));
const DATA = argOf('--data', join(GOLD, '..'));
const quiet = args.includes('--quiet');
const dump = argOf('--dump', '');

interface RawItem {
  jurisdiction?: string;
  year?: number;
  plan_file?: string;
  review_file?: string;
  commitment: string;
  verdict: string;
  evidence?: string | null;
  note?: string;
}
interface RawSet {
  jurisdiction?: string;
  year?: number;
  plan_seed?: string;
  review_seed?: string;
  items: RawItem[];
}
interface GoldItem {
  set: string;
  group: 'targets' | 'commitments';
  jurisdiction: string;
  year: number;
  plan: string;
  review: string;
  commitment: string;
  verdict: string;
  evidence: string | null;
}

const VERDICTS = ['met', 'missed', 'not_reported', 'not_comparable'] as const;

function resolveFile(f: string): string {
  const p = [join(DATA, 'corpus', f), join(DATA, 'seeds', f)].find((x) => existsSync(x));
  if (!p) throw new Error(`gold names a file that is not in ${DATA}/corpus or /seeds: ${f}`);
  return p;
}

function loadGold(): GoldItem[] {
  const out: GoldItem[] = [];
  for (const f of readdirSync(GOLD).filter((n) => n.startsWith('accountability-') && n.endsWith('.json')).sort()) {
    const raw = JSON.parse(readFileSync(join(GOLD, f), 'utf8')) as RawSet;
    const set = f.replace(/^accountability-|\.json$/g, '');
    for (const i of raw.items) {
      const plan = i.plan_file ?? raw.plan_seed;
      const review = i.review_file ?? raw.review_seed;
      const jurisdiction = i.jurisdiction ?? raw.jurisdiction;
      const year = i.year ?? raw.year;
      if (!plan || !review || !jurisdiction || year === undefined) throw new Error(`${f}: an item lacks its pair (${i.commitment})`);
      out.push({
        set, group: set === 'commitments' ? 'commitments' : 'targets', jurisdiction, year,
        plan: resolveFile(plan), review: resolveFile(review), commitment: i.commitment, verdict: i.verdict, evidence: i.evidence ?? null,
      });
    }
  }
  return out;
}

// The reference scorer's matching: Dice over character bigrams of the wording without punctuation.
const norm = (s: string) => s.replace(/[\s“”"'‘’（）()、，。,.:：；;]/g, '');
function bigrams(s: string): Map<string, number> {
  const n = norm(s);
  const g = new Map<string, number>();
  for (let i = 0; i < n.length - 1; i++) g.set(n.slice(i, i + 2), (g.get(n.slice(i, i + 2)) ?? 0) + 1);
  return g;
}
function dice(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  let x = 0;
  let na = 0;
  let nb = 0;
  for (const v of A.values()) na += v;
  for (const v of B.values()) nb += v;
  for (const [k, v] of A) x += Math.min(v, B.get(k) ?? 0);
  return na + nb ? (2 * x) / (na + nb) : 0;
}

/** national / provincial / city / county, read off the place name. */
function familyOf(j: string): string {
  if (j === '全国') return 'national';
  if (/(?:县|区|旗)$/.test(j)) return 'county';
  if (/(?:省|自治区)$/.test(j)) return 'provincial';
  return 'city';
}
function eraOf(year: number): string {
  return year < 2015 ? 'before 2015' : year <= 2020 ? '2015–2020' : 'after 2020';
}

const cache = new Map<string, Promise<FileResult>>();
function processed(file: string): Promise<FileResult> {
  let p = cache.get(file);
  if (!p) {
    p = processFile(file).then((r) => {
      if (isFailure(r)) throw new Error(`${file}: ${r.error}`);
      return r;
    });
    cache.set(file, p);
  }
  return p;
}

/** The pair's scorecard items from a fresh store holding just its two files; [] when check finds no pair. */
async function itemsOfPair(jurisdiction: string, year: number, plan: string, review: string): Promise<{ items: CheckItem[]; error?: string }> {
  const repo = await openRepository(openSqlite(':memory:'));
  try {
    for (const f of [plan, review]) await repo.storeFile(newFile(await processed(f)), null);
    const card = await scorecardFromStore(repo, jurisdiction, year);
    return { items: card.items };
  } catch (e) {
    return { items: [], error: (e as Error).message };
  } finally {
    await repo.close();
  }
}

interface Scored {
  gold: GoldItem;
  got: CheckItem | undefined;
  verdict: string;
}

const gold = loadGold();
const pairs = new Map<string, GoldItem[]>();
for (const g of gold) {
  const k = [g.set, g.jurisdiction, g.year].join('\t');
  if (!pairs.has(k)) pairs.set(k, []);
  pairs.get(k)!.push(g);
}
const cards = new Map<string, Promise<{ items: CheckItem[]; error?: string }>>();
const scored: Scored[] = [];
for (const items of pairs.values()) {
  const { jurisdiction, year, plan, review } = items[0];
  const ck = [jurisdiction, year, plan, review].join('\t');
  if (!cards.has(ck)) cards.set(ck, itemsOfPair(jurisdiction, year, plan, review));
  const card = await cards.get(ck)!;
  if (card.error && !quiet) console.log(`  no scorecard for ${jurisdiction} ${year}: ${card.error}`);
  const used = new Set<number>();
  for (const g of items) {
    let best = -1;
    let bs = 0;
    card.items.forEach((p, i) => {
      if (used.has(i)) return;
      const s = dice(g.commitment, p.commitment);
      if (s > bs) {
        bs = s;
        best = i;
      }
    });
    const got = bs >= 0.5 ? card.items[best] : undefined;
    if (got) used.add(best);
    scored.push({ gold: g, got, verdict: got ? got.verdict : 'none' });
  }
}

interface Figures {
  n: number;
  agree: number;
  decided: number;
  right: number;
  falseMet: number;
  falseMissed: number;
  review: number;
  none: number;
}
function figures(list: Scored[]): Figures {
  const f: Figures = { n: 0, agree: 0, decided: 0, right: 0, falseMet: 0, falseMissed: 0, review: 0, none: 0 };
  for (const s of list) {
    f.n++;
    if (s.verdict === s.gold.verdict) f.agree++;
    if (s.verdict === 'met' || s.verdict === 'missed') {
      f.decided++;
      if (s.verdict === s.gold.verdict) f.right++;
      else if (s.verdict === 'met') f.falseMet++;
      else f.falseMissed++;
    }
    if (s.verdict === 'needs_review') f.review++;
    if (s.verdict === 'none') f.none++;
  }
  return f;
}
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) + '%' : '—');
const prec = (f: Figures) => (f.decided ? (f.right / f.decided).toFixed(3) : '—');
function line(label: string, f: Figures): string {
  return `${label.padEnd(14)} n=${String(f.n).padStart(3)}  agree ${pct(f.agree, f.n).padStart(6)}  met/missed precision ${prec(f).padStart(5)} (${f.right}/${f.decided})  false met ${f.falseMet}  false missed ${f.falseMissed}  coverage ${pct(f.decided, f.n).padStart(6)}  待核实 ${f.review}  unmatched ${f.none}`;
}
function confusion(list: Scored[]): string {
  const cols = [...VERDICTS, 'needs_review', 'none'];
  const rows = [`  gold \\ got      ${cols.map((c) => c.slice(0, 12).padStart(13)).join('')}`];
  for (const v of VERDICTS) rows.push(`  ${v.padEnd(16)}${cols.map((c) => String(list.filter((s) => s.gold.verdict === v && s.verdict === c).length).padStart(13)).join('')}`);
  return rows.join('\n');
}

const summary: Record<string, Figures> = {};
for (const group of ['targets', 'commitments'] as const) {
  const list = scored.filter((s) => s.gold.group === group);
  const all = figures(list);
  summary[group] = all;
  console.log(`\n${group === 'targets' ? 'Main targets (预期目标)' : 'Quantified commitments (承诺)'}: ${[...new Set(list.map((s) => s.gold.set))].join(', ')}`);
  console.log(line('all', all));
  for (const set of [...new Set(list.map((s) => s.gold.set))]) console.log(line(`  ${set}`, figures(list.filter((s) => s.gold.set === set))));
  // The consecutive-year sets without the seed sample (the issue's 413).
  const pairsOnly = list.filter((s) => s.gold.set === 'corpus' || s.gold.set.startsWith('baoding'));
  if (group === 'targets' && pairsOnly.length && pairsOnly.length < list.length) console.log(line('  corpus+baoding', figures(pairsOnly)));
  console.log(' per family:');
  for (const fam of ['national', 'provincial', 'city', 'county']) {
    const sub = list.filter((s) => familyOf(s.gold.jurisdiction) === fam);
    if (sub.length) console.log(line(`  ${fam}`, figures(sub)));
  }
  console.log(' per era (plan year):');
  for (const era of ['before 2015', '2015–2020', 'after 2020']) {
    const sub = list.filter((s) => eraOf(s.gold.year) === era);
    if (sub.length) console.log(line(`  ${era}`, figures(sub)));
  }
  console.log(confusion(list));
}

if (!quiet) {
  console.log('\nEvery disagreement (set, place, year: promise — got ← evidence [reason] / want ← gold evidence):');
  for (const s of scored) {
    if (s.verdict === s.gold.verdict) continue;
    const g = s.gold;
    const ev = s.got?.evidence ? ` ← ${s.got.evidence.text}` : '';
    const why = s.got?.rule;
    console.log(`  [${g.set}] ${g.jurisdiction} ${g.year} ${g.commitment}: got ${s.verdict}${ev}${why ? ` [${why}]` : ''}; want ${g.verdict}${g.evidence ? ` ← ${g.evidence}` : ''}`);
  }
}

// The closing note: where the figures are weakest.
const weakest = (group: 'targets' | 'commitments', key: (s: Scored) => string) => {
  const list = scored.filter((s) => s.gold.group === group);
  const by = new Map<string, Scored[]>();
  for (const s of list) by.set(key(s), [...(by.get(key(s)) ?? []), s]);
  // Groups of fewer than ten items say little: the weakest is named among the others.
  const all = [...by.entries()].map(([k, l]) => ({ k, f: figures(l) }));
  const sizable = all.filter((x) => x.f.n >= 10);
  return (sizable.length ? sizable : all).sort((a, b) => a.f.agree / a.f.n - b.f.agree / b.f.n)[0];
};
const t = summary.targets;
const c = summary.commitments;
console.log(
  `\nverdicts: targets agree ${pct(t.agree, t.n)}, precision ${prec(t)}, false met ${t.falseMet}, coverage ${pct(t.decided, t.n)}, 待核实 ${t.review} (n=${t.n}); ` +
    `commitments agree ${pct(c.agree, c.n)}, precision ${prec(c)}, false met ${c.falseMet}, coverage ${pct(c.decided, c.n)}, 待核实 ${c.review} (n=${c.n}).`,
);
for (const group of ['targets', 'commitments'] as const) {
  const wf = weakest(group, (s) => familyOf(s.gold.jurisdiction));
  const we = weakest(group, (s) => eraOf(s.gold.year));
  console.log(`weakest for ${group}: family ${wf.k} (agree ${pct(wf.f.agree, wf.f.n)}, precision ${prec(wf.f)}), era ${we.k} (agree ${pct(we.f.agree, we.f.n)}, precision ${prec(we.f)})`);
}
if (dump) writeFileSync(dump, JSON.stringify(scored.map((s) => ({ ...s.gold, got: s.verdict, item: s.got })), null, 1));
