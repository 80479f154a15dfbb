import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareIndicator } from '../../src/check/research.js';
import { scorecardFromStore } from '../../src/check/from-store.js';
import { newFile } from '../../src/import/index.js';
import { isFailure, processBytes } from '../../src/pipeline.js';
import { createTestStore, makeReport, STORES, type TestStore } from '../store/stores.js';

describe.each(STORES)('stored reports held against each other on %s', (name) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(name);
    // 四平市 (place 0 of the test generator) in three consecutive years.
    for (const [i, year] of [[0, 2021], [10, 2022], [20, 2023]] as const) {
      const r = await processBytes(`r${year}.txt`, Buffer.from(makeReport(i, year)));
      if (isFailure(r)) throw new Error(r.error);
      await store.repo.storeFile(newFile(r), null);
    }
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it('compares one indicator by place and year', async () => {
    const rows = await compareIndicator(store.repo, { indicator: 'gdp' });
    const y2021 = rows.find((r) => r.year === 2021)!;
    // 2021 report: 增长5%左右; 2022 report reviews 2021: 预计增长4.0% (short of 5 − 0.5).
    expect(y2021).toMatchObject({ jurisdiction: '四平市', target_value: 5, target_qualifier: 'about', outcome_value: 4, verdict: 'missed' });
    const y2023 = rows.find((r) => r.year === 2023)!;
    expect(y2023.outcome_value).toBeNull();
    expect(y2023.verdict).toBe('not_reported');
  });

  it('builds a scorecard from the store', async () => {
    const card = await scorecardFromStore(store.repo, '四平市', 2022);
    expect(card.plan_report.report_year).toBe(2022);
    expect(card.review_report.report_year).toBe(2023);
    const gdp = card.items.find((i) => i.indicator === 'gdp')!;
    expect(gdp.verdict).toBe('met');
    expect(gdp.evidence!.text).toContain('地区生产总值');
    await expect(scorecardFromStore(store.repo, '四平市', 2023)).rejects.toThrow(/no stored report of 四平市 for 2024/);
  });
});
