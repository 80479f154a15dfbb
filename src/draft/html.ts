/**
 * The draft as a page to read, print or paste: every run that cites a source
 * is followed by links to the numbered list of sources at the end, each
 * with its passage quoted. All text is escaped.
 */
import { escapeHtml } from '../ledger/views.js';
import { sourceLine, type Draft, type DraftItem, type Run } from './schema.js';

export function draftHtml(d: Draft): string {
  const number = new Map(d.sources.map((s, i) => [s.id, i + 1]));
  const runs = (list: readonly Run[]) =>
    list.map((r) => escapeHtml(r.text) + r.cite.map((id) => `<sup><a href="#src-${escapeHtml(id)}">[${number.get(id) ?? '?'}]</a></sup>`).join('')).join('');
  const items = (list: readonly DraftItem[]) => list.map((i) => `<li data-task="${i.task_id}">${runs(i.runs)}</li>`).join('\n');
  const title = d.title.map((r) => r.text).join('');
  const parts = [
    `<h1>${runs(d.title)}</h1>`,
    `<p class="opening">${runs(d.opening)}</p>`,
    ...d.sections.map((s) => `<h2>${runs(s.heading)}</h2>\n<ol>\n${items(s.items)}\n</ol>`),
    d.unfinished.length ? `<h2>未完成任务及原因</h2>\n<ol>\n${items(d.unfinished)}\n</ol>` : '',
    d.livelihood.length ? `<h2>民生实事完成情况</h2>\n<ol>\n${items(d.livelihood)}\n</ol>` : '',
    `<h2>来源</h2>\n<ol class="sources">\n${d.sources.map((s) => `<li id="src-${escapeHtml(s.id)}">${escapeHtml(sourceLine(s))}</li>`).join('\n')}\n</ol>`,
  ];
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{font-family:"FangSong","STFangsong","SimSun",serif;max-width:50em;margin:2em auto;line-height:1.8}h1{text-align:center;font-size:20pt}
h2{font-size:15pt}sup a{text-decoration:none}.sources{font-size:10pt;color:#333}@media print{body{margin:0}}
</style></head>
<body>
${parts.filter(Boolean).join('\n')}
</body></html>
`;
}
