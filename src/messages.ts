/**
 * What the server and the CLI say to a person, in Chinese and in English,
 * under stable keys. A domain error carries a key and its values (`Msg`);
 * the server words it in the request's language (Accept-Language, Chinese
 * first) and the CLI in the locale's. An error raised with a plain English
 * sentence (one not yet given a key) is answered in Chinese with the
 * sentence of its code, the English kept as `detail`.
 *
 * Pure data and one function: no imports, so the web app may read it too.
 */

type Lang = 'zh' | 'en';

export const MESSAGES = {
  // Sentences by error code: what a person reads when the error has no key of its own.
  'code.bad_request': ['请求有误。', 'bad request'],
  'code.unknown_parameter': ['链接中有无法识别的查询参数：{names}', 'unknown query parameter: {names}'],
  'code.invalid_query': ['链接中的查询条件有误：{names}', 'invalid query: {fields}'],
  'code.invalid_body': ['提交的内容有误：{names}', 'invalid body: {fields}'],
  'code.invalid_path': ['链接地址有误：{names}', 'invalid path: {fields}'],
  'code.unauthenticated': ['请先登录。', 'sign in first'],
  'code.forbidden': ['你的账号无权进行此操作。', 'this account may not do this'],
  'code.role': ['你的账号角色无权进行此操作。', 'this account\'s role may not do this'],
  'code.csrf': ['页面已过期，请刷新页面后重试。', 'missing or wrong CSRF token'],
  'code.not_found': ['没有找到要找的内容。', 'not found'],
  'code.method_not_allowed': ['这个地址不接受这种请求。', 'method not allowed'],
  'code.conflict': ['当前状态下不能进行这一操作。', 'this cannot be done in the current state'],
  'code.duplicate': ['这一编号已经登记过。', 'registered already'],
  'code.stale_version': ['记录已被他人修改，请刷新后重试。', 'someone changed the record meanwhile: reload and try again'],
  'code.too_large': ['文件或内容太大，超过了允许的大小。', 'the request body is larger than this endpoint accepts'],
  'code.invalid_input': ['提交的内容无法使用，请检查后重试。', 'the content cannot be used'],
  'code.unreadable_file': ['无法从这个文件中读出报告文字。', 'no report text could be read from this file'],
  'code.too_many': ['尝试次数过多，请稍后再试。', 'too many attempts: try again later'],
  'code.import_quota': ['今天的导入数量已达上限，请明天再试。', 'the import quota is used up: try again tomorrow'],
  'code.busy': ['服务器正忙，请稍后再试。', 'the server is busy: try again shortly'],
  'code.timeout': ['请求超时，请稍后再试。', 'the request took too long'],
  'code.unsupported_media_type': ['不支持这种内容类型。', 'unsupported media type'],
  'code.internal': ['服务器出错了，请稍后再试。', 'internal error'],
  'code.error': ['操作未能完成。', 'this could not be done'],

  // Sentences with values.
  'http.no_endpoint': ['没有这个接口：{path}', 'no such endpoint: {path}'],
  'http.method': ['{path} 不接受 {method} 请求（可用：{allowed}）', 'method {method} not allowed on {path} (allowed: {allowed})'],
  'http.bad_json': ['提交的内容不是有效的 JSON。', 'the body is not valid JSON'],
  'http.bad_url': ['链接的编码有误。', 'malformed URL encoding'],
  'http.format': ['无法识别的格式 {format}（可用 json、csv 或 xlsx）', 'unknown _format {format} (json, csv or xlsx)'],
  'http.lang': ['无法识别的语言 {lang}（可用 zh 或 en）', 'unknown lang {lang} (zh or en)'],
  'auth.sign_in': ['请先登录。', 'sign in first (POST /api/ledger/login)'],
  'auth.role': ['这一操作需要{roles_zh}的角色；你的角色是{role_zh}。', 'this needs the role {roles}; you are {role}'],
  'auth.csrf': ['页面已过期，请刷新页面后重试。', 'missing or wrong CSRF token: send the {cookie} cookie\'s value (from GET /api/ledger/session) in the {header} header'],
  'auth.wrong_password': ['账号名或密码错误。', 'wrong account name or password'],
  'report.none': ['库中没有{place} {year}年的报告。', 'no stored report of {place} for {year}'],
  'report.no_plan': ['库中没有{place} {year}年的报告（提出承诺的那一份）。', 'no stored report of {place} for {year} (the plan report that set the promises)'],
  'report.no_review': ['库中没有{place} {year}年的报告（回顾{prev}年的那一份）。', 'no stored report of {place} for {year} (the report that reviews {prev})'],
  'report.no_document': ['没有编号为 {id} 的报告。', 'no document with id {id}'],
  'import.quota': ['导入已达上限：24 小时内已导入 {files} 个文件、{bytes} 字节；每个账号每天最多 {max_files} 个文件、{max_bytes} 字节。', 'import quota reached: {files} files and {bytes} bytes in the last 24 hours; an account may import {max_files} files and {max_bytes} bytes a day'],
  'cascade.no_place': ['起点「{place}」不是行政区划中的地名（可填全国、省、地市或县区，如河北省）', 'root: {place} is not a place in the gazetteer (give 全国, a province, a prefecture or a county, e.g. 河北省)'],
  'cascade.many_places': ['起点「{place}」对应多个地方，请从中选一个：{candidates}', 'root: {place} names several places; give one of {candidates}'],
  // The reader words why a file is no work report in both languages (src/identify/report-signal.ts).
  'import.not_a_report': ['{reason_zh}', '{reason}'],
  'ledger.no_task': ['没有编号为 {id} 的督办任务。', 'no task with id {id}'],
  'ledger.not_your_unit': ['任务 {id} 没有交办给你的单位。', 'task {id} is not assigned to your unit'],
  'ledger.officer_fields': ['承办单位只能修改单位备注，不能修改：{fields}', 'a unit officer may change only unit_note, not {fields}'],

  // Why a file could not be read (src/ingest), in a reader's words.
  'unreadable.pdf': ['这是 PDF 文件：请先转成文字（纯文本或 Word .docx）再导入。', 'not a text document: a PDF file (convert it to text or .docx first)'],
  'unreadable.doc': ['这是旧版 Word .doc 文件：请另存为 .docx 再导入。', 'not a text document: a legacy Word .doc file (save it as .docx)'],
  'unreadable.image': ['这是图片，不是文字文件。', 'not a text document: an image'],
  'unreadable.spreadsheet': ['这是电子表格，不是报告文字。', 'not a text document: a spreadsheet'],
  'unreadable.archive': ['这是压缩包：请解压后导入其中的文件。', 'not a text document: an archive'],
  'unreadable.empty': ['文件是空的，或去掉标记后没有文字。', 'the file is empty, or holds no text once markup is removed'],
  'unreadable.binary': ['这不是文字文件（可能是图片、压缩包或其他二进制文件）。', 'binary data, not text'],
  'unreadable.no_chinese': ['文件中没有中文文字，不像是政府工作报告。', 'no Chinese text: a work report is written in Chinese'],
  'unreadable.docx': ['这个 Word 文件已损坏或不是 .docx 格式。', 'not a valid .docx'],

  // Names a sentence above may hold.
  'role.admin': ['管理员', 'admin'],
  'role.supervisor': ['督查人员', 'supervisor'],
  'role.unit_officer': ['承办单位人员', 'unit officer'],
  'role.leader': ['领导', 'leader'],
  'role.deputy': ['代表', 'deputy'],
  'word.or': ['或', ' or '],
} as const satisfies Record<string, readonly [zh: string, en: string]>;

export type MessageKey = keyof typeof MESSAGES;
export type MessageValues = Readonly<Record<string, string | number>>;

/** A sentence by key and the values it names; a domain error may carry one. */
export interface Msg {
  readonly key: MessageKey;
  readonly values?: MessageValues;
}

export const msg = (key: MessageKey, values?: MessageValues): Msg => ({ key, values });

export const isMessageKey = (k: string): k is MessageKey => Object.hasOwn(MESSAGES, k);

/** The sentence in `lang`, its `{name}`s filled in (a name with no value stays as written). */
export function say(m: Msg, lang: Lang): string {
  const template: string = MESSAGES[m.key][lang === 'zh' ? 0 : 1];
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (m.values && Object.hasOwn(m.values, name) ? String(m.values[name]) : all));
}

/** A role by name; roles joined with 或 / or. */
export function rolesIn(roles: readonly string[], lang: Lang): string {
  const name = (r: string) => (isMessageKey(`role.${r}`) ? say({ key: `role.${r}` as MessageKey }, lang) : r);
  return roles.map(name).join(say({ key: 'word.or' }, lang));
}

/** Why a file could not be read, from the reader's reason (src/ingest words it in English, with these openings). */
export function unreadableKey(reason: string): MessageKey | undefined {
  const r = reason.replace(/^[^:]*: (?=not a|empty|binary|no )/, '');
  if (/^not a text document: a PDF/.test(r)) return 'unreadable.pdf';
  if (/^not a text document: a legacy Word/.test(r)) return 'unreadable.doc';
  if (/^not a text document: an image/.test(r)) return 'unreadable.image';
  if (/^not a text document: a spreadsheet/.test(r)) return 'unreadable.spreadsheet';
  if (/^not a text document: an archive/.test(r)) return 'unreadable.archive';
  if (/^not a valid \.docx|^the \.docx holds no text/.test(r)) return 'unreadable.docx';
  if (/^(empty file|no text)/.test(r)) return 'unreadable.empty';
  if (/^binary data/.test(r)) return 'unreadable.binary';
  if (/^no Chinese text/.test(r)) return 'unreadable.no_chinese';
  return undefined;
}

/**
 * The language a request asks for: the first of Chinese and English in its
 * Accept-Language (by weight, then order); Chinese when it names neither.
 */
export function requestLang(acceptLanguage: string | null | undefined): Lang {
  if (!acceptLanguage) return 'zh';
  const ranked = acceptLanguage
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const x of ranked) {
    if (x.tag === 'zh' || x.tag.startsWith('zh-')) return 'zh';
    if (x.tag === 'en' || x.tag.startsWith('en-')) return 'en';
  }
  return 'zh';
}
