import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFailure, processBytes } from '../../src/pipeline.js';
import { resolveReport } from '../../src/store/repository.js';
import { createTestStore, makeReport, type TestStore } from './stores.js';

describe('which stored report speaks for a place and year', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore('sqlite');
    // makeReport(3): 保定市; makeReport(4): 清苑区, a district of 保定市.
    for (const [i, year] of [[3, 2022], [4, 2023], [4, 2022]] as const) {
      const r = await processBytes(`r${i}-${year}.txt`, Buffer.from(makeReport(i, year)));
      if (isFailure(r)) throw new Error(r.error);
      await store.repo.importResult(r, null);
    }
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it('never takes a report of a place inside the one asked for', async () => {
    const district = (await store.repo.listDocuments({}, { limit: 10, offset: 0 })).items.find((d) => d.report_year === 2023)!;
    expect(district.jurisdiction).toMatch(/清苑区$/);
    expect(await resolveReport(store.repo, '保定市', 2023)).toBeUndefined();
    expect((await resolveReport(store.repo, '保定市', 2022))?.document.jurisdiction).toBe('保定市');
  });

  it('takes the same place written shorter or longer', async () => {
    expect((await resolveReport(store.repo, '清苑区', 2023))?.document.jurisdiction).toMatch(/^保定市清苑区$|^清苑区$/);
  });
});
