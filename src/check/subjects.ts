/**
 * Where the words naming what a figure measures end: the predicate nearest
 * the figure (增长, 达到, 新建…) and the lead verbs before a counted object;
 * and, when only who set a list stands before its figure, the noun after it.
 */

/** Predicate words that end a subject: the verb nearest the figure. */
const PREDICATE = /(?:同比|比上年|较上年|比去年|分别|均|累计|全年|共|总计|预计|初步预计)*(?:实际|名义|可比)?(?:(?:增产|增收|减产|增长|增速为?|增幅为?|增加|提高到|提高|提升到|提升至|提升|上升到|上升至|上升|上涨|下降到|下降至|下降|降低到|降低|降至|降到|减少|回落到|回落|削减|压减|达到|达|为|完成|实现|突破|超过|超|逾|控制在|保持在|稳定在|维持在|新增|新建|新开工|新改建|建成|建设|改造|引进|培育|认定|创建|获评|开工|实施|发放|接待|开行|吸纳|帮扶|安置|培训|治理|整治|关停|取缔|拆除|打造|打通))+(?:了|为|在|到|至)?$/;

export function splitPredicate(left: string): { subject: string; verb: string } {
  let l = left.replace(/\s+/g, '').replace(/^[、和及与，,\s]+/, '').replace(/(?:约|近|接近|超过|突破|逾|超)$/, (m) => m);
  // Time and lead words at the start say when, not what.
  l = l.replace(/^(?:\d{4}年(?:全年)?|全年|去年|当年|今年|年内|其中|同时|另外|此外|共|总计|累计|预计|初步预计|初步核算|全市|全省|全县|全区|全州|全国)+/, '');
  let verb = '';
  const m = PREDICATE.exec(l);
  if (m) {
    verb = m[0];
    l = l.slice(0, m.index);
  }
  // A leading verb (建成高标准农田48.7万亩): the object follows it.
  const lead = /^(?:(?:新增|新建|新开工|新改建|新（改）建|建成|建设|改造|提升|引进|培育|认定|创建|完成|实施|开工|打通|治理|整治|关停|压减|发放|接待|开行|吸纳|培训|打造|投入|累计投入|解决|提供|落实|实现|开展|认证|关闭|拆除)[、和及]?)+/.exec(l);
  // A lead verb is stripped only when a name remains (年内开工率 keeps its 开工); a verb alone names nothing (完成投资).
  if (lead && (l.length === lead[0].length || l.length - lead[0].length >= 2)) {
    verb = lead[0] + (verb ? verb : '');
    l = l.slice(lead[0].length);
  }
  return { subject: l.replace(/(?:的|了|等)$/, '').trim(), verb };
}

// Who set a list of tasks, standing alone before its figure (省定20项, 和市定20项, 年初承诺的10件).
const SET_BY = /(?:^|[和及与、])((?:省|市|县|区)定|(?:国家|省|市|县)级|年初(?:确定|承诺|提出)的?)$/;
// Where the counted noun after the figure ends: a verb of completion, a conjunction, another figure.
const NOUN_AFTER = /^[\u4e00-\u9fa5]+?(?=(?:全部|全面|均已|均|已|顺利|如期|圆满)?(?:完成|办结|兑现|落实|建成|实施|开工|投产|竣工|通过)|[和及与]|[0-9０-９]|$)/;

/** 省定|20项|民生工程全部完成 → { who: 省定, noun: 民生工程 }: the setter's words alone before the figure name no thing. */
export function setBy(left: string, right: string): { who: string; noun: string } | undefined {
  const m = SET_BY.exec(left.trim());
  if (!m) return undefined;
  const noun = NOUN_AFTER.exec(right.replace(/^的/, ''))?.[0] ?? '';
  return noun.length >= 2 ? { who: m[1], noun } : undefined;
}
