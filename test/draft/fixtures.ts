/**
 * The 四平 2023 ledger over a year, as the draft review reads it: drafted
 * from the seed plan report, every task assigned to one of three units and
 * signed for, then a year of progress reports and a year-end state chosen
 * by the task's place in the ledger (closed on time, done late, mostly done,
 * still going with a reason and a new deadline, not done, one left unset),
 * and two 民生实事 elected by 票决 and rated by the deputies at year end.
 * Everything the test set is returned, so expectations are computed from
 * the test's own choices, not from the code under test.
 */
import { readFileSync } from 'node:fs';
import { onTestFinished } from 'vitest';
import { AccountStore } from '../../src/accounts/store.js';
import { DraftReviews } from '../../src/draft/service.js';
import type { FinalState } from '../../src/draft/schema.js';
import { newFile } from '../../src/import/index.js';
import { generate } from '../../src/ledger/generate.js';
import type { Task } from '../../src/ledger/schema.js';
import { Ledger } from '../../src/ledger/service.js';
import { isFailure, processBytes } from '../../src/pipeline.js';
import { findReport } from '../../src/store/repository.js';
import { VoteStore } from '../../src/votes/store.js';
import { createTestStore, type StoreName, type TestStore } from '../store/stores.js';
import { PLAN_2023, SEEDS } from '../ledger/fixtures.js';

export const KEY = { jurisdiction: '四平市', year: 2023 } as const;
const UNITS = ['四平市发展和改革委员会', '四平市农业农村局', '四平市住房和城乡建设局'];
export const LATE_REASON = '受资金到位影响，2个子项目延至次年实施';
export const NOT_DONE_REASON = '项目前期手续未完成';

/** What the test did to one task. */
export interface Fate {
  task: Task;
  /** The state the draft should report (null: none set and not closed). */
  state: FinalState | null;
  onTime: boolean;
  /** The last figure reported, if any. */
  figure: number | null;
  reason: string | null;
  newDeadline: string | null;
  /** 满意率 in percent from the satisfaction vote. */
  satisfaction: number | null;
}

export interface Year {
  store: TestStore;
  ledger: Ledger;
  reviews: DraftReviews;
  documentId: number;
  fates: Fate[];
  at(iso: string): void;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export async function sipingYear(storeName: StoreName): Promise<Year> {
  const store = await createTestStore(storeName);
  onTestFinished(() => store.dispose());
  const repo = store.repo;
  const r = await processBytes(PLAN_2023, readFileSync(new URL(PLAN_2023, SEEDS)));
  if (isFailure(r)) throw new Error(r.error);
  await repo.storeFile(newFile(r), null);
  const documentId = (await findReport(repo, KEY.jurisdiction, KEY.year))!.id;
  let clock = new Date('2023-02-01T09:00:00+08:00');
  const at = (iso: string) => (clock = new Date(iso));
  const accounts = new AccountStore(repo);
  const ledger = new Ledger(repo, accounts, () => clock);
  const reviews = new DraftReviews(ledger);
  const units = [];
  for (const name of UNITS) units.push((await accounts.createUnit(name, null, clock)).id);
  // Steps are taken as "no account" (the store allows it); progress reports need their writer.
  const who = null;
  const officer = Number(
    (await repo.db.insertInto('accounts').values({ name: 'officer', password_hash: 'x', role: 'unit_officer', unit_id: units[0], disabled: 0, created_at: clock.toISOString() }).returning('id').executeTakeFirstOrThrow()).id,
  );

  const s = ledger.store;
  const { created } = await generate(s, repo, documentId, who, clock);

  // 票决 of 民生实事: three candidates, two seats, five deputies.
  const votes = new VoteStore(repo, s, { box: { batch: 5, waitMs: 10 } });
  const session = await votes.createSession({ ...KEY, title: '2023年民生实事项目票决', seats: 2, threshold: 'none' }, who, clock);
  const cands = await votes.addCandidates(session.id, [{ title: '新建城市书房6个' }, { title: '新增公共停车泊位1200个' }, { title: '建设智慧菜市场3个' }], clock);
  const deputies = await votes.addDeputies(session.id, ['甲', '乙', '丙', '丁', '戊'].map((name) => ({ name })), clock);
  const sel = await votes.rounds.open(session.id, clock, { kind: 'selection' });
  await Promise.all(deputies.map((d, i) => votes.rounds.cast(d.code, sel.id, i < 4 ? [cands[0].id, cands[1].id] : [cands[2].id])));
  await votes.rounds.close(sel.id, clock);
  const adopted = (await votes.adopt(session.id, who, clock)).created;

  const fates: Fate[] = [];
  const tasks = [...created, ...adopted];
  for (const [i, t0] of tasks.entries()) {
    let t = await s.updateTask(t0.id, t0.version, { lead_unit_id: units[i % units.length] }, who, clock);
    t = await s.act(t.id, t.version, 'assign', who, {}, clock);
    t = await s.act(t.id, t.version, 'accept', who, {}, clock);
    fates.push({ task: t, state: null, onTime: false, figure: null, reason: null, newDeadline: null, satisfaction: null });
  }

  const progress = async (f: Fate, date: string, narrative: string, figure: number | null) => {
    at(`${date}T10:00:00+08:00`);
    const r = await s.addProgress(f.task.id, undefined, { report_date: date, narrative, figure, evidence: [], internal: false }, { id: officer, unit_id: f.task.lead_unit_id }, clock);
    f.task = r.task;
    if (figure !== null) f.figure = figure;
  };
  const yearEnd = async (f: Fate, state: FinalState, reason: string | null, newDeadline: string | null, when: string) => {
    at(when);
    await reviews.store.setYearEnd(f.task.id, { final_state: state, reason, new_deadline: newDeadline }, who, clock);
    Object.assign(f, { state, reason, newDeadline });
  };

  for (const [i, f] of fates.entries()) {
    const v = f.task.figure.value;
    if (i === fates.length - 3) continue; // left without a year-end state: the draft says so
    switch (i % 5) {
      case 0: {
        // Reported in spring and in December, then closed (销号) before the deadline.
        if (v !== null) await progress(f, '2023-04-28', '按计划推进，完成阶段目标', round2(v * 0.4));
        await progress(f, '2023-12-15', '全年任务已完成', v === null ? null : round2(v * 1.02));
        for (const a of ['request_completion', 'review', 'close'] as const) f.task = await s.act(f.task.id, f.task.version, a, who, {}, clock);
        Object.assign(f, { state: 'done', onTime: true });
        break;
      }
      case 1:
        await progress(f, '2023-12-28', '完成年度目标', v);
        await yearEnd(f, 'done', null, null, '2024-01-10T10:00:00+08:00');
        break;
      case 2:
        await progress(f, '2023-11-30', '大部分工作已完成', v === null ? null : round2(v * 0.9));
        await yearEnd(f, 'mostly_done', null, null, '2024-01-10T10:00:00+08:00');
        break;
      case 3:
        await progress(f, '2023-09-30', '正在推进，部分子项目尚未开工', null);
        await yearEnd(f, 'ongoing', LATE_REASON, '2024-06-30', '2024-01-10T10:00:00+08:00');
        break;
      default:
        await yearEnd(f, 'not_done', NOT_DONE_REASON, null, '2024-01-10T10:00:00+08:00');
    }
  }

  // The deputies rate the two elected projects at year end: 4 of 5 satisfied or basically, then 5 of 5.
  at('2023-12-20T10:00:00+08:00');
  const sat = await votes.rounds.open(session.id, clock, { kind: 'satisfaction' });
  const [p1, p2] = (await votes.detail(session.id)).result.elected;
  const ratings = ['satisfied', 'satisfied', 'basically', 'dissatisfied', 'satisfied'];
  await Promise.all(deputies.map((d, i) => votes.rounds.cast(d.code, sat.id, { [p1]: ratings[i], [p2]: 'satisfied' })));
  await votes.rounds.close(sat.id, clock);
  const candidateTask = new Map((await votes.detail(session.id)).candidates.map((c) => [c.id, c.task_id]));
  for (const f of fates) {
    if (f.task.id === candidateTask.get(p1)) f.satisfaction = 80;
    if (f.task.id === candidateTask.get(p2)) f.satisfaction = 100;
  }

  at('2024-01-15T09:00:00+08:00');
  return { store, ledger, reviews, documentId, fates, at };
}
