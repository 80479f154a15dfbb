/**
 * Splitting a file into report documents: find each report's head (title
 * block, dateline, opening address), cut between heads, drop second copies of
 * the same report and trim page furniture before and after.
 */
import { datelineMatches } from './head.js';
import { compact, lineAt, lineIndex, lineText, type Line } from './lines.js';
import { execAll } from './matches.js';

export interface Segment {
  readonly start: number;
  readonly end: number;
  /** Offset of the report head (dateline or opening address) that defined it, or -1. */
  readonly head: number;
  /** Where the region before this document began (furniture or previous document end). */
  readonly regionStart: number;
}

export interface SplitResult {
  readonly segments: Segment[];
  /** Report copies dropped as duplicates: [start, end). */
  readonly duplicates: { start: number; end: number; of: number }[];
  /** Ranges trimmed as furniture. */
  readonly trimmed: { start: number; end: number; what: string }[];
}

/** Opening address: 我代表X人民政府，向大会报告工作 (or a digest's 代表X人民政府，向大会报告). */
const OPENING_RE = /我代表[^，。；！\n]{0,30}?[，,]?\s*向(?:大会|本次大会|本次会议|大会主席团)|(?:总理|省长|市长|县长|区长|主席|州长|旗长)[\u4e00-\u9fa5·]{2,8}代表[^，。\n]{0,25}?(?:人民政府|国务院|政府)[，,]?\s*向大会/g;
const PIAN_RE = /^[ \t\u3000]*[【\[]\s*(?:第\s*)?篇\s*[一二三四五六七八九十\d]+\s*[】\]]|^[ \t\u3000]*第[一二三四五六七八九十\d]+篇[：:\s]/gm;

/** Lines that are page furniture at the head of a page. */
const HEAD_FURNITURE = /当前位置|首页|来源[:：]|作者[:：]|阅读[:：]|评论[:：]|内容摘要|字体[:：]|【字体|发文单位|发文时间|来源URL|正文[:：]|标题[:：]|浏览[:：]|小编|仅供参考|欢迎(?:大家)?阅读|点击|分享|www\.|https?:|>>|日期[:：]|时间[:：]|^A[+-]$|^\d{4}-\d{2}-\d{2}|^\d+$|^[【\[]?(?:大|中|小)[】\]]?$|^[【】\[\]]$|E-mail|责任编辑/;

/** Lines that end the report text: site chrome, licence notes, related lists. */
const TAIL_FURNITURE = /^(?:分享到|分享至|上一篇|下一篇|相关文章|相关新闻|相关阅读|相关链接|相关报道|推荐阅读|延伸阅读|[（(【]?责任编辑|编辑[:：]|本文来源|来源[:：]|打印本页|关闭窗口|【打印|【关闭|\[打印|\[关闭|版权所有|Copyright|©|本作品是中华人民共和国|Public domain|扫一扫|网站地图|当前位置|阅读排行|本栏|标签云|热门文章|搜索|返回顶部|标签[:：]?|本站|首页$|首页\s*[>＞]|省各设区市|主办单位|网站标识码|领导之窗)|全文阅读|ICP备|版权所有|侵权.{0,10}(?:联系|删除)/;

const MIN_GAP = 1500;

function isTeaser(text: string, lines: readonly Line[], li: number): boolean {
  const t = lineText(text, lines[li]);
  if (/(?:\.{4,}|…{1,}|。。。)\s*$/.test(t)) return true;
  const prev = li > 0 ? compact(lineText(text, lines[li - 1])) : '';
  return /内容摘要|摘要[:：]$|导读[:：]?$/.test(prev) || /^内容摘要/.test(compact(t));
}

interface Head {
  pos: number;
  /** Signatures of the head: dateline words, the opening sentence with its surroundings. */
  sigs: Set<string>;
}

/** Offsets of report heads, earliest first, one per report (clusters merged). */
export function findHeads(text: string, lines: readonly Line[]): Head[] {
  const cands: Head[] = [];
  // Once per line: a file of one long line has every head on it, and judging
  // that line again for each made reading quadratic (issue 15).
  const teaser = new Map<number, boolean>();
  for (const [kind, matches] of [['opening', execAll(OPENING_RE, text)], ['dateline', datelineMatches(text)]] as const) {
    for (const m of matches) {
      const li = lineAt(lines, m.index);
      if (!teaser.has(li)) teaser.set(li, isTeaser(text, lines, li));
      if (teaser.get(li)) continue;
      const sigs = new Set<string>();
      if (kind === 'opening') {
        const after = m.index + m[0].length;
        sigs.add('a:' + compact(text.slice(after, after + 120)).slice(0, 60));
        sigs.add('o:' + compact(text.slice(Math.max(0, m.index - 40), after + 30)));
      } else {
        sigs.add('d:' + compact(m[0]));
      }
      cands.push({ pos: lines[li].start, sigs });
    }
  }
  cands.sort((a, b) => a.pos - b.pos);
  const heads: Head[] = [];
  for (const c of cands) {
    const last = heads[heads.length - 1];
    if (last && c.pos - last.pos < MIN_GAP) {
      for (const s of c.sigs) last.sigs.add(s);
      continue;
    }
    heads.push({ pos: c.pos, sigs: new Set(c.sigs) });
  }
  return heads;
}

function isHeaderLike(s: string): boolean {
  const c = compact(s);
  if (!c) return true;
  if (c.length > 60) return false;
  return !HEAD_FURNITURE.test(c);
}

/** Walks back from the head line over title-block lines. */
function blockStart(text: string, lines: readonly Line[], headPos: number, floor: number): number {
  let li = lineAt(lines, headPos);
  let taken = 0;
  while (li > 0 && taken < 8) {
    const prev = lines[li - 1];
    if (prev.start < floor) break;
    if (!isHeaderLike(lineText(text, prev))) break;
    li--;
    taken++;
  }
  // Do not start on blank lines.
  while (li < lines.length - 1 && !compact(lineText(text, lines[li])) && lines[li].start < headPos) li++;
  return Math.max(lines[li].start, floor);
}

/** Skips leading furniture lines when no report head is found. */
function skipLeadingFurniture(text: string, lines: readonly Line[]): number {
  let li = 0;
  for (let n = 0; li < lines.length && n < 40; n++, li++) {
    const c = compact(lineText(text, lines[li]));
    if (c && !(HEAD_FURNITURE.test(c) && c.length <= 80) && !/^<!--|^-->$/.test(c)) break;
  }
  return li < lines.length ? lines[li].start : 0;
}

/** Trims furniture after the report text in [start, end); returns the new end. */
export function trimTail(text: string, lines: readonly Line[], start: number, end: number): number {
  const from = start + Math.floor((end - start) * 0.5);
  let li = lineAt(lines, from);
  let e = end;
  for (; li < lines.length && lines[li].start < end; li++) {
    const c = compact(lineText(text, lines[li]));
    if (c && c.length <= 120 && TAIL_FURNITURE.test(c)) { e = lines[li].start; break; }
  }
  // Drop trailing blank or short unpunctuated lines (link words, counters).
  for (;;) {
    const lj = lineAt(lines, Math.max(start, e - 1));
    const l = lines[lj];
    if (l.start <= start) break;
    const c = compact(text.slice(l.start, Math.min(l.end, e)));
    if (c === '' || (c.length <= 12 && !/[。！!？?；;：:”」）)]$/.test(c))) { e = l.start; continue; }
    break;
  }
  // Site words glued to the closing sentence: …新篇章！  搜索马 克 数 据 网
  const lastLine = text.slice(text.lastIndexOf('\n', e - 1) + 1, e);
  const glued = /([。！!？?])[\s\u3000]*(?:搜索|分享到|上一篇|下一篇|责任编辑|来源[:：]|返回)[^。！!？?]{0,30}$/.exec(lastLine);
  if (glued) e -= lastLine.length - (glued.index + 1);
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}

export function splitDocuments(text: string): SplitResult {
  const lines = lineIndex(text);
  const trimmed: SplitResult['trimmed'] = [];
  const duplicates: SplitResult['duplicates'] = [];
  const heads = findHeads(text, lines);

  // Explicit compilation markers (【篇1】 …) win when there are several.
  PIAN_RE.lastIndex = 0;
  const pian: number[] = [];
  for (let m = PIAN_RE.exec(text); m; m = PIAN_RE.exec(text)) pian.push(m.index);

  type Raw = { start: number; head: number; sigs: Set<string>; regionStart: number };
  const raws: Raw[] = [];
  if (pian.length >= 2) {
    for (const p of pian) {
      const h = heads.find((x) => x.pos >= p) ;
      raws.push({ start: lines[lineAt(lines, p)].start, head: h?.pos ?? p, sigs: h?.sigs ?? new Set(), regionStart: p });
    }
  } else if (heads.length) {
    let floor = 0;
    for (const h of heads) {
      raws.push({ start: blockStart(text, lines, h.pos, floor), head: h.pos, sigs: h.sigs, regionStart: floor });
      floor = h.pos;
    }
  } else {
    raws.push({ start: skipLeadingFurniture(text, lines), head: -1, sigs: new Set(), regionStart: 0 });
  }

  const segments: Segment[] = [];
  const kept: Raw[] = [];
  const keptLines = new Set<string>();
  const linesOf = (a: number, b: number): string[] => {
    const out: string[] = [];
    for (let li = lineAt(lines, a); li < lines.length && lines[li].start < b; li++) {
      const c = compact(lineText(text, lines[li]));
      if (c.length >= 6) out.push(c);
    }
    return out;
  };
  for (let i = 0; i < raws.length; i++) {
    const r = raws[i];
    const next = raws[i + 1];
    const rawEnd = next ? next.start : text.length;
    // A second copy of a report (pages that print it twice, or an outline of it) has the same head.
    let dupOf = kept.findIndex((k) => [...r.sigs].some((x) => k.sigs.has(x)));
    // its lines are compared with the reports kept before it, and kept for the ones after it:
    // a file of one report (most files) needs neither
    const own = (dupOf < 0 && kept.length > 0) || i < raws.length - 1 ? linesOf(r.start, rawEnd) : [];
    if (dupOf < 0 && kept.length && own.length) {
      // An outline or partial copy: most of its lines are already in an earlier report.
      const seen = own.filter((l) => keptLines.has(l)).length;
      if (seen / own.length >= 0.6) dupOf = kept.length - 1;
    }
    if (dupOf >= 0) {
      duplicates.push({ start: r.start, end: rawEnd, of: dupOf + 1 });
      continue;
    }
    kept.push(r);
    for (const l of own) keptLines.add(l);
    const end = trimTail(text, lines, r.start, rawEnd);
    if (end < rawEnd && compact(text.slice(end, rawEnd))) trimmed.push({ start: end, end: rawEnd, what: 'trailing page furniture' });
    segments.push({ start: r.start, end: Math.max(end, r.start), head: r.head, regionStart: r.regionStart });
  }
  if (segments.length && compact(text.slice(0, segments[0].start))) {
    trimmed.unshift({ start: 0, end: segments[0].start, what: 'leading page furniture' });
  }
  return { segments, duplicates, trimmed };
}
