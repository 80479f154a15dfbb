/**
 * Hostile inputs, generated (never stored): each reproduces one way a file
 * made the reader freeze or run out of memory (issue 15, item 3). Sizes are
 * parameters so a test can use a smaller file that still crosses the limit,
 * and the benchmark (bench/hostile.ts) the full-size one.
 */
import { deflateRepeated, member, writeZip, type ZipMember } from './zip.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
export const DOC_HEAD = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>`;
export const DOC_TAIL = '</w:body></w:document>';
const PARA = (s: string) => `<w:p><w:r><w:t>${s}</w:t></w:r></w:p>`;

function docx(document: ZipMember, extra: ZipMember[] = []): Buffer {
  return writeZip([member('[Content_Types].xml', CONTENT_TYPES), member('_rels/.rels', RELS), document, ...extra]);
}

/** A .docx whose body is `count` short paragraphs (5 M: a 1.7 MB file that ran the heap out). */
export async function docxManyParagraphs(count: number): Promise<Buffer> {
  return docx(await deflateRepeated('word/document.xml', DOC_HEAD, PARA('今年经济社会发展主要预期目标是'), count, DOC_TAIL));
}

/** One paragraph of `count` one-character runs (13 M runs: ~300 KB of archive, ~300 MB of XML). */
export async function docxManyRuns(count: number): Promise<Buffer> {
  return docx(await deflateRepeated('word/document.xml', `${DOC_HEAD}<w:p>`, '<w:r><w:t>字</w:t></w:r>', count, `</w:p>${DOC_TAIL}`));
}

/** A member whose headers claim 2 KB while it inflates to `units` × 16 bytes. */
export async function docxLyingSize(units: number): Promise<Buffer> {
  const m = await deflateRepeated('word/document.xml', `${DOC_HEAD}<w:p><w:r><w:t>`, '发展发展abcd', units, `</w:t></w:r></w:p>${DOC_TAIL}`);
  return docx({ ...m, declaredSize: 2048 });
}

/** A valid report body plus `count` empty entries in the archive. */
export function docxManyEntries(count: number): Buffer {
  const doc = member('word/document.xml', `${DOC_HEAD}${PARA('今年地区生产总值增长5%左右。')}${DOC_TAIL}`);
  const extra = Array.from({ length: count }, (_, i) => member(`word/media/x${i}.bin`, ''));
  return docx(doc, extra);
}

/** A document part that declares a document type with entities expanding exponentially (billion laughs). */
export function docxWithDtd(): Buffer {
  const dtd = '<!DOCTYPE w:document [<!ENTITY a "发展发展发展发展"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>';
  return docx(member('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?>${dtd}<w:document ${W}><w:body>${PARA('&c;')}${DOC_TAIL}`));
}

/** Content controls nested `depth` deep (mammoth recurses once per level). */
export async function docxDeepNesting(depth: number): Promise<Buffer> {
  const open = '<w:sdt><w:sdtContent>'.repeat(depth);
  const close = '</w:sdtContent></w:sdt>'.repeat(depth);
  return docx(member('word/document.xml', `${DOC_HEAD}${open}${PARA('今年地区生产总值增长5%左右。')}${close}${DOC_TAIL}`));
}

/** `bytes` of HTML whose elements are opened and never closed. */
export function htmlUnclosedNesting(bytes: number): Buffer {
  const unit = '<div><b>推进高质量发展</i>';
  return Buffer.from(`<!doctype html><html><body>${unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)))}`, 'utf8');
}

/** A plain-text report with its line breaks removed, repeated to `bytes` on one line. */
export function oneLineText(seed: string, bytes: number): Buffer {
  const line = seed.replace(/\s+/g, '');
  const unit = Buffer.from(line, 'utf8');
  const n = Math.ceil(bytes / unit.length);
  return Buffer.concat(Array.from({ length: n }, () => unit)).subarray(0, bytes);
}

/** A vote candidate list that is one item followed by `count` commas and one more character. */
export function candidateCommas(count: number): string {
  return `新建城区停车场${'，'.repeat(count)}x`;
}

/**
 * A targets passage whose subject is two conjuncts, the second `bytes` long
 * (no clause punctuation), followed by 分别 and two figures: the head-sharing
 * search of the conjunct matcher tried every suffix of the second one.
 */
export function conjunctSubject(bytes: number): string {
  const filler = '推进城市更新行动'.repeat(Math.ceil(bytes / 3 / 8)).slice(0, Math.floor(bytes / 3) - 40);
  return `今年主要预期目标是：新兴产业、${filler}分别增长5%、6%。\n`;
}

/**
 * One line of `bytes` that repeats a report's opening address, a dated phrase
 * and a targets lead-in: every pass that looked from each match to the line's
 * start or end (or judged the whole line again per match) was quadratic.
 */
export function oneLineOfHeads(bytes: number): Buffer {
  const unit = '我代表市人民政府，向大会报告工作，请予审议。今年是“十四五”规划的开局之年。今年主要预期目标是：地区生产总值增长5%左右，城镇新增就业3万人。';
  const b = Buffer.from(unit, 'utf8');
  return Buffer.concat(Array.from({ length: Math.ceil(bytes / b.length) }, () => b));
}

/** A targets passage of `count` figures joined by 、: one clause, no clause punctuation. */
export function figuresRunTogether(count: number): string {
  return `今年主要预期目标是：${'地区生产总值增长5%、'.repeat(count)}。\n`;
}

/**
 * `bytes` of lines that never stop (no sentence or clause mark at any line end, each over
 * 30 characters), after a report's opening: every line is joined to the paragraph before it,
 * which grows to the whole text; a test of that paragraph per line was quadratic. The lines
 * are wider than a newspaper's column (over 60 characters), so they are not taken for one and
 * joined before.
 */
export function linesWithoutStops(bytes: number): Buffer {
  const head = '政府工作报告\n各位代表：现在，我代表市人民政府向大会报告工作，请予审议。\n';
  const words = '各地区各部门坚决贯彻落实党中央决策部署全力以赴稳增长扎实推进乡村全面振兴新建改造提升高标准农田加快建设现代化产业体系'.repeat(3);
  const lines: string[] = [];
  let size = Buffer.byteLength(head);
  for (let i = 0; size < bytes; i++) {
    // each line its own (repeated lines would be dropped as repeats): i in the ten heavenly stems
    const tag = [...String(i)].map((d) => '甲乙丙丁戊己庚辛壬癸'[Number(d)]).join('');
    const line = words.slice(0, 61 + ((i * 7) % 59)) + tag + '\n';
    lines.push(line);
    size += Buffer.byteLength(line);
  }
  return Buffer.from(head + lines.join(''), 'utf8');
}
