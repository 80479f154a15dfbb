/**
 * The cascade on real reports (../shared/corpus): the nation, 河北省, 保定市
 * and three of its districts/counties for 2022, with the next year's reports
 * of some of them. 保定市's 2023 report is left out on purpose: in 2023 its
 * districts must show that gap, never 河北省 as their parent.
 *
 * Expected steps, flags and verdicts are computed here from what the store
 * holds (the plan reports' targets, the scorecards), not copied from the
 * cascade's own output.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCascade } from '../../src/cascade/build.js';
import type { Cascade } from '../../src/cascade/schema.js';
import { scorecardFromStore } from '../../src/check/from-store.js';
import { createApp } from '../../src/server/app.js';
import { importFiles } from '../../src/import/index.js';
import { resolveReport, type FactRecord, type Repository } from '../../src/store/repository.js';
import { inProcess, type App } from '../helpers/in-process.js';
import { createTestStore, STORES, type TestStore } from '../store/stores.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/luoshi.js', import.meta.url));
const GOV = 'yver-sun+gaoyang-towel-resilience/government_reports/';
const COUNTIES = 'yver-sun+gaoyang-towel-resilience/derived/counties/';
const FILES = [
  'aldohemsn+chinese-political-corpora/derived/2022_国务院政府工作报告.txt',
  'aldohemsn+chinese-political-corpora/derived/2023_国务院政府工作报告.txt',
  `${GOV}河北省_2022_report.txt`,
  `${GOV}河北省_2023_report.txt`,
  `${GOV}保定市_2022_report.txt`,
  `${COUNTIES}清苑区_2022.txt`,
  `${COUNTIES}清苑区_2023.txt`,
  `${COUNTIES}满城区_2022.txt`,
  `${COUNTIES}满城区_2023.txt`,
  `${COUNTIES}涞源县_2022.txt`,
].map((f) => join(CORPUS, f));

/** The parent of each place, as the administrative map has it. */
const PARENT: Record<string, string | null> = {
  全国: null, 河北省: '全国', 保定市: '河北省', 保定市清苑区: '保定市', 保定市满城区: '保定市', 涞源县: '保定市',
};

/** The rate target (in %) a place's plan report of `year` states first for the indicator, as stored. */
async function storedRate(repo: Repository, place: string, year: number, indicator: string): Promise<FactRecord | null> {
  const r = await resolveReport(repo, place, year);
  if (!r) return null;
  const facts = await repo.facts({ fact: 'target', indicator, documentId: r.document.id, limit: 1000 });
  return facts.items.filter((f) => (f.year ?? f.report_year) === year && f.value !== null && f.unit === '%').sort((a, b) => a.start - b.start)[0] ?? null;
}

function bucketFor(points: number): string {
  if (points < 0) return 'lower';
  if (points === 0) return 'same';
  if (points <= 0.5) return 'up_to_half';
  if (points < 1) return 'half_to_one';
  return 'one_or_more';
}

const byPlace = (c: Cascade) => new Map(c.nodes.map((n) => [n.place, n]));

describe.each(STORES)('the target cascade on real reports (%s)', (storeName) => {
  let store: TestStore;
  let repo: Repository;
  /** Each cascade once: the verdicts behind them are the costly part. */
  const built = new Map<string, Cascade>();
  const cascade = async (indicator: string, year: number, root?: string) => {
    const key = `${indicator} ${year} ${root}`;
    if (!built.has(key)) built.set(key, await buildCascade(repo, { indicator, year, root }));
    return built.get(key)!;
  };
  const cards = new Map<string, ReturnType<typeof scorecardFromStore>>();
  const scorecard = (place: string, year: number) => {
    const key = `${place} ${year}`;
    if (!cards.has(key)) cards.set(key, scorecardFromStore(repo, place, year));
    return cards.get(key)!;
  };
  beforeAll(async () => {
    store = await createTestStore(storeName);
    repo = store.repo;
    const report = await importFiles(repo, FILES);
    expect(report.items.filter((i) => i.status === 'failed')).toEqual([]);
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it('never takes a district\'s next report for its city\'s', async () => {
    const city = byPlace(await cascade('gdp', 2022)).get('保定市')!;
    expect(city.target).not.toBeNull();
    expect(city).toMatchObject({ check: null, unchecked: 'no_next_report' });
  });

  it('gives the chain 全国 → 河北省 → 保定市 → its districts and counties, parents before children', async () => {
    const c = await cascade('gdp', 2022);
    expect(new Set(c.nodes.map((n) => n.place))).toEqual(new Set(Object.keys(PARENT)));
    const seen = new Set<string>();
    for (const n of c.nodes) {
      expect(n.parent, n.place).toBe(PARENT[n.place]);
      if (n.parent) expect(seen.has(n.parent), `${n.parent} before ${n.place}`).toBe(true);
      expect(n.path[n.path.length - 1]).toBe(n.place);
      expect(n.depth).toBe(n.path.length - 1);
      seen.add(n.place);
    }
    expect(c.unplaced).toEqual([]);
  });

  it('sets each target against the parent\'s as the stored reports state them, and judges it as the scorecard does', async () => {
    for (const indicator of ['gdp', 'general_budget_revenue']) {
      const c = await cascade(indicator, 2022);
      let compared = 0;
      for (const n of c.nodes) {
        const own = await storedRate(repo, n.place, 2022, indicator);
        expect(n.report, n.place).not.toBeNull();
        expect(n.target?.value ?? null, `${indicator} ${n.place}`).toBe(own?.value ?? null);
        const parent = n.parent ? await storedRate(repo, n.parent, 2022, indicator) : null;
        if (own && parent) {
          compared++;
          const points = Math.round((own.value! - parent.value!) * 1000) / 1000;
          expect(n.step, `${indicator} ${n.place}`).toMatchObject({ against: n.parent, points });
          expect(n.step.status).toBe(points > 0 ? 'raised' : points < 0 ? 'lowered' : 'same');
          expect(n.bucket).toBe(bucketFor(points));
          expect(n.lower_than_parent).toBe(points < 0);
        } else {
          expect(n.bucket).toBeNull();
          expect(n.lower_than_parent).toBe(false);
        }
        // The verdict is the scorecard's on the very same target, or none without the place's own next report
        // (保定市 has none here: its districts' 2023 reports must not stand in for it).
        const next = (await repo.listDocuments({ jurisdiction: n.place, yearFrom: 2023, yearTo: 2023 }, { limit: 100, offset: 0 })).items.find((d) => d.jurisdiction === n.place);
        if (own && next) {
          const card = await scorecard(n.place, 2022);
          const item = card.items.find((i) => i.source === 'target' && i.plan_span.start === own.start);
          expect(n.check?.verdict, `${indicator} ${n.place}`).toBe(item?.verdict);
          expect(n.check?.review_document).toBe(next.id);
        } else if (own) {
          expect(n.check).toBeNull();
          expect(n.unchecked).toBe('no_next_report');
        }
      }
      expect(compared, indicator).toBeGreaterThanOrEqual(3);
    }
  });

  it('flags a level that sets a lower target than its parent', async () => {
    // The test reports hold such a case for budget revenue (a county under its city's figure).
    const c = await cascade('general_budget_revenue', 2022);
    const flagged = c.nodes.filter((n) => n.lower_than_parent);
    expect(flagged.length).toBeGreaterThan(0);
    for (const n of flagged) {
      const own = await storedRate(repo, n.place, 2022, 'general_budget_revenue');
      const parent = await storedRate(repo, n.parent!, 2022, 'general_budget_revenue');
      expect(own!.value!).toBeLessThan(parent!.value!);
      expect(n.bucket).toBe('lower');
    }
  });

  it('summarises how the targets of each raise size fared, counting every compared place once', async () => {
    const c = await cascade('gdp', 2022);
    const expected = new Map<string, { places: number; met: number; missed: number; unchecked: number }>();
    for (const n of c.nodes) {
      if (n.step.points === null) continue;
      const b = bucketFor(n.step.points);
      const e = expected.get(b) ?? { places: 0, met: 0, missed: 0, unchecked: 0 };
      e.places++;
      if (n.check?.verdict === 'met') e.met++;
      if (n.check?.verdict === 'missed') e.missed++;
      if (!n.check) e.unchecked++;
      expected.set(b, e);
    }
    expect(expected.size).toBeGreaterThan(0);
    for (const row of c.summary) {
      expect(row, row.bucket).toMatchObject(expected.get(row.bucket) ?? { places: 0 });
      if (row.met + row.missed > 0) expect(row.line).toContain(`${row.missed} of ${row.met + row.missed} missed`);
    }
  });

  it('shows a missing parent report as a gap, names the level, and compares with the level further up only as such', async () => {
    const c = await cascade('gdp', 2023);
    const nodes = byPlace(c);
    const city = nodes.get('保定市')!;
    expect(city.report).toBeNull();
    expect(city.step.status).toBe('no_report');
    const province = await storedRate(repo, '河北省', 2023, 'gdp');
    for (const place of ['保定市清苑区', '保定市满城区']) {
      const n = nodes.get(place)!;
      expect(n.parent).toBe('保定市');
      expect(n.step).toMatchObject({ status: 'parent_missing', against: '保定市', points: null });
      const own = await storedRate(repo, place, 2023, 'gdp');
      expect(n.ancestor_step).toMatchObject({ against: '河北省', skipped: [{ place: '保定市', reason: 'no_report' }] });
      expect(n.ancestor_step!.points).toBe(Math.round((own!.value! - province!.value!) * 1000) / 1000);
      // A comparison with the grandparent is never counted as a step from the parent.
      expect(n.bucket).toBeNull();
    }
    // Nowhere is a level skipped: every step names the node's own parent.
    for (const n of c.nodes) if (n.step.against !== null) expect(n.step.against).toBe(n.parent);
    expect(c.summary.reduce((s, r) => s + r.places, 0)).toBe(c.nodes.filter((n) => n.step.points !== null).length);
  });

  it('keeps to the places under a root', async () => {
    const c = await cascade('gdp', 2022, '保定市');
    expect(c.root).toBe('保定市');
    expect(c.nodes.map((n) => n.place).sort()).toEqual(['保定市', '保定市清苑区', '保定市满城区', '涞源县'].sort());
    // The root still stands against its own parent.
    expect(c.nodes[0]).toMatchObject({ place: '保定市', step: { against: '河北省' } });
  });

  describe('through the API', () => {
    let app: App;
    beforeAll(() => {
      app = inProcess(createApp(repo));
    });
    const get = (url: string) => app({ method: 'GET', url, headers: {} });
    const json = (b: string | Uint8Array) => JSON.parse(typeof b === 'string' ? b : Buffer.from(b).toString('utf8'));

    it('answers the same cascade as JSON, and one row per place as CSV and XLSX', async () => {
      const direct = await cascade('gdp', 2022, '保定市');
      const city = `indicator=gdp&year=2022&root=${encodeURIComponent('保定市')}`;
      const res = await get(`/api/cascade?${city}`);
      expect(res.status).toBe(200);
      expect(json(res.body)).toEqual({ ok: true, ...direct });
      const csv = await get(`/api/cascade.csv?${city}`);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const lines = (csv.body as string).split('\r\n').filter(Boolean);
      expect(lines).toHaveLength(direct.nodes.length + 1);
      expect(lines[0]).toContain('step_points');
      const xlsx = await get(`/api/cascade.xlsx?${city}`);
      expect(Buffer.from(xlsx.body as Uint8Array).subarray(0, 2).toString()).toBe('PK');
    });

    it('refuses an unknown indicator listing the allowed ones, and an unknown or ambiguous root', async () => {
      const bad = await get('/api/cascade?indicator=gpd&year=2022');
      expect(bad.status).toBe(400);
      expect(JSON.stringify(json(bad.body).error.errors)).toContain('gdp');
      const nowhere = await get(`/api/cascade?indicator=gdp&year=2022&root=${encodeURIComponent('亚特兰蒂斯')}`);
      expect(nowhere.status).toBe(422);
      const two = await get(`/api/cascade?indicator=gdp&year=2022&root=${encodeURIComponent('河北')}`);
      expect(two.status).toBe(422);
      expect(json(two.body).error.message).toContain('河北省');
      expect((await get('/api/cascade?indicator=gdp')).status).toBe(400);
    });
  });

  it.runIf(storeName === 'sqlite')('prints the same cascade from the command line, and refuses bad values with the allowed ones', async () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'cascade', '--db', store.location, ...args], { encoding: 'utf8' });
    const out = run('--indicator', 'gdp', '--year', '2022', '--json');
    expect(out.status, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ ok: true, ...(await cascade('gdp', 2022)) });
    const text = run('--indicator', 'gdp', '--year', '2023');
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('保定市: no stored report');
    const bad = run('--indicator', 'gpd', '--year', '2022');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('gdp');
    const format = run('--indicator', 'gdp', '--year', '2022', '--format', 'xml');
    expect(format.status).toBe(2);
    expect(format.stderr).toMatch(/csv.*xlsx/);
  });
});
