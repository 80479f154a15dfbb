/**
 * Words of the pages for people and imports: withdrawing a report, units and accounts. Same shape as
 * words.ts (Chinese, then English), kept apart so that list stays readable; `i18n/index.tsx` joins them.
 */
export const PEOPLE = {
  // Withdrawing an import (撤回导入).
  'wd.open': ['撤回导入', 'Withdraw import'],
  'wd.title': ['撤回这份报告的导入', 'Withdraw this report’s import'],
  'wd.removes': ['将删除：这份文档、{facts} 条数据、{dups} 个副本记录', 'Removes: this document, {facts} facts, {dups} copy records'],
  'wd.choice': ['它是该地该年的权威版本，选择也将取消。', 'It is the chosen authoritative report; the choice goes too.'],
  'wd.file': ['原文件也将删除（其中没有别的文档）。', 'The file goes too (it holds no other document).'],
  'wd.keepsFile': ['原文件中还有 {n} 份文档，文件保留。', 'The file holds {n} other document(s) and is kept.'],
  'wd.dependents': ['以下记录依据这份报告，撤回后保留，但与报告脱钩：', 'These records rest on this report; they stay, detached from it:'],
  'wd.dep.task': ['督办任务', 'task'],
  'wd.dep.vote_session': ['票决', 'vote'],
  'wd.dep.vote_candidate': ['票决候选项目', 'vote candidate'],
  'wd.dep.ruling': ['裁定', 'ruling'],
  'wd.force': ['我已了解，仍然撤回', 'I understand; withdraw anyway'],
  'wd.note': ['原因（记入日志）', 'Reason (kept in the log)'],
  'wd.confirm': ['确认撤回', 'Withdraw'],
  'wd.cancel': ['取消', 'Cancel'],
  'wd.done': ['已撤回：{file}', 'Withdrawn: {file}'],
  'h.source_withdrawn': ['来源报告已撤回', 'Source report withdrawn'],
  'hn.withdrawn': ['来源报告 #{doc} 已撤回，任务保留', 'source report #{doc} withdrawn; the task is kept'],
  'err.has_dependents': ['有督办任务、票决或裁定依据这份报告：请确认后再撤回。', 'Tasks, votes or rulings rest on this report: confirm to withdraw anyway.'],
} as const satisfies Record<string, readonly [zh: string, en: string]>;
