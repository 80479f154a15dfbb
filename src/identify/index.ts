/**
 * Split a source into documents and identify each one: who reports, which
 * year, delivered where and by whom, what kind of text.
 */
import { basename } from 'node:path';
import { diag, type Diagnostic } from '../ingest/diagnostics.js';
import { sourceOffset, spanOf, type Source } from '../ingest/source.js';
import type { DocumentIdentity, Inferred, Level } from '../model.js';
import { inferDocType } from './doc-type.js';
import { resolveName } from './gazetteer.js';
import {
  findBareNameAfter, findDateline, findDateOnlyLine, findNewsLead, findOpening, findPublicationDate, findSpeaker, findTitleClaims,
  isPressItem, normalizeMeeting, type NewsLead, type TitleClaim,
} from './head.js';
import { claimAgrees, inferJurisdiction, jurisdictionName, provinceName, type JurisdictionFinding } from './jurisdiction.js';
import { splitDocuments } from './split.js';
import {
  countMasked, npcSessionYear, npcWhy, yearFromFrequency, yearFromNpcSession, yearFromHeadings, yearFromPhrases, yearFromRules, type YearFinding,
} from './years.js';

export interface DocumentSlice {
  /** 1-based order within the file. */
  readonly part: number;
  /** [start, end) in the source's normalised text. */
  readonly start: number;
  readonly end: number;
  readonly identity: DocumentIdentity;
}

export interface Identification {
  readonly documents: DocumentSlice[];
  /** Title contradictions, masked years, furniture removed… */
  readonly diagnostics: Diagnostic[];
}

export interface IdentifyOptions {
  /** Name used for the weak file-name signal (default: source.file). */
  readonly fileName?: string;
}

const HEAD_WINDOW = 3000;
/** A news item names the session in its first paragraph. */
const LEAD_WINDOW = 800;

function inferred<T>(source: Source, value: T, evidence: string, confidence: number, index?: number, length?: number): Inferred<T> {
  const c = Math.max(0, Math.min(1, Math.round(confidence * 100) / 100));
  return index !== undefined && index >= 0
    ? { value, evidence, confidence: c, span: spanOf(source, index, index + (length ?? 0)) }
    : { value, evidence, confidence: c };
}

/** Place and year a file name claims (a weak signal): 保定市_2021_report.txt, 2025年宁夏政府工作报告.docx. */
export function fileNameClaim(file: string): { place: string | null; year: number | null; national: boolean; text: string } {
  const name = basename(file).replace(/\.[a-z0-9]+$/i, '');
  const y = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(name);
  const national = /国务院|gov_report|全国/.test(name);
  let place: string | null = null;
  for (const tok of name.split(/[^\u4e00-\u9fa5]+/)) {
    const t = tok.replace(/^年/, '').replace(/(?:人民)?政府工作报告.*$/, '').replace(/国务院|摘要/g, '');
    if (t.length >= 2 && resolveName(t).length) { place = t; break; }
  }
  return { place, year: y ? Number(y[1]) : null, national, text: name };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * The year of a news item about the session (no report dateline): from its
 * lead when the lead writes the year (2024年1月16日，…会议开幕); from the national
 * session it names (十四届全国人大二次会议5日开幕 → 2024); else, for a press item
 * (本报讯, 新华社…电, 记者 bylines), from the page's publication date when the lead's
 * month and day fall shortly before it. Pages that only publish or collect
 * reports (汇编, 日期:2023-05-31) carry no lead and are not dated this way.
 */
function newsYear(text: string, ctx: DocContext): { lead: NewsLead | null; year: YearFinding | null } | null {
  const leadEnd = Math.min(ctx.end, ctx.start + LEAD_WINDOW);
  const lead = findNewsLead(text, ctx.start, leadEnd);
  const press = isPressItem(text, ctx.start, leadEnd);
  if (!lead && !press) return null;
  if (lead?.year) {
    return { lead, year: { year: lead.year, evidence: `news lead: ${lead.evidence}`, confidence: 0.9, index: lead.index, length: lead.length } };
  }
  const npc = lead ? npcSessionYear(lead.meeting) : null;
  if (lead && npc) {
    return { lead, year: { year: npc.year, evidence: `news lead: ${lead.evidence} (${npcWhy(npc)})`, confidence: 0.85, index: lead.index, length: lead.length } };
  }
  const pub = findPublicationDate(text, ctx.claimsFrom, leadEnd);
  if (!pub) return { lead, year: null };
  const pubYear = Number(pub.value.slice(0, 4));
  if (lead) {
    const days = (Date.parse(pub.value) - Date.UTC(pubYear, lead.month - 1, lead.day)) / 86400000;
    if (days < 0 || days > 60) return { lead, year: null };
  }
  return { lead, year: { year: pubYear, evidence: `published ${pub.evidence}${lead ? `, news lead: ${lead.evidence}` : ''}`, confidence: lead ? 0.8 : 0.55, index: pub.index, length: pub.length } };
}

/**
 * The first finding, in order of trust. A finding given as a function is read only when none
 * before it was found: the weak ones scan the whole document (every year written, every
 * rule), and a report with a dateline never needs them.
 */
function pickYear(cands: readonly (YearFinding | null | (() => YearFinding | null))[]): YearFinding | null {
  for (const c of cands) {
    const found = typeof c === 'function' ? c() : c;
    if (found) return found;
  }
  return null;
}

interface DocContext {
  readonly part: number;
  readonly start: number;
  readonly end: number;
  readonly claimsFrom: number;
}

function identifyDocument(source: Source, ctx: DocContext, fileClaim: ReturnType<typeof fileNameClaim>, diagnostics: Diagnostic[]): DocumentIdentity {
  const { text } = source;
  const { start, end } = ctx;
  const headEnd = Math.min(end, start + HEAD_WINDOW);
  const at = (i: number): number => sourceOffset(source, i);

  const dateline = findDateline(text, start, headEnd);
  const opening = findOpening(text, start, Math.min(end, start + 6000));
  const speakerFound = dateline
    ? findSpeaker(text, dateline.index, Math.min(end, dateline.index + dateline.length + 300)) ?? findBareNameAfter(text, dateline.index + dateline.length, headEnd)
    : null;
  const speaker = speakerFound ?? findSpeaker(text, start, opening ? Math.min(end, opening.index + 200) : headEnd);

  const titleClaims: TitleClaim[] = findTitleClaims(text, ctx.claimsFrom, Math.min(end, start + 300));
  const claims: { place: string; evidence: string; confidence: number }[] = [];
  for (const t of titleClaims) if (t.place) claims.push({ place: t.place, evidence: `title: ${t.text}`, confidence: 0.5 });
  if (fileClaim.place) claims.push({ place: fileClaim.place, evidence: `file name: ${fileClaim.text}`, confidence: 0.3 });

  const meetingClue = dateline ? { value: dateline.meeting, evidence: dateline.evidence, index: dateline.index, length: dateline.length } : null;
  let juris: JurisdictionFinding | null = inferJurisdiction(text, start, end, {
    opening,
    meeting: meetingClue,
    speakerLine: speaker ? { value: speaker.value, evidence: speaker.evidence, index: speaker.index, length: speaker.length } : null,
    claims,
  });
  if (!juris && fileClaim.national) {
    juris = { place: null, national: true, evidence: `file name: ${fileClaim.text}`, confidence: 0.3, levelHint: 'national' };
  }

  // Years.
  const masked = countMasked(text, start, end);
  const fromDateline: YearFinding | null = dateline
    ? { year: dateline.year, evidence: dateline.evidence, confidence: 0.95, index: dateline.index, length: dateline.length }
    : null;
  const news = dateline ? null : newsYear(text, ctx);
  const lead = news?.lead ?? null;
  const fromLead: YearFinding | null = news?.year ?? null;
  const fromHeadings = yearFromHeadings(text, start, end);
  const fromRules = () => (masked > 0 || !fromHeadings ? yearFromRules(text, start, end) : null);
  const titleYear = titleClaims.find((t) => t.year);
  const fromTitle: YearFinding | null = titleYear ? { year: titleYear.year!, evidence: `title: ${titleYear.text}`, confidence: 0.5, index: titleYear.index, length: titleYear.text.length } : null;
  const fromFile: YearFinding | null = fileClaim.year ? { year: fileClaim.year, evidence: `file name: ${fileClaim.text}`, confidence: 0.2 } : null;
  const fromFreq = () => (masked > 0 ? null : yearFromFrequency(text, start, end));
  const dateOnly = !dateline ? findDateOnlyLine(text, start, opening ? Math.min(end, opening.index) : headEnd) : null;
  const fromDateOnly: YearFinding | null = dateOnly ? { year: Number(dateOnly.value.slice(0, 4)), evidence: dateOnly.evidence, confidence: 0.8, index: dateOnly.index, length: dateOnly.length } : null;
  // A news item's year comes from its dateline or the session it reports, before
  // anything the body says; the most frequent year written is a last resort.
  const leadFirst = fromLead && fromLead.confidence >= 0.75 ? fromLead : null;
  const reportYear = masked > 0
    ? pickYear([fromDateline, leadFirst, fromHeadings, fromRules, fromLead, fromTitle, fromFile])
    : pickYear([fromDateline, leadFirst, fromDateOnly, () => yearFromNpcSession(text, start, end), fromHeadings, () => yearFromPhrases(text, start, end), fromLead, fromTitle, fromRules, fromFreq, fromFile]);

  if (masked > 0) {
    diagnostics.push(diag('identify/masked-year', 'warning',
      `part ${ctx.part}: ${masked} years written as 20xx; report year ${reportYear ? `inferred as ${reportYear.year} from ${reportYear.evidence}` : 'not inferred'}`,
      { offset: at(start), actual: '20xx', expected: reportYear ? String(reportYear.year) : undefined }));
  }

  // Title and file-name contradictions: content wins.
  const contentYearStrong = reportYear && reportYear !== fromTitle && reportYear !== fromFile && reportYear.confidence >= 0.5;
  for (const t of titleClaims) {
    const placeBad = t.place && juris && resolveName(t.place).length > 0 && !claimAgrees(t.place, juris);
    const yearBad = t.year && contentYearStrong && reportYear!.year !== t.year;
    if (placeBad || yearBad) {
      const found = `${juris ? jurisdictionName(juris) : '?'} ${reportYear?.year ?? '?'}`;
      diagnostics.push(diag('identify/title-contradiction', 'warning',
        `part ${ctx.part}: the title “${t.text}” claims ${[placeBad ? t.place : null, yearBad ? t.year : null].filter(Boolean).join(' ')}, but the text is ${found}; the content is used`,
        { offset: at(t.index), actual: t.text, expected: found }));
      break;
    }
  }
  if (juris && fileClaim.place && resolveName(fileClaim.place).length && !claimAgrees(fileClaim.place, juris) && juris.confidence >= 0.6) {
    diagnostics.push(diag('identify/file-name-contradiction', 'info', `part ${ctx.part}: the file name names ${fileClaim.place}, the text ${jurisdictionName(juris)}`, { actual: fileClaim.place, expected: jurisdictionName(juris) }));
  }
  if (reportYear && fileClaim.year && ctx.part === 1 && reportYear.confidence >= 0.75 && fileClaim.year !== reportYear.year) {
    diagnostics.push(diag('identify/file-name-contradiction', 'info', `the file name says ${fileClaim.year}, the text ${reportYear.year} (${reportYear.evidence})`, { actual: String(fileClaim.year), expected: String(reportYear.year) }));
  }

  const jurisdiction = juris ? inferred(source, jurisdictionName(juris), juris.evidence, juris.confidence, juris.index, juris.length) : null;
  const province = juris && provinceName(juris) ? inferred(source, provinceName(juris)!, juris.national ? juris.evidence : `${juris.place!.fullName} is in ${provinceName(juris)}`, juris.confidence, juris.index, juris.length) : null;
  const levelValue: Level | null = juris ? (juris.national ? 'national' : juris.place!.level) : null;
  const level = levelValue ? inferred(source, levelValue, juris!.national ? juris!.evidence : `${juris!.place!.name} is a ${levelValue}-level unit`, juris!.confidence, juris!.index, juris!.length) : null;

  const report_year = reportYear ? inferred(source, reportYear.year, reportYear.evidence, reportYear.confidence, reportYear.index, reportYear.length) : null;
  let review_year: Inferred<number> | null = null;
  if (reportYear) {
    const rv = /(\d{4})年(?:和今年以来|以来)?(?:的)?(?:政府)?(?:工作)?(?:回顾|总结)/.exec(fromHeadings?.evidence ?? '');
    review_year = rv && Number(rv[1]) === reportYear.year - 1
      ? inferred(source, reportYear.year - 1, rv[0], Math.min(0.95, reportYear.confidence + 0.05))
      : inferred(source, reportYear.year - 1, `the year before the report year (${reportYear.year})`, reportYear.confidence * 0.9);
  }

  const leadDate = lead && news?.year && reportYear === news.year ? `${news.year.year}-${pad2(lead.month)}-${pad2(lead.day)}` : null;
  const date = dateline
    ? inferred(source, dateline.date, dateline.evidence, 0.95, dateline.index, dateline.length)
    : leadDate && lead ? inferred(source, leadDate, lead.evidence, 0.8, lead.index, lead.length)
    : dateOnly ? inferred(source, dateOnly.value, dateOnly.evidence, 0.7, dateOnly.index, dateOnly.length) : null;
  const meetingFound = dateline ?? lead;
  const meeting = meetingFound
    ? inferred(source, normalizeMeeting(meetingFound.meeting, juris && !juris.national ? jurisdictionName(juris) : null), meetingFound.evidence, dateline ? 0.9 : 0.75, meetingFound.index, meetingFound.length)
    : null;
  const speakerInf = speaker ? inferred(source, speaker.value, speaker.evidence, dateline ? 0.9 : 0.7, speaker.index, speaker.length) : null;

  const firstPerson = !!opening && /^我代表/.test(opening.evidence);
  const dt = inferDocType(text, start, end, firstPerson);
  const doc_type = inferred(source, dt.value, dt.evidence, dt.confidence, dt.index, dt.length);
  const script = inferred(source, source.script, source.script === 'traditional' ? 'character statistics: Traditional forms (text converted to Simplified)' : 'character statistics', 0.9);

  if (!juris) diagnostics.push(diag('identify/no-jurisdiction', 'warning', `part ${ctx.part}: could not tell which government reports`, { offset: at(start) }));
  if (!reportYear) diagnostics.push(diag('identify/no-year', 'warning', `part ${ctx.part}: could not tell the report year`, { offset: at(start) }));

  return { jurisdiction, province, level, report_year, review_year, date, meeting, speaker: speakerInf, doc_type, script };
}

/**
 * Literal escapes left in scraped text (\\r\\n written out, &nbsp;) read as the
 * line breaks and spaces they stand for. Same length, so offsets hold.
 */
export function withLiteralEscapes(text: string): string {
  if (!/\\[rn]|&nbsp;/.test(text)) return text;
  return text
    .replace(/\\r\\n/g, '   \n')
    .replace(/\\[rn]/g, ' \n')
    .replace(/&nbsp;/g, '      ');
}

export function splitAndIdentify(source: Source, options: IdentifyOptions = {}): Identification {
  const diagnostics: Diagnostic[] = [];
  const text = withLiteralEscapes(source.text);
  if (text !== source.text) source = { ...source, text };
  const split = splitDocuments(source.text);
  const fileClaim = fileNameClaim(options.fileName ?? source.file);
  const documents: DocumentSlice[] = split.segments.map((seg, i) => {
    const claimsFrom = i === 0 ? Math.max(0, seg.start - 3000) : seg.start;
    const identity = identifyDocument(source, { part: i + 1, start: seg.start, end: seg.end, claimsFrom }, fileClaim, diagnostics);
    return { part: i + 1, start: seg.start, end: seg.end, identity };
  });
  if (documents.length > 1) {
    diagnostics.unshift(diag('identify/compilation', 'info', `the file holds ${documents.length} reports`, { offset: 0 }));
  }
  for (const d of split.duplicates) {
    diagnostics.push(diag('identify/duplicate-copy', 'info', `a second copy of report ${d.of} was left out`, { offset: sourceOffset(source, d.start) }));
  }
  for (const t of split.trimmed) {
    diagnostics.push(diag('identify/furniture', 'info', `${t.what} left out (${t.end - t.start} characters)`, { offset: sourceOffset(source, t.start) }));
  }
  return { documents, diagnostics };
}
