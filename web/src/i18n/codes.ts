/**
 * What the server names by code, in words: the kinds and qualifiers of facts, firmness, file formats
 * and offset units, the fields of a task, the API's error codes, processing notes, lights' reasons,
 * history notes. Same shape as words.ts (Chinese, then English); `i18n/index.tsx` joins the two lists.
 */
import { VERDICT_LABELS, type Verdict } from '../types';
import type { Catalogue, Entry } from './words';

/** `v.met` …: each verdict's words from the shared vocabulary, so web, CLI and exports say the same. */
function verdictWords() {
  const out = {} as { [V in Verdict as `v.${V}`]: Entry };
  for (const [v, w] of Object.entries(VERDICT_LABELS) as [Verdict, Entry][]) out[`v.${v}`] = w;
  return out;
}

export const CODES = {
  // Verdicts: the one vocabulary of src/vocab.ts.
  ...verdictWords(),

  // Facts: kinds, qualifiers, where a fact sits.
  'fact.voted_project': ['票决民生实事', 'voted livelihood project'],
  'kind.growth': ['增速', 'growth rate'],
  'kind.level': ['总量', 'level'],
  'kind.qualitative': ['定性表述', 'qualitative'],
  'qn.exact': ['确数', 'exact'],
  'qn.about': ['约数（左右）', 'about'],
  'qn.at_least': ['下限（以上）', 'at least'],
  'qn.at_most': ['上限（以内）', 'at most'],
  'qn.range': ['区间', 'range'],
  'firm.hard': ['确保（刚性）', 'firm (确保)'],
  'firm.soft': ['力争（弹性）', 'aspirational (力争)'],
  'firm.neutral': ['一般', 'plain'],
  'fmt.txt': ['纯文本', 'plain text'],
  'fmt.html': ['网页', 'web page'],
  'fmt.docx': ['Word 文档', 'Word document'],
  'unit.byte': ['字节', 'byte'],
  'unit.docx-text': ['字（Word 正文）', 'character of the Word text'],
  'loc.para': ['第 {n} 段', 'paragraph {n}'],
  'loc.heading': ['标题', 'heading'],
  'loc.text': ['正文第 {start}–{end} 字', 'characters {start}–{end} of the text'],
  'loc.source': ['原文件第 {start}–{end} {unit}', '{unit}s {start}–{end} of the file'],
  'loc.at': ['原文件第 {offset} {unit}处', 'at {unit} {offset} of the file'],
  tech: ['技术信息', 'Technical details'],
  detail: ['详情', 'Details'],

  // Fields of a 督办 task, as a history entry names what changed.
  'field.title': ['任务', 'task'],
  'field.deadline': ['时限', 'deadline'],
  'field.deadline_phrase': ['原文时限', 'deadline as written'],
  'field.deadline_rule': ['时限推定依据', 'how the deadline was read'],
  'field.state': ['状态', 'state'],
  'field.lead_unit_id': ['牵头单位', 'lead unit'],
  'field.lead_leader': ['分管领导', 'leader in charge'],
  'field.progress_text': ['进展情况', 'progress'],
  'field.responsible_unit_ids': ['责任单位', 'responsible units'],
  'field.progress_figure': ['当前进度数值', 'progress figure'],
  'field.last_progress_at': ['最近报送', 'last report'],
  'field.assigned_at': ['交办时间', 'assigned at'],
  'field.closed_at': ['办结时间', 'closed at'],
  'field.pending_extension': ['延期申请', 'extension request'],
  'field.unit_note': ['单位备注', 'unit note'],
  'field.internal_note': ['内部备注', 'internal note'],
  'field.archived': ['归档', 'archived'],
  'field.indicator': ['指标', 'indicator'],
  'field.figure': ['量化目标', 'figure'],
  'field.firmness': ['约束性', 'firmness'],
  'field.livelihood': ['民生实事', 'livelihood'],
  'field.other': ['其他字段', 'other fields'],

  // Why a light is what it is (src/ledger/lights.ts words them in English).
  'why.closed': ['已办结', 'closed'],
  'why.draft': ['尚未交办', 'not yet assigned'],
  'why.overdue': ['已超过时限（{date}）', 'overdue since {date}'],
  'why.dueSoon': ['距时限不足 {days} 天，且 {stale} 天内没有报送进展', 'deadline within {days} days and no progress report in {stale} days'],
  'why.cycles': ['已有 {n} 个报送周期未报送进展', '{n} reporting cycles missed'],
  'why.behind': ['进度滞后：时间已过 {time}%，只完成 {done}%', 'behind schedule: {done}% done at {time}% of the time'],
  'why.other': ['其他原因', 'another reason'],

  // History notes the server writes in English.
  'hn.generate': ['由报告 #{doc} 的{kind} #{fact} 生成', 'from report #{doc}, {kind} #{fact}'],
  'hn.split': ['由任务 #{id} 拆分而来', 'split from task #{id}'],
  'hn.elected': ['经票决会议 #{id}（{title}）选出的民生实事', 'livelihood project elected by vote session #{id} ({title})'],

  // The API's error codes: what went wrong, in a sentence; the server's own words go under 详情.
  'err.network': ['无法连接服务器，请检查网络后重试。', 'The server cannot be reached: check the connection and try again.'],
  'err.unauthenticated': ['请先登录（尚未登录，或登录已过期）。', 'Please sign in (you are not signed in, or the session ended).'],
  'err.forbidden': ['你的账号无权进行此操作。', 'Your account may not do this.'],
  'err.role': ['你的账号角色无权进行此操作。', 'Your account’s role may not do this.'],
  'err.csrf': ['页面已过期，请刷新页面后重试。', 'The page has expired: reload it and try again.'],
  'err.not_found': ['没有找到要找的内容。', 'Not found.'],
  'err.not_found.document': ['没有这份报告（编号有误，或已不在库中）。', 'There is no such report (a wrong number, or no longer stored).'],
  'err.not_found.check': ['没有找到核对所需的报告：需要该地区该年和次年的两份报告。', 'The reports a check needs are not stored: that year’s and the next year’s of the place.'],
  'err.not_found.task': ['没有这项督办任务。', 'There is no such task.'],
  'err.not_found.proposal': ['没有这件建议或提案。', 'There is no such suggestion or proposal.'],
  'err.not_found.vote': ['没有这次票决。', 'There is no such vote.'],
  'err.not_found.code': ['投票凭证码不正确，请核对后重新输入。', 'This voting code is not right: check it and enter it again.'],
  'err.stale_version': ['记录已被他人修改，请刷新后重试。', 'Someone changed the record meanwhile: reload and try again.'],
  'err.conflict': ['当前状态下不能进行这一操作。', 'This cannot be done in the current state.'],
  'err.conflict.ballot': ['这一轮您已经投过票，或投票已结束。', 'You have voted in this round, or the vote has closed.'],
  'err.too_large': ['文件或内容太大，超过了允许的大小。', 'The file or content is larger than allowed.'],
  'err.unreadable_file': ['无法从这个文件中读出报告文字。', 'No report text could be read from this file.'],
  'err.unreadable.pdf': ['这是 PDF 文件：请先转成文字（纯文本或 Word）再导入。', 'This is a PDF: convert it to text (plain text or Word) first.'],
  'err.unreadable.empty': ['文件是空的，或去掉标记后没有文字。', 'The file is empty, or holds no text once markup is removed.'],
  'err.unreadable.chinese': ['文件中没有中文文字，不像是政府工作报告。', 'The file holds no Chinese text; it is not a work report.'],
  'err.unreadable.docx': ['这个 Word 文件已损坏或不是 .docx 格式。', 'This Word file is damaged or not a .docx.'],
  'err.unreadable.binary': ['这不是文字文件（可能是图片、压缩包或其他二进制文件）。', 'This is not a text file (an image, an archive or other binary data).'],
  'err.not_a_report': ['这个文件不像工作报告（没有报告的标题、回顾或安排，或大部分是表格），没有导入。', 'This file does not look like a work report (no report head, review or plan, or mostly a table); it was not imported.'],
  'err.import_quota': ['今天的导入数量已达上限，请明天再试。', 'Today’s import quota is used up: try again tomorrow.'],
  'err.bad_query': ['链接中的查询条件有误。', 'The link’s query is not valid.'],
  'err.bad_body': ['提交的内容有误，请检查后重试。', 'What was sent is not valid: check it and try again.'],
  'err.invalid_input': ['提交的内容无法使用，请检查后重试。', 'What was sent cannot be used: check it and try again.'],
  'err.nul_character': ['内容中含有无法处理的空字符，请删去后重试。', 'The content holds a NUL character: remove it and try again.'],
  'err.too_many': ['尝试次数过多，请稍后再试。', 'Too many attempts: try again later.'],
  'err.server': ['服务器出错了，请稍后再试。', 'The server failed: try again later.'],
  'err.other': ['操作未能完成（{status}）。', 'This could not be done ({status}).'],
  'err.fields': ['有问题的字段：{fields}', 'Fields with problems: {fields}'],

  // Processing notes (src/ingest, src/identify), worded for a reader; the rule id stays in 技术信息.
  'dg.severity.error': ['错误', 'error'],
  'dg.severity.warning': ['注意', 'warning'],
  'dg.severity.info': ['说明', 'note'],
  'dg.gbk': ['修复了读错字节的乱码：{actual} → {expected}', 'Repaired text read one byte out of step: {actual} → {expected}'],
  'dg.truncated': ['文件结尾有半个字符，已去掉。', 'The file ended inside a character; the broken end was dropped.'],
  'dg.invalidUtf8': ['文件中有无法解码的字节，已用 � 代替。', 'Bytes that could not be decoded were replaced with �.'],
  'dg.encoding': ['文件的编码难以确定，个别文字可能有误。', 'The file’s encoding was hard to tell; a few characters may be wrong.'],
  'dg.html': ['文件中含有网页标记，已去除。', 'The file held web markup; it was removed.'],
  'dg.escapes': ['还原了被写成文字的换行、空格等符号（{n} 处）。', 'Restored line breaks and spaces written out as text ({n}).'],
  'dg.pinyin': ['删去了夹在文字后的拼音注音（{n} 处）。', 'Removed pinyin readings after characters ({n}).'],
  'dg.script': ['繁体字已转换为简体字。', 'Traditional characters were converted to Simplified.'],
  'dg.lineBreaks': ['合并了段落中间的硬换行（{n} 处，原文每行约 {width} 字）。', 'Joined hard line breaks inside paragraphs ({n}; about {width} characters a line).'],
  'dg.repeated': ['删去了一段重复的文字，保留第一次出现的：{excerpt}', 'Dropped a repeated paragraph, keeping its first copy: {excerpt}'],
  'dg.docx': ['读取 Word 文档时有一处格式没有保留。', 'Some formatting of the Word document was not kept.'],
  'dg.maskedYear': ['有 {n} 处年份被隐去了末两位。', '{n} years had their last two digits masked.'],
  'dg.title': ['标题写的是“{actual}”，正文却是 {expected} 的报告；以正文为准。', 'The title says “{actual}”, but the text is the report of {expected}; the text is used.'],
  'dg.fileName': ['文件名写的是 {actual}，正文是 {expected}；以正文为准。', 'The file name says {actual}, the text {expected}; the text is used.'],
  'dg.noPlace': ['未能识别这是哪一级政府的报告。', 'Could not tell which government reports.'],
  'dg.noYear': ['未能识别报告年份。', 'Could not tell the report year.'],
  'dg.compilation': ['这个文件收有 {n} 份报告，已分开处理。', 'The file holds {n} reports; each is kept apart.'],
  'dg.duplicate': ['文件中同一份报告的第二个副本已略去。', 'A second copy of a report in the file was left out.'],
  'dg.furniture': ['略去了报头、页码之类的版面文字（{n} 字）。', 'Left out page furniture such as mastheads and page numbers ({n} characters).'],
  'dg.other': ['处理时的一条提示。', 'A processing note.'],
} as const satisfies Catalogue;
