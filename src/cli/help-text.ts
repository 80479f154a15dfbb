/**
 * What `luoshi … --help` says, in English and Chinese. Data only: the
 * Chinese table must have exactly the English keys (tsc checks both ways), so
 * a command or option described in one language is described in the other.
 */
import { LEVELS, PARTS } from '../vocab.js';
import type { Lang } from './locale.js';

const levels = LEVELS.join(' | ');
const parts = PARTS.join(' | ');

const EN = {
  // commander's own words
  usage: 'Usage:',
  arguments: 'Arguments:',
  options: 'Options:',
  commands: 'Commands:',
  default: 'default',
  helpOption: 'show this help',
  helpCommand: 'show the help of a command',
  version: 'print the version',

  program: 'Luoshi 落实 — read government work reports, extract targets, results and commitments, hold promises to account. "-" in place of a file reads standard input.',

  // options shared by several commands
  json: 'print JSON: {"ok": true, …} (same as --format json)',
  format: 'output: text | json | csv | xlsx',
  out: 'write CSV or XLSX to this file',
  db: 'SQLite file or postgres:// URL (default: $LUOSHI_DB, $DATABASE_URL, or the per-user data directory)',
  maxSize: 'largest file accepted, in MiB (default 32)',
  stdinName: 'the file name standard input (-) stands for (its extension decides .docx/.html reading)',
  jurisdictionFilter: 'place name (a part of it is enough)',
  place: 'place, e.g. 四平市',
  level: `administrative level: ${levels}`,
  reportYear: 'report year',
  yearFrom: 'report year from',
  yearTo: 'report year to',
  indicator: 'indicator id, e.g. gdp',
  paths: 'files or folders; - reads standard input',

  extract: 'read report files (.txt/.html/.docx, or folders) and print their documents and facts',

  import: 'import report files or folders (recursively) into the database; re-importing adds nothing',
  importName: 'with -: the file name to store standard input under (required)',
  importJson: 'print the run summary as JSON',
  workers: 'threads reading files while the main thread stores (default: cores − 1, at least 1; 0: read on the main thread)',
  fileTimeout: 'seconds one file may take to read before it fails (default 60)',
  fileMemory: 'MiB of heap one reading thread may use before its file fails (default 1024)',

  reports: 'list stored documents with their identity and fact counts',

  search: 'full-text search over all documents (any query length)',
  searchQuery: 'words to find, e.g. 高标准农田',
  part: `only inside sections of this kind: ${parts}`,
  limit: 'documents to return (1–10000)',

  targets: 'query expected targets (预期目标) across all stored reports',
  outcomes: 'query results stated in review parts across all stored reports',
  commitments: 'query quantified tasks of plan parts across all stored reports',
  factYear: 'the year the figure is for',
  headline: 'only headline outcomes',

  check: "hold a report's promises (year N) against the next report's review of year N",
  checkYear: 'the year the promises were made for',
  plan: 'or: the year-N report file (- for standard input)',
  review: 'and the year-N+1 report file (- for standard input)',

  scorecards: 'a scorecard for every pair of consecutive years stored for one place',

  compare: "one indicator's target vs outcome by place and year (the research view)",
  cascade: "one indicator's targets for a year down the chain 全国 → province → prefecture → county/district (层层加码): each step from the level above, gaps, verdicts and how raised targets fared",
  cascadeYear: 'the year the targets are for',
  cascadeRoot: 'only this place and the places under it, e.g. 河北省 (default: 全国)',
  kind: 'growth | level',
  draftReview: "draft the year's 完成情况报告 from the ledger (.docx or HTML): summary, each task in the plan's order, unfinished ones with reason and new deadline, 民生实事 with 满意率; every figure with its source; the draft is kept",
  draftYear: 'the year of the ledger (the plan year)',
  draftFormat: 'docx | html',

  admin: 'accounts of the supervision ledger (督办台账) and the other office features',
  adminCreate: 'create an administrator account (password from $LUOSHI_ADMIN_PASSWORD, or asked for on a terminal)',
  adminList: 'list accounts with their role, unit and whether they are disabled',
  adminReset: "set a new password (from $LUOSHI_ADMIN_PASSWORD, or asked for); the account's sessions end",
  adminDisable: "disable an account: it can no longer sign in and its sessions end (the last active administrator cannot be disabled)",
  adminEnable: 'enable a disabled account again (it signs in anew)',
  remove: 'withdraw an imported document: it and everything derived from it (facts, search index, copies, the file once no document of it is left) go in one transaction, logged; refused while ledger tasks, votes or rulings rest on it unless --force',
  removeId: 'the document id (as `luoshi reports` lists it)',
  force: 'withdraw even though tasks, votes or rulings rest on it: they are detached from it and listed',
  removeNote: 'why it is withdrawn (kept in the log)',
  accountName: 'account name',

  serve: 'serve the web UI and the HTTP API',
  port: 'port (0: any free port)',
  host: 'address to listen on',
  maxUpload: 'largest upload accepted, in MiB',
  importQuotaFiles: 'files one account may import through the API in 24 hours',
  importQuotaMb: 'MiB one account may import through the API in 24 hours',
  secureCookies: 'the server is reached over HTTPS (a TLS proxy in front): mark cookies Secure and send HSTS',
  trustProxy: 'how many proxies in front of the server append to X-Forwarded-For (0: the socket peer is the client, the header is ignored)',
  serveWorkers: 'server processes sharing the port (node:cluster; default 1); sessions, sign-in limits and caches hold across them',

  get: 'answer one API path without starting a server, e.g. luoshi get "/api/search.json?q=农田"',
  apiPath: 'API path with query string',
} as const satisfies Record<string, string>;

export type TextKey = keyof typeof EN;

const ZH: Record<TextKey, string> = {
  usage: '用法：',
  arguments: '参数：',
  options: '选项：',
  commands: '命令：',
  default: '默认',
  helpOption: '显示本帮助',
  helpCommand: '显示某个命令的帮助',
  version: '显示版本号',

  program: '落实 Luoshi —— 读取政府工作报告，提取预期目标、完成情况和量化任务，逐项核对承诺是否兑现。文件处写“-”即从标准输入读取。',

  json: '输出 JSON：{"ok": true, …}（同 --format json）',
  format: '输出格式：text（文字）| json | csv | xlsx',
  out: '把 CSV 或 XLSX 写入此文件',
  db: 'SQLite 文件或 postgres:// 地址（默认：$LUOSHI_DB、$DATABASE_URL 或用户数据目录）',
  maxSize: '接受的最大文件，单位 MiB（默认 32）',
  stdinName: '标准输入（-）所代表的文件名（按扩展名识别 .docx/.html）',
  jurisdictionFilter: '地名（写出一部分即可）',
  place: '地方，如 四平市',
  level: `行政级别：${levels}（全国、省、地级、县、区）`,
  reportYear: '报告年份',
  yearFrom: '报告年份起',
  yearTo: '报告年份止',
  indicator: '指标代码，如 gdp',
  paths: '文件或文件夹；- 表示标准输入',

  extract: '读取报告文件（.txt/.html/.docx 或文件夹），列出其中的文件、目标和数字',

  import: '把报告文件或文件夹（含子文件夹）导入数据库；重复导入不会新增',
  importName: '配合 -：标准输入存入数据库时使用的文件名（必填）',
  importJson: '以 JSON 输出本次导入的汇总',
  workers: '读取文件的线程数（主线程负责写入；默认：CPU 核数减一，至少 1；0 表示在主线程读取）',
  fileTimeout: '单个文件读取的最长秒数，超时则该文件失败（默认 60）',
  fileMemory: '单个读取线程可用的内存上限（MiB），超出则该文件失败（默认 1024）',

  reports: '列出已存的报告及其身份信息和各类数字的条数',

  search: '在全部报告中全文检索（检索词长短不限）',
  searchQuery: '要查找的词，如 高标准农田',
  part: `只在此类部分中查找：${parts}（回顾、计划、政府自身建设…）`,
  limit: '最多返回的报告数（1–10000）',

  targets: '在全部已存报告中查询预期目标',
  outcomes: '在全部已存报告中查询回顾部分所列的完成情况',
  commitments: '在全部已存报告中查询计划部分的量化任务',
  factYear: '数字所属的年份',
  headline: '只列主要指标的完成情况',

  check: '用下一年报告的回顾逐项核对某年（N 年）报告的承诺',
  checkYear: '作出承诺的年份',
  plan: '或：N 年的报告文件（- 表示标准输入）',
  review: '以及 N+1 年的报告文件（- 表示标准输入）',

  scorecards: '某地所有相邻两年的承诺核对表',

  compare: '某一指标各地各年的目标与完成情况对照（研究视图）',
  cascade: '某一指标某年的目标沿“全国→省→市→县区”逐级下达的情况（层层加码）：每级比上级高多少、缺失的层级、完成情况，以及加码的目标完成得如何',
  cascadeYear: '目标所属年份',
  cascadeRoot: '只看这个地方及其下辖地区，如 河北省（默认：全国）',
  draftReview: '根据督办台账起草年度重点任务完成情况报告（.docx 或 HTML）：总体情况、按报告顺序逐项任务、未完成任务的原因和新时限、民生实事及满意率；每个数字注明来源；生成的稿件留存',
  draftYear: '台账年份（报告年份）',
  draftFormat: 'docx 或 html',
  kind: 'growth（增速）| level（总量）',

  admin: '督办台账等办公功能的账号',
  adminCreate: '创建管理员账号（密码取自 $LUOSHI_ADMIN_PASSWORD，否则在终端询问）',
  adminList: '列出账号及其角色、单位和是否停用',
  adminReset: '设置新密码（取自 $LUOSHI_ADMIN_PASSWORD，否则询问）；该账号已登录的会话随即失效',
  adminDisable: '停用账号：不能再登录，已登录的会话随即失效（最后一个可用的管理员不能停用）',
  adminEnable: '重新启用已停用的账号（需重新登录）',
  remove: '撤回一份已导入的文档：文档及由它得出的一切（数据、检索索引、副本记录，以及不再含有文档的原文件）在同一事务中删除并记入日志；有督办任务、票决或裁定依据它时拒绝，除非加 --force',
  removeId: '文档编号（见 `luoshi reports`）',
  force: '即使有任务、票决或裁定依据它也撤回：它们与文档脱钩并逐一列出',
  removeNote: '撤回原因（记入日志）',
  accountName: '账号名',

  serve: '启动网页界面和 HTTP API',
  port: '端口（0：任一空闲端口）',
  host: '监听的地址',
  maxUpload: '接受的最大上传文件，单位 MiB',
  importQuotaFiles: '每个账号 24 小时内可通过 API 导入的文件数',
  importQuotaMb: '每个账号 24 小时内可通过 API 导入的 MiB 数',
  secureCookies: '经 HTTPS 访问（前面有 TLS 代理）：Cookie 标记为 Secure，并发送 HSTS',
  trustProxy: '服务前面有几层代理会追加 X-Forwarded-For（0：以连接的对端地址为客户端地址，忽略该请求头）',
  serveWorkers: '共用同一端口的服务进程数（node:cluster，默认 1）；会话、登录限制与缓存在各进程间一致',

  get: '不启动服务器，直接回答一个 API 路径，如 luoshi get "/api/search.json?q=农田"',
  apiPath: '带查询串的 API 路径',
};

export function helpText(lang: Lang): Readonly<Record<TextKey, string>> {
  return lang === 'zh' ? ZH : EN;
}
