/**
 * Every --json answer has the API's shape, `{ "ok": true, … }`, with
 * snake_case keys at every depth; and the two shapes the reference scorers
 * (../shared/tools/score-*.mjs) read are still there.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { keysOf, luoshi, PLAN_2023, REVIEW_2024, tempDir } from './run.js';

const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

function envelope(stdout: string): Record<string, unknown> {
  const value = JSON.parse(stdout);
  expect(value.ok).toBe(true);
  const keys = [...keysOf(value)];
  expect(keys.filter((k) => !SNAKE.test(k))).toEqual([]);
  return value;
}

describe('--json', () => {
  const db = join(tempDir(), 'json.db');

  beforeAll(async () => {
    const r = await luoshi(['import', '--db', db, PLAN_2023, REVIEW_2024, '--json']);
    expect(r.code).toBe(0);
    expect(envelope(r.stdout)).toMatchObject({ run: { imported: 2, failed: 0 }, new_documents: 2, items: [{ status: 'imported', document_ids: [1] }, { status: 'imported', document_ids: [2] }] });
  });

  it('extract: {ok, files:[{file, documents:[{…identity, targets, outcomes}]}]}, as score-extract reads it', async () => {
    const r = await luoshi(['extract', PLAN_2023, '--json']);
    expect(r.code).toBe(0);
    const files = envelope(r.stdout).files as { file: string; documents: { jurisdiction: string; report_year: number; targets: unknown[]; outcomes: { headline: boolean }[]; span: object }[]; warnings: object[] }[];
    expect(files).toHaveLength(1);
    expect(files[0].file).toBe(PLAN_2023);
    expect(files[0].documents[0]).toMatchObject({ jurisdiction: '四平市', report_year: 2023 });
    expect(files[0].documents[0].targets.length).toBeGreaterThan(0);
    // The pipeline's own camelCase (Span.sourceStart, Diagnostic.ruleId) comes out snake_case.
    expect(files[0].documents[0].span).toHaveProperty('source_start');
    expect(files[0].warnings.every((w) => 'rule_id' in w)).toBe(true);
  });

  it('check: {ok, …scorecard, items:[{commitment, verdict, evidence:{text}}]}, as score-verdicts reads it', async () => {
    const r = await luoshi(['check', '--db', db, '--jurisdiction', '四平市', '--year', '2023', '--json']);
    expect(r.code).toBe(0);
    const card = envelope(r.stdout) as { jurisdiction: string; year: number; items: { key: string; commitment: string; verdict: string; machine_verdict: string; current: string; ruling: null; evidence: { text: string } | null }[] };
    expect(card).toMatchObject({ jurisdiction: '四平市', year: 2023, reviewed: 0, orphaned: [] });
    // Nobody has ruled: each item is the machine's verdict, under its stable key.
    for (const i of card.items) expect(i).toMatchObject({ key: expect.stringMatching(/^[0-9a-f]{16}$/), machine_verdict: i.verdict, current: 'machine', ruling: null });
    expect(card.items.length).toBeGreaterThan(0);
    for (const i of card.items) {
      expect(i.commitment).toEqual(expect.any(String));
      expect(['met', 'missed', 'not_reported', 'not_comparable', 'needs_review']).toContain(i.verdict); // the machine never says partly_met
      if (i.evidence) expect(i.evidence.text).toEqual(expect.any(String));
    }
    expect(card.items.some((i) => i.evidence)).toBe(true);
  });

  it.each([
    [['reports'], { total: 2 }],
    [['search', '高标准农田'], { query: '高标准农田' }],
    [['targets', '--year', '2023'], {}],
    [['outcomes', '--headline'], {}],
    [['commitments', '--jurisdiction', '四平'], {}],
    [['scorecards', '--jurisdiction', '四平市'], { jurisdiction: '四平市', total: 1 }],
    [['compare', '--indicator', 'gdp'], { indicator: 'gdp' }],
    [['admin', 'list'], { total: 0, items: [] }],
  ])('%j: {ok, total, items}', async (args, fields) => {
    const r = await luoshi([...args, '--db', db, '--json']);
    expect(r.code).toBe(0);
    const body = envelope(r.stdout);
    expect(body).toMatchObject(fields);
    expect(body.items).toEqual(expect.any(Array));
    if (args[0] !== 'admin') expect((body.items as unknown[]).length).toBeGreaterThan(0);
    expect(body.total).toEqual(expect.any(Number));
  });
});
