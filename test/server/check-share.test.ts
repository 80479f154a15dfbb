/**
 * A promise's shared link (`/check/<place>/<year>/item/<key>`) answers the app's page with the
 * promise's title and preview, escaped; and `/api/check/years` puts every stored year of a place side
 * by side. Real report pairs, on SQLite.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scorecard } from '../../src/check/types.js';
import type { YearsTable } from '../../src/check/years.js';
import { importFiles } from '../../src/import/index.js';
import { createApp } from '../../src/server/app.js';
import { staticFiles } from '../../src/server/serve.js';
import { fillHead } from '../../src/server/share.js';
import { inProcess, type App } from '../helpers/in-process.js';
import { createTestStore, type TestStore } from '../store/stores.js';

const SHARED = resolve(import.meta.dirname, '..', '..', '..', 'shared');
const SEEDS = join(SHARED, 'seeds');
const HEBEI = join(SHARED, 'corpus', 'yver-sun+gaoyang-towel-resilience', 'government_reports');
const INDEX = '<!doctype html><html><head><meta charset="UTF-8" /><title>落实 Luoshi</title></head><body><div id="root"></div></body></html>';

describe('shared links and years side by side (SQLite)', () => {
  let store: TestStore;
  let app: App;
  let web: string;
  const get = async (url: string) => {
    const r = await app({ method: 'GET', url, headers: {} });
    return { status: r.status, text: typeof r.body === 'string' ? r.body : Buffer.from(r.body).toString('utf8') };
  };

  beforeAll(async () => {
    store = await createTestStore('sqlite');
    web = mkdtempSync(join(tmpdir(), 'luoshi-web-'));
    writeFileSync(join(web, 'index.html'), INDEX);
    const files = [join(SEEDS, '000_a1392cf4c794e201.txt'), join(SEEDS, '004_7053f82eff3fb455.txt'), ...[2021, 2022, 2023, 2024].map((y) => join(HEBEI, `河北省_${y}_report.txt`))];
    await importFiles(store.repo, files, undefined, { workers: 0 });
    app = inProcess(createApp(store.repo, { staticHandler: staticFiles(web) }));
  });
  afterAll(async () => {
    await store?.dispose();
    rmSync(web, { recursive: true, force: true });
  });

  it('fills a promise’s page with its title, verdict and basis for link previews', async () => {
    const card = JSON.parse((await get(`/api/check?jurisdiction=${encodeURIComponent('四平市')}&year=2023`)).text) as Scorecard;
    const item = card.items.find((i) => i.verdict === 'missed')!;
    const page = await get(`/check/${encodeURIComponent('四平市')}/2023/item/${encodeURIComponent(item.key)}`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<title>[^<]*四平市2023年承诺核对/);
    expect(page.text).toContain('<meta property="og:title"');
    expect(page.text).toContain(`content="未完成（机器初判）。${item.reason.text}`);
    expect(page.text).toContain('<div id="root">');
  });

  it('answers an unknown promise or place with the plain app page and 404', async () => {
    for (const path of [`/check/${encodeURIComponent('四平市')}/2023/item/nothing`, `/check/${encodeURIComponent('火星市')}/2023/item/t1-2`, '/check/x/20a3/item/t1-2']) {
      const page = await get(path);
      expect(page.status, path).toBe(404);
      expect(page.text).toContain('<title>落实 Luoshi</title>');
      expect(page.text).not.toContain('og:title');
    }
  });

  it('escapes what it puts in the page', () => {
    const html = fillHead(INDEX, { title: '</title><script>alert(1)</script> & "x" $&', description: `a"b'c<d>` });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; $&amp;');
    expect(html).toContain('content="a&quot;b&#39;c&lt;d&gt;"');
    expect(html.match(/<title>/g)).toHaveLength(1);
  });

  it('puts every stored year of a place side by side, each cell the year’s own verdicts', async () => {
    const hebei = encodeURIComponent('河北省');
    const answer = JSON.parse((await get(`/api/check/years?jurisdiction=${hebei}`)).text) as YearsTable;
    // 2021–2024 stored: three pairs (2024 has no 2025 report here)
    expect(answer.years.map((y) => y.year)).toEqual([2021, 2022, 2023]);
    for (const y of answer.years) {
      const card = JSON.parse((await get(`/api/check?jurisdiction=${hebei}&year=${y.year}`)).text) as Scorecard;
      expect(y.total).toBe(card.items.length);
      expect(y.counts).toEqual(card.counts);
      // every promise on an indicator sits in its row under its year, with its verdict
      const byKey = new Map(card.items.map((i) => [i.key, i]));
      const cells = answer.rows.flatMap((r) => (r.cells[String(y.year)] ?? []).map((c) => ({ ...c, indicator: r.indicator })));
      expect(cells.length).toBe(card.items.filter((i) => i.indicator).length);
      for (const c of cells) {
        expect(byKey.get(c.key)?.verdict).toBe(c.verdict);
        expect(byKey.get(c.key)?.indicator).toBe(c.indicator);
      }
    }
    const gdp = answer.rows.find((r) => r.indicator === 'gdp')!;
    expect(Object.keys(gdp.cells).sort()).toEqual(['2021', '2022', '2023']);
    expect(gdp.headline).toBe(true);
    expect(answer.rows[0].headline).toBe(true);

    const csv = (await get(`/api/check/years.csv?jurisdiction=${hebei}`)).text;
    expect(csv.split('\n')[0]).toContain('indicator');
    expect(csv).toContain('gdp');
    expect(JSON.stringify(JSON.parse((await get('/api/openapi.json')).text).paths)).toContain('/api/check/years');
  });

  it('has no columns for a place with no two consecutive years, and refuses a missing place', async () => {
    const one = JSON.parse((await get(`/api/check/years?jurisdiction=${encodeURIComponent('火星市')}`)).text) as YearsTable;
    expect(one).toMatchObject({ years: [], rows: [] });
    expect((await get('/api/check/years')).status).toBe(400);
  });
});
