/**
 * The draft review as the API and the CLI offer it: read a ledger, build the
 * draft, refuse it if any figure lacks a source (a bug, never the office's
 * data), render it, and keep what was handed out.
 */
import { createHash } from 'node:crypto';
import type { Session } from '../accounts/store.js';
import { NotFound } from '../errors.js';
import type { Ledger } from '../ledger/service.js';
import { findReport } from '../store/repository.js';
import { buildDraft, type DraftRuling, type PlanReport } from './build.js';
import { checkDraft } from './check.js';
import { draftDocx } from './docx.js';
import { draftHtml } from './html.js';
import type { Draft, DraftFormat, DraftRecord, YearEndState, YearEndStateSet } from './schema.js';
import { DraftStore } from './store.js';

type LedgerKey = { jurisdiction: string; year: number };

/** Thrown when a built draft fails its own check: a figure without a source must never reach an office. */
export class UnsourcedFigure extends Error {
  override readonly name = 'UnsourcedFigure';
}

export const CONTENT_TYPES: Record<DraftFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

export interface GeneratedDraft {
  readonly record: DraftRecord;
  readonly draft: Draft;
  readonly bytes: Uint8Array;
  readonly filename: string;
}

export class DraftReviews {
  readonly store: DraftStore;
  constructor(readonly ledger: Ledger) {
    this.store = new DraftStore(ledger.repo.db, ledger.store);
  }

  async setYearEnd(s: Session, taskId: number, v: YearEndStateSet): Promise<YearEndState> {
    const t = await this.ledger.taskFor(s, taskId);
    return this.store.setYearEnd(t.id, v, s.account.id, this.ledger.now());
  }

  /** The task's year-end state, if one was set. */
  async yearEndOf(s: Session, taskId: number): Promise<YearEndState | null> {
    const t = await this.ledger.taskFor(s, taskId);
    return (await this.store.yearEnd([t.id])).get(t.id) ?? null;
  }

  /**
   * SEAM: rulings a reviewer signed on the ledger's promises. The `rulings`
   * module (migration 12) is not on main yet; once it is, read the signed
   * ruling of each task's promise here. Until then no task has one.
   */
  protected async rulings(_taskIds: readonly number[]): Promise<Map<number, DraftRuling>> {
    return new Map();
  }

  /** The draft of a ledger as this account sees it (`s` undefined: the whole ledger, as the CLI reads it). */
  async draft(s: Session | undefined, key: LedgerKey): Promise<Draft> {
    const tasks = (await this.ledger.tasks(s, { ...key, includeDrafts: false })).filter((t) => t.state !== 'draft' && !t.archived);
    if (!tasks.length) throw new NotFound(`the ledger of ${key.jurisdiction} for ${key.year} has no published tasks`);
    const ids = tasks.map((t) => t.id);
    const progress = await this.ledger.store.progressOf(ids);
    const draft = buildDraft({
      ...key,
      now: this.ledger.now(),
      plan: await this.plan(key, tasks.map((t) => t.document_id)),
      tasks,
      units: new Map((await this.ledger.accounts.listUnits()).map((u) => [u.id, u.name])),
      progress,
      yearEnd: await this.store.yearEnd(ids),
      satisfaction: await this.store.satisfaction(ids),
      rulings: await this.rulings(ids),
    });
    const problems = checkDraft(draft);
    if (problems.length) throw new UnsourcedFigure(`the draft has figures without a source: ${problems.slice(0, 5).map((p) => `${p.where}: ${p.reason}`).join('; ')}`);
    return draft;
  }

  /** The plan report the ledger was drafted from: the stored report of the place and year, else the one its tasks name. */
  private async plan(key: LedgerKey, docIds: readonly (number | null)[]): Promise<PlanReport | null> {
    const found = await findReport(this.ledger.repo, key.jurisdiction, key.year);
    const id = found?.id ?? docIds.find((d): d is number => d !== null);
    if (id === undefined) return null;
    const doc = await this.ledger.repo.getDocument(id);
    if (!doc) return null;
    return { document_id: doc.id, name: `${doc.jurisdiction ?? key.jurisdiction}${doc.report_year ?? key.year}年政府工作报告`, sections: doc.sections.map((x) => ({ title: x.title, start: x.span.start })) };
  }

  /** Builds, renders and keeps a draft. */
  async generate(s: Session | undefined, key: LedgerKey, format: DraftFormat): Promise<GeneratedDraft> {
    const draft = await this.draft(s, key);
    const bytes = format === 'docx' ? await draftDocx(draft) : new TextEncoder().encode(draftHtml(draft));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const record = await this.store.keep(draft, format, bytes, sha256, s?.account.id ?? null);
    return { record, draft, bytes, filename: `draft-review-${key.year}-${record.id}.${format}` };
  }

  list(key: LedgerKey): Promise<DraftRecord[]> {
    return this.store.list(key);
  }

  async kept(id: number): Promise<{ record: DraftRecord; draft: Draft; bytes: Uint8Array }> {
    const k = await this.store.get(id);
    if (!k) throw new NotFound(`no generated draft with id ${id}`);
    return k;
  }
}
