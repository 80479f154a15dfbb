/**
 * Rulings as the API and the CLI use them: who may rule is checked at the
 * edge (RULERS); here, what a ruling must satisfy. The item must be on the
 * place's current scorecard (its key), a verdict other than the machine's
 * needs a reason, and a reviewer's passage must lie inside the review
 * report's text. A sheet is applied whole or not at all.
 */
import type { Session } from '../accounts/store.js';
import { ReportNotFound, scorecardFromStore, type StoredScorecard } from '../check/from-store.js';
import type { CheckItem } from '../check/index.js';
import { documentHash } from '../check/keys.js';
import { InvalidInput, NotFound } from '../errors.js';
import type { Repository } from '../store/repository.js';
import { findHeader } from '../tables/header.js';
import { readTable } from '../tables/read.js';
import { VERDICT_LABELS, type Verdict } from '../vocab.js';
import type { Ruling, RulingHistoryItem, RulingImportResult, RulingListItem, RulingRequest, SheetRowProblem } from './schema.js';
import { applyRulings, publicRuling, rulingPlace } from './scorecard.js';
import { rulingSheet, SHEET_SYNONYMS, verdictOfCell, type Lang } from './sheet.js';
import { RulingStore, type RulingWrite, type StoredEvidence, type StoredRuling } from './store.js';

/** The longest passage a reviewer may pick as evidence (a paragraph, not the report). */
export const MAX_EVIDENCE = 2000;

/** A sheet refused: each row's problem; 422 (unusable rows) or 409 (rows exported at an older version). */
export class SheetRejected extends Error {
  override readonly name = 'SheetRejected';
  constructor(
    readonly status: 409 | 422,
    message: string,
    readonly rows: SheetRowProblem[],
  ) {
    super(message);
  }
}

/** The scorecard a ruling is made on, with what its stored form needs. */
interface Context {
  readonly card: StoredScorecard;
  readonly place: string;
  readonly year: number;
  readonly planHash: string;
  readonly reviewHash: string;
  readonly reviewText: string;
}

export class Rulings {
  readonly store: RulingStore;
  constructor(
    readonly repo: Repository,
    readonly now: () => Date = () => new Date(),
  ) {
    this.store = new RulingStore(repo, publicRuling);
  }

  private async context(jurisdiction: string, year: number): Promise<Context> {
    const card = await scorecardFromStore(this.repo, jurisdiction, year).catch((e: unknown) => {
      throw e instanceof ReportNotFound ? new NotFound(e.message) : e;
    });
    const [plan, review] = await Promise.all([this.repo.getDocument(card.plan_report.id!), this.repo.getDocument(card.review_report.id!)]);
    return { card, place: rulingPlace(card, jurisdiction), year, planHash: documentHash(plan!.text), reviewHash: documentHash(review!.text), reviewText: review!.text };
  }

  private write(ctx: Context, item: CheckItem, verdict: Verdict, reason: string | null, evidence: StoredEvidence | null | 'keep'): RulingWrite {
    return {
      jurisdiction: ctx.place, year: ctx.year, key: item.key, source: item.source, promise: item.commitment, plan_span: item.plan_span, plan_hash: ctx.planHash,
      review_hash: ctx.reviewHash, plan_document_id: ctx.card.plan_report.id ?? null, review_document_id: ctx.card.review_report.id ?? null,
      machine_verdict: item.machine_verdict, verdict, reason, evidence,
    };
  }

  /** The scorecard with its rulings. */
  async scorecard(jurisdiction: string, year: number): Promise<StoredScorecard> {
    const card = await scorecardFromStore(this.repo, jurisdiction, year).catch((e: unknown) => {
      throw e instanceof ReportNotFound ? new NotFound(e.message) : e;
    });
    return applyRulings(card, await this.store.forPlace(rulingPlace(card, jurisdiction), year));
  }

  /** Confirms or changes the verdict of the item `key` (PUT /api/rulings/{key}). */
  async rule(s: Session, key: string, req: RulingRequest): Promise<Ruling> {
    const ctx = await this.context(req.jurisdiction, req.year);
    const item = ctx.card.items.find((i) => i.key === key);
    if (!item) throw new NotFound(`no item ${key} on the scorecard of ${req.jurisdiction} ${req.year}`);
    const reason = req.reason?.trim() || null;
    if (req.verdict !== item.machine_verdict && !reason) {
      throw new InvalidInput(`a ruling of ${VERDICT_LABELS[req.verdict][0]} differs from the machine's ${VERDICT_LABELS[item.machine_verdict][0]}: give a reason`, [{ field: 'reason', message: 'required when the verdict differs from the machine\'s' }], 'reason_required');
    }
    let evidence: StoredEvidence | null = null;
    if (req.evidence) {
      const { start, end } = req.evidence;
      const problem = end <= start ? 'end must be after start' : end > ctx.reviewText.length ? `beyond the review report's text (${ctx.reviewText.length} characters)` : end - start > MAX_EVIDENCE ? `longer than ${MAX_EVIDENCE} characters` : !ctx.reviewText.slice(start, end).trim() ? 'only blanks' : null;
      if (problem) throw new InvalidInput(`evidence ${start}–${end}: ${problem}`, [{ field: 'evidence', message: problem }], 'bad_evidence');
      evidence = { start, end, text: ctx.reviewText.slice(start, end), hash: ctx.reviewHash };
    }
    const by = { accountId: s.account.id, now: this.now() };
    const r = await this.store.transaction((trx) => this.store.write(trx, this.write(ctx, item, req.verdict, reason, evidence), req.version, by));
    return publicRuling(r);
  }

  private async find(jurisdiction: string, year: number, key: string): Promise<StoredRuling> {
    const r = await this.store.find(jurisdiction, year, key);
    if (!r) throw new NotFound(`no ruling on ${key} for ${jurisdiction} ${year}`);
    return r;
  }

  async history(key: string, jurisdiction: string, year: number): Promise<RulingHistoryItem[]> {
    const r = await this.find(jurisdiction, year, key);
    return (await this.store.history(r.id)).map((h) => ({
      version: h.version, from_verdict: h.from_verdict, verdict: h.verdict, reason: h.reason, reviewer: h.reviewer, at: h.at,
      ...(h.evidence ? { evidence: { text: h.evidence.text, start: h.evidence.start, end: h.evidence.end } } : {}),
    }));
  }

  /** Every ruling of the place's year, each marked orphaned when the scorecard (or a stored report) no longer has its item. */
  async list(jurisdiction: string, year: number): Promise<RulingListItem[]> {
    const card = await scorecardFromStore(this.repo, jurisdiction, year).catch((e: unknown) => {
      if (e instanceof ReportNotFound) return undefined;
      throw e;
    });
    const keys = new Set(card?.items.map((i) => i.key) ?? []);
    const rulings = await this.store.forPlace(card ? rulingPlace(card, jurisdiction) : jurisdiction, year);
    return rulings.map((r) => ({ ...publicRuling(r), orphaned: !keys.has(r.key) }));
  }

  /** Rulings built on a document (as plan or review), for whoever withdraws it. */
  forDocument(documentId: number) {
    return this.store.forDocument(documentId);
  }

  async sheet(jurisdiction: string, year: number, lang: Lang) {
    return rulingSheet(await this.scorecard(jurisdiction, year), lang);
  }

  /**
   * A reviewed sheet: every changed row applied in one transaction, or none.
   * Unknown keys, unreadable verdicts and missing reasons are 422, rows
   * exported before someone else's ruling 409, each naming its row.
   */
  async importSheet(s: Session, bytes: Uint8Array, filename: string, jurisdiction: string, year: number): Promise<RulingImportResult> {
    const table = await readTable(bytes, filename);
    const { at, col } = findHeader(table, SHEET_SYNONYMS, 'key', '条目编号 (key)');
    const ctx = await this.context(jurisdiction, year);
    const items = new Map(ctx.card.items.map((i) => [i.key, i]));
    const existing = new Map((await this.store.forPlace(ctx.place, year)).map((r) => [r.key, r]));
    const invalid: SheetRowProblem[] = [];
    const stale: SheetRowProblem[] = [];
    const out: RulingImportResult['rows'] = [];
    const changes: { w: RulingWrite; version: number | undefined }[] = [];
    const seen = new Set<string>();
    for (let i = at + 1; i < table.length; i++) {
      const cells = table[i];
      if (cells.every((c) => !c?.trim())) continue;
      const cell = (c: number) => (c >= 0 ? (cells[c] ?? '').trim() : '');
      const row = i + 1;
      const key = cell(col('key'));
      const bad = (error: string) => invalid.push({ row, key: key || null, error });
      const item = items.get(key);
      if (!key) { bad('缺少条目编号 (no key)'); continue; }
      if (!item) { bad(`条目编号 ${key} 不在 ${ctx.place} ${year} 的评分表中 (unknown key)`); continue; }
      if (seen.has(key)) { bad(`条目编号 ${key} 重复出现 (key repeated)`); continue; }
      seen.add(key);
      const verdictText = cell(col('ruling'));
      if (!verdictText) { out.push({ row, key, status: 'skipped', verdict: null }); continue; }
      const verdict = verdictOfCell(verdictText);
      if (!verdict) { bad(`裁定结论「${verdictText}」无法识别，应为${Object.values(VERDICT_LABELS).map((l) => l[0]).join('、')}之一`); continue; }
      const reason = cell(col('reason')) || null;
      if (verdict !== item.machine_verdict && !reason) { bad(`裁定为${VERDICT_LABELS[verdict][0]}，与机器初判（${VERDICT_LABELS[item.machine_verdict][0]}）不同，须填写裁定理由 (reason required)`); continue; }
      const versionText = cell(col('version'));
      const version = versionText ? Number(versionText) : undefined;
      if (version !== undefined && !(Number.isInteger(version) && version > 0)) { bad(`版本「${versionText}」不是正整数`); continue; }
      const now = existing.get(key);
      if (now && now.verdict === verdict && (now.reason ?? '') === (reason ?? '')) { out.push({ row, key, status: 'skipped', verdict }); continue; }
      if ((now?.version ?? undefined) !== version) {
        stale.push({ row, key, error: now ? `已被 ${now.reviewer} 改为第${now.version}版（${VERDICT_LABELS[now.verdict][0]}），本行基于${version ? `第${version}版` : '无裁定时'}导出 (stale version)` : `尚无裁定，本行却注明第${version}版 (stale version)` });
        continue;
      }
      changes.push({ w: this.write(ctx, item, verdict, reason, 'keep'), version });
      out.push({ row, key, status: 'applied', verdict });
    }
    if (invalid.length) throw new SheetRejected(422, `${invalid.length} rows cannot be used; nothing was applied`, invalid);
    if (stale.length) throw new SheetRejected(409, `${stale.length} rows were exported before a later ruling; nothing was applied`, stale);
    const by = { accountId: s.account.id, now: this.now() };
    await this.store.transaction(async (trx) => {
      for (const c of changes) await this.store.write(trx, c.w, c.version, by);
    });
    return { applied: changes.length, skipped: out.length - changes.length, rows: out };
  }
}
