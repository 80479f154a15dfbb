/**
 * Every store suite runs against each engine; LUOSHI_TEST_STORES=sqlite (or
 * postgres) narrows the loop. PostgreSQL suites get a schema of their own on
 * the server named by LUOSHI_TEST_PG, so suites never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { newFile } from '../../src/import/index.js';
import { isFailure, processBytes } from '../../src/pipeline.js';
import type { Engine } from '../../src/store/engine.js';
import type { NewFile } from '../../src/store/input.js';
import { openPostgres } from '../../src/store/postgres/engine.js';
import { openRepository, type Repository } from '../../src/store/repository.js';
import { openSqlite } from '../../src/store/sqlite/engine.js';

export type StoreName = 'sqlite' | 'postgres';

export const PG_URL = process.env.LUOSHI_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export const STORES: StoreName[] = (process.env.LUOSHI_TEST_STORES ?? 'sqlite,postgres').split(',').map((s) => s.trim()) as StoreName[];

export interface TestStore {
  repo: Repository;
  /** What `--db` would take to reach the same data (SQLite only). */
  location: string;
  dispose(): Promise<void>;
}

export async function createTestStore(name: StoreName): Promise<TestStore> {
  if (name === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-store-'));
    const file = join(dir, 'test.db');
    const repo = await openRepository(openSqlite(file));
    return { repo, location: file, dispose: async () => { await repo.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const schema = `luoshi_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create extension if not exists pg_trgm`);
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const repo = await openRepository(openPostgres(PG_URL, { schema }));
  return {
    repo,
    location: PG_URL,
    dispose: async () => {
      await repo.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** An empty database of either engine that can be opened more than once (as several processes would). */
export interface TestDatabase {
  /** What the CLI's --db takes to reach it. */
  readonly location: string;
  open(): Engine;
  dispose(): Promise<void>;
}

export async function createTestDatabase(name: StoreName): Promise<TestDatabase> {
  if (name === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-db-'));
    const file = join(dir, 'test.db');
    return { location: file, open: () => openSqlite(file), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `luoshi_m_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create extension if not exists pg_trgm`);
  await admin.query(`create schema ${schema}`);
  const url = new URL(PG_URL);
  url.searchParams.set('schema', schema);
  return {
    location: url.toString(),
    open: () => openPostgres(PG_URL, { schema }),
    dispose: async () => {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

const PHRASES = ['深化改革开放', '推进乡村振兴', '建设生态文明', '保障改善民生', '发展数字经济', '优化营商环境', '加强基层治理', '扩大有效投资', '促进消费升级', '推动科技创新', '做强先进制造', '守牢安全底线'];

const PLACES = ['四平市', '阜新市', '梧州市', '保定市', '清苑区', '顺平县', '相城区', '苏州市', '长春市', '沈阳市'];

/** A small but realistic report whose text differs by place and year. */
export function makeReport(i: number, year = 2000 + i): string {
  const place = PLACES[i % PLACES.length];
  return [
    `${place}政府工作报告`,
    `——${year}年1月${(i % 27) + 1}日在${place}第十届人民代表大会第${(i % 5) + 1}次会议上`,
    '各位代表：',
    `现在，我代表${place}人民政府向大会报告工作，请予审议。`,
    `一、${year - 1}年工作回顾`,
    `${year - 1}年，全市地区生产总值预计增长${(i % 7) + 1}.${i % 10}%，固定资产投资增长${(i % 9) + 2}%。新建高标准农田${10 + i}万亩，改造老旧小区${100 + i}个，编号${i}。`,
    `二、${year}年主要目标和重点工作`,
    `今年经济社会发展的主要预期目标是：地区生产总值增长${(i % 4) + 5}%左右，城镇新增就业${i + 1}万人。`,
    `确保完成棚户区改造${200 + i}户，力争新建农村公路${300 + i}公里。`,
    // Figures vary with i in every clause, so distinct reports share few word shingles.
    Array.from({ length: 30 }, (_, k) => `${PHRASES[(i * 7 + k * (i + 3)) % PHRASES.length]}${i * 31 + k}项`).join('，') + '。',
  ].join('\n');
}

/** makeReport(i) without its title, date line or place: nothing in it names where or when it was given. */
export function unnamedReport(i: number): string {
  return makeReport(i).split('\n').slice(2).join('\n').replace(/我代表.*?人民政府/, '我代表本级人民政府').replace(/\d{4}年/g, '去年');
}

/** A file through the pipeline, ready for the store. */
export async function processed(name: string, bytes: Uint8Array): Promise<NewFile> {
  const r = await processBytes(name, bytes);
  if (isFailure(r)) throw new Error(r.error);
  return newFile(r);
}
