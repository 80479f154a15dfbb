/**
 * A fact's row keeps each field once: the columns hold what queries filter on,
 * the JSON only the rest, and reading puts back exactly the data that was
 * stored — for rows written before (every field in the JSON, plus an old span) too.
 */
import { describe, expect, it } from 'vitest';
import { factColumns, factRecord, type FactRow } from '../../src/store/facts.js';
import type { NewFact } from '../../src/store/input.js';

const span = { start: 10, end: 24, sourceStart: 40, sourceEnd: 82 };
const FACTS: NewFact[] = [
  { fact: 'target', span, data: { indicator: 'gdp', kind: 'growth', value: 6, unit: '%', qualifier: 'about', text: '地区生产总值增长6%左右', year: 2031, firmness: 'soft' } },
  { fact: 'target', span, data: { indicator: 'other:粮食产量', kind: 'level', value: 0, value_max: 5, qualifier: 'range', scope: '全市', text: '粮食产量稳定', year: null } },
  { fact: 'outcome', span, data: { indicator: 'other:新建高标准农田', kind: 'level', value: 12.5, unit: '万亩', qualifier: 'exact', text: '新建高标准农田12.5万亩', year: 2030, estimated: true, headline: false } },
  {
    fact: 'commitment', span,
    data: {
      text: '新建公办幼儿园8所', sentence: '年内新建公办幼儿园8所，新增学位2400个。', section_path: ['三、今年重点工作', '（五）民生'], action: '新建', object: '公办幼儿园',
      value: 8, unit: '所', qualifier: 'exact', deadline: '年内', firmness: 'neutral', names: [], livelihood: true, year: 2031,
    },
  },
  { fact: 'commitment', span, data: { text: '确保完成改造任务', sentence: '确保完成改造任务。', section_path: [], firmness: 'hard', names: ['市住建局'], livelihood: false, year: null } },
];

const rowOf = (f: NewFact, id: number, dataJson?: string): FactRow => ({
  id, document_id: 1, jurisdiction: '某市', level: 'prefecture', report_year: 2031, ...factColumns(f), ...(dataJson ? { data_json: dataJson } : {}),
});

describe('a fact row', () => {
  it.each(FACTS.map((f, i) => [f.fact, i] as const))('%s %#: reads back the data it was stored with, the JSON repeating no column', (_, i) => {
    const f = FACTS[i];
    const row = rowOf(f, i + 1);
    const json = JSON.parse(row.data_json) as Record<string, unknown>;
    for (const k of ['indicator', 'kind', 'value', 'value_max', 'unit', 'qualifier', 'scope', 'text', 'year', 'headline', 'estimated']) expect(json).not.toHaveProperty(k);
    const read = factRecord(row);
    expect(read.fact).toBe(f.fact);
    expect(read.data).toStrictEqual({ ...f.data, span });
  });

  it('leaves a commitment\'s usual values out of its JSON and puts them back; other values stay', () => {
    const usual = JSON.parse(rowOf(FACTS[3], 4).data_json) as Record<string, unknown>;
    expect(usual).not.toHaveProperty('firmness');
    expect(usual).not.toHaveProperty('names');
    expect(usual).toMatchObject({ livelihood: true, sentence: '年内新建公办幼儿园8所，新增学位2400个。' });
    const unusual = JSON.parse(rowOf(FACTS[4], 5).data_json) as Record<string, unknown>;
    expect(unusual).toMatchObject({ firmness: 'hard', names: ['市住建局'] });
    expect(unusual).not.toHaveProperty('livelihood');
    // Only commitments: a target without a firmness reads back without one.
    expect(factRecord(rowOf(FACTS[1], 2)).data).not.toHaveProperty('firmness');
    expect(factRecord(rowOf(FACTS[1], 2)).data).not.toHaveProperty('names');
  });

  it('reads a row stored before, with every field (and an old span) in its JSON, the same way', () => {
    for (const [i, f] of FACTS.entries()) {
      const old = rowOf(f, i + 1, JSON.stringify({ ...f.data, span: { start: 1000, end: 1010 } }));
      expect(factRecord(old).data).toStrictEqual({ ...f.data, span });
    }
  });
});
