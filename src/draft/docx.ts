/**
 * The draft as a Word document the office edits (docx, the maintained
 * library): headings, the opening, a paragraph per task (unnumbered: every digit in the text is a figure with its source), and a
 * footnote after every run that cites a source, naming it and quoting the
 * passage. Footnotes are per citation (Word numbers each reference).
 */
import { AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { sourceLine, type Draft, type DraftItem, type DraftSource, type Run } from './schema.js';

const FONT = { ascii: 'Times New Roman', eastAsia: '仿宋_GB2312', hAnsi: 'Times New Roman' };

export async function draftDocx(d: Draft): Promise<Uint8Array> {
  const sources = new Map<string, DraftSource>(d.sources.map((s) => [s.id, s]));
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  let next = 1;
  const note = (id: string): FootnoteReferenceRun => {
    const s = sources.get(id);
    const n = next++;
    footnotes[String(n)] = { children: [new Paragraph({ children: [new TextRun({ text: s ? sourceLine(s) : id, size: 18 })] })] };
    return new FootnoteReferenceRun(n);
  };
  const runs = (list: readonly Run[]) => list.flatMap((r) => [new TextRun(r.text), ...r.cite.map(note)]);
  const heading = (children: (TextRun | FootnoteReferenceRun)[], level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2) => new Paragraph({ heading: level, children });
  const items = (list: readonly DraftItem[]) => list.map((i) => new Paragraph({ indent: { firstLine: 640 }, children: runs(i.runs) }));

  const body: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: runs(d.title) }),
    new Paragraph({ indent: { firstLine: 640 }, children: runs(d.opening) }),
  ];
  for (const s of d.sections) body.push(heading(runs(s.heading)), ...items(s.items));
  if (d.unfinished.length) body.push(heading([new TextRun('未完成任务及原因')]), ...items(d.unfinished));
  if (d.livelihood.length) body.push(heading([new TextRun('民生实事完成情况')]), ...items(d.livelihood));

  const doc = new Document({
    creator: 'Luoshi 落实',
    title: d.title.map((r) => r.text).join(''),
    description: `generated ${d.generated_at} from the ledger of ${d.jurisdiction} ${d.year}`,
    styles: { default: { document: { run: { font: FONT, size: 32 } } } },
    footnotes,
    sections: [{ children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
