/**
 * The object of a quantified task // 对象: the thing counted, without the
 * verbs, modals, figures and measure words around it. "新建（改建）100个口袋公园"
 * and "新建口袋公园179个" both count 口袋公园; "完成科技型中小企业认定不少于20家"
 * and "认定科技型中小企业27家" both count 科技型中小企业.
 */
import { scanFigures } from '../extract/numbers.js';
import { overlap } from './match.js';

// Modals, time and manner words that open a promise (力争年内, 全年计划).
const OPENERS = /^(?:在建|续建|全省|全市|全县|全区|全国|全州|年度|系统|全面|集中|统筹|提质|力争|确保|争取|努力|计划|预计|全年|年内|今年|当年|年底前|全力|加快|深入|持续|扎实|大力|积极|进一步|推动|支持|引导|鼓励|完成|实现|做到|启动|稳步|有序)+/;
// Action verbs that precede the object (新建口袋公园, 建设改造农村公路, 新（改）建农村公路).
const VERBS = '安排|拟安排|获评|评为|入选|升级|改造升级|新建|改建|扩建|新改建|新改扩建|改扩建|新（改）建|新\\(改\\)建|建设|建成|修建|配建|新增|新开工|开工|改造|提升|改造提升|提升改造|整治|治理|打造|创建|新创建|培育|新培育|引进|新引进|招引|认定|新认定|认证|实施|开展|组织|举办|推进|提速|发展|新发展|开行|压减|关停|关闭|取缔|盘活|清理|硬化|绿化|铺设|安装|更新|发放|接待|吸纳|培训|帮扶|安置|救助|资助|补贴|筛查|开通|开设|设立|组建|建立|打通|贯通|落地|签约|谋划|储备|列入|争创|评定|通过|完成|解决|提供|投入|投资|新（改建）|（改建）';
const LEAD_VERBS = new RegExp(`^(?:(?:${VERBS})[、和及与]?)+`);
// Words around a figure that qualify it (不少于20家, 80%以上).
const PRE_FIGURE = /(?:不少于|不低于|不超过|超过|突破|达到|达|至少|约|近|保持在|稳定在|控制在)$/;
const POST_FIGURE = /^(?:以上|以内|以下|左右|多|余)/;
// A figure that sets a threshold names a category (5000万元以上项目): it stays.
const THRESHOLD = /^(?:及)?以上(?:的)?(?:重点|重大|工业|项目|企业|大项目|投资项目|村)/;
const THRESHOLD_OBJECT = /(?:万亿|亿|万|千)?元(?:及)?以上(?:的)?(?:重点|重大)?(?:工业)?(?:项目|企业)$/;
// Measure words and generic nouns at the end that say how it is counted, not what (one at a time).
const TAIL_WORD = /(?:的|进行[^，。；]*|种植|养殖|增长|增幅|增速|提高|下降|降低|减少|总面积|面积|数量|总数|总量|规模|个数|建设|改造|提升|综合整治|综合治理|整治|大整治|认定|认证|全部完成|全部|完成|建成|竣工|投产|落地开工|开工|通过验收|验收|达到|发展到|以上|左右|不少于|以内)$/;
// Generic heads kept when little else is left (在建项目 stays, 老旧小区改造项目 → 老旧小区).
const GENERIC_TAIL = /(?:项目|任务|工程|工作)$/;

function stripTail(p: string): string {
  let t = p;
  for (;;) {
    const m = TAIL_WORD.exec(t) ?? GENERIC_TAIL.exec(t);
    if (!m) return t;
    const rest = t.length - m[0].length;
    if (rest < (GENERIC_TAIL.test(m[0]) ? 3 : 2)) return t;
    t = t.slice(0, rest);
  }
}

export function objectOf(text: string): string {
  // 省、市重点项目: a list of single-character tiers is one modifier.
  let t = text.replace(/(?<=[省市县区])、(?=[省市县区])/g, '').replace(/[〔［\[][0-9０-９]+[〕］\]]/g, '').replace(/[“”"‘’《》]/g, '').replace(/[（(][改扩新建提升、]+[）)]/g, '');
  // 农行家属楼等12个老旧小区, 高保路等6条道路: the named examples are not what is counted.
  const list = /^.*等(?=[0-9０-９一二两三四五六七八九十])/.exec(t);
  if (list) t = t.slice(list[0].length);
  // Figures out, with the words that qualify them; a threshold stays (5000万元以上项目).
  for (const f of scanFigures(t).reverse()) {
    // A threshold (5000万元以上项目) or a grade in numerals (二三级子公司) names the category.
    if (THRESHOLD.test(t.slice(f.end)) || (f.chinese && /^(?:级|类|种|等|档|星)$/.test(f.unit))) continue;
    const before = PRE_FIGURE.exec(t.slice(0, f.start))?.[0].length ?? 0;
    const after = POST_FIGURE.exec(t.slice(f.end))?.[0].length ?? 0;
    t = `${t.slice(0, f.start - before)}\u0001${t.slice(f.end + after)}`;
  }
  const clean = (p: string) => {
    const q = p.replace(/^的/, '').replace(OPENERS, '').replace(LEAD_VERBS, '').replace(OPENERS, '').replace(LEAD_VERBS, '').replace(/实现/g, '');
    return THRESHOLD_OBJECT.test(q) ? q : stripTail(afterLastVerb(stripTail(q)));
  };
  const parts: string[] = [];
  for (const seg of t.split(/[\s，,、；;：:]+/)) {
    const pieces = seg.split('\u0001');
    const before = pieces[0];
    const after = pieces.length > 1 ? pieces[pieces.length - 1] : '';
    parts.push(...pieces.slice(1, -1).map(clean));
    // 中央财政拟安排200亿元专项资金: words before the figure that end on the verb name who acts; the thing follows.
    if (pieces.length > 1 && clean(after).length >= 2 && (ENDS_WITH_VERB.test(before) || clean(before).length < 2)) parts.push(clean(after));
    else parts.push(clean(before), clean(after));
  }
  const named = parts.filter((p) => p.length >= 2);
  // The longest run names the thing (建设高标准农田38万亩 → 高标准农田; 新建2个立体停车场 → 立体停车场);
  // an investment with no object named is an investment (完成投资80亿元).
  return named.sort((a, b) => b.length - a.length)[0] ?? (/投资|投入/.test(text) ? '投资' : '');
}

const VERB_ANYWHERE = new RegExp(`(?:${VERBS})`, 'g');
const FIRST_VERB = new RegExp(`^(?:${VERBS})`);
// Words before a figure that say who acts or what the list costs, not what is counted (总投资X亿元的N个项目).
const ENDS_WITH_VERB = new RegExp(`(?:${VERBS}|安排|投入|拨付|下达|筹集|总投资)$`);

/** The action a promise opens with, after its modals (力争接待游客… → 接待), if any. */
export function leadVerb(text: string): string | undefined {
  return FIRST_VERB.exec(text.replace(OPENERS, ''))?.[0];
}

/** 提级新建高标准农田 → 高标准农田: the object follows the last action verb that leaves a name. */
function afterLastVerb(p: string): string {
  let cut = 0;
  for (const m of p.matchAll(VERB_ANYWHERE)) {
    const end = (m.index ?? 0) + m[0].length;
    const rest = stripTail(p.slice(end));
    // 临空经济区完成投资: an investment keeps whose it is.
    if (rest.length >= 2 && !/^(?:项目|任务|工程|工作|投资|投入)$/.test(rest)) cut = end;
  }
  return p.slice(cut);
}

/**
 * The object of a promise that names none of its own because Chinese leaves
 * the repeated noun out of a list (创建400个美丽乡村、200个以上通过省级验收):
 * the previous fragment's object, with the fragment's own tier.
 */
export function promiseObject(text: string, sentence?: string): string {
  const own = objectOf(text);
  // 占全省生产总值的比重达到70%: a share whose part is named before, in the sentence.
  const share = /^占/.test(own);
  if (own.length >= 2 && !share && !/^(?:国家|省|市|县|区)级?(?:以上)?$/.test(own)) return own;
  const at = sentence ? sentence.indexOf(text) : -1;
  if (!sentence || at <= 0) return own;
  const previous = sentence.slice(0, at).replace(/[、，,；;和及]+$/, '').split(/[、，,；;]/).pop() ?? '';
  const inherited = objectOf(previous);
  if (inherited.length < 2) return share ? '' : own;
  return share ? inherited + own : own + inherited;
}

// Tiers of a designation (国家级, 省级, 市级以上): a different tier is a different category.
const TIER = /(国家级?|省级|市级|县级|区级)(以上)?/;

/** 国家, 省, 市以上 …: the tier named at the front of a designation, if any. */
export function tierOf(object: string): string | undefined {
  const m = TIER.exec(object);
  if (!m || m.index > 4) return undefined;
  return m[1].replace('级', '') + (m[2] ?? '');
}

/**
 * How well two objects name the same thing (0..1): containment of one in the
 * other counts fully when the shorter is most of the longer, else shared
 * wording. `head` tells whether they end in the same head noun (口袋公园 / 公园).
 */
export function objectMatch(promised: string, found: string): { score: number; head: boolean } {
  if (!promised || !found) return { score: 0, head: false };
  const [short, long] = promised.length <= found.length ? [promised, found] : [found, promised];
  // Containment, also with a modifier inserted (5G基站 in 5G通讯基站, 低效土地 in 低效利用土地) when the head is shared.
  const within = long.includes(short) || (isSubsequence(short, long) && short.slice(-1) === long.slice(-1) && long.length - short.length <= Math.max(3, short.length / 2));
  const contained = within && short.length >= 2 && (short.length >= 4 || short.length / long.length >= 0.6);
  if (short.length < 2) return { score: 0, head: false };
  // 千村示范村 is not 百村示范村: names that carry different numerals are different things.
  const nums = (x: string) => [...x].filter((c) => '一二三四五六七八九十百千万'.includes(c)).join('');
  if (nums(promised) && nums(found) && nums(promised) !== nums(found)) return { score: 0, head: false };
  // Found words wholly inside the promise count only as far as they go (率 says little about 参保率).
  // Words the found subject adds beyond the promise weaken the match (投资 against 固定资产投资).
  const extra = found.length > promised.length ? 0.5 + (0.5 * promised.length) / found.length : 1;
  const score = contained ? Math.max(0.9, short.length / long.length) : Math.max(overlap(promised, found) * extra, 0.9 * overlap(found, promised) * Math.min(1, found.length / promised.length));
  // Same head noun: the same last two characters, or the same last one when most of the wording agrees (成交总额 / 成交额).
  const head = contained || promised.slice(-2) === found.slice(-2) || (promised.slice(-1) === found.slice(-1) && score >= 0.7);
  // 国有单位技术改造投资 is not 国有单位固定资产投资: most words shared, but the same head after
  // different modifiers names another thing — a neighbouring category at most.
  if (!within && score >= 0.7 && differentModifiers(promised, found)) return { score: 0.5, head: true };
  return { score, head };
}

/** The longest run of characters `a` and `b` share. */
export function commonRun(a: string, b: string): string {
  let best = '';
  for (let i = 0; i < a.length; i++) {
    for (let j = i + best.length + 1; j <= a.length; j++) {
      if (b.includes(a.slice(i, j))) best = a.slice(i, j);
      else break;
    }
  }
  return best;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const c of long) if (c === short[i]) i++;
  return i === short.length;
}

/** The two end in the same head but the two characters before it differ entirely (技术改造投资 / 固定资产投资). */
function differentModifiers(a: string, b: string): boolean {
  let k = 0;
  while (k < a.length && k < b.length && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
  if (k < 2) return false;
  const ma = a.slice(Math.max(0, a.length - k - 2), a.length - k);
  const mb = b.slice(Math.max(0, b.length - k - 2), b.length - k);
  return ma.length === 2 && mb.length === 2 && ![...ma].some((c) => mb.includes(c));
}
