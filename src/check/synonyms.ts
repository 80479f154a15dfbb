/**
 * One counted thing, several names // 同物异名. Reports of different places
 * and years name the same statistic or programme differently; a promise in
 * one wording is answered by a review in another. Each group below is a
 * wording family seen across many reports of the corpus (not one file), and
 * holds only names that count the same thing: a narrower or wider thing
 * (入境游客, 城市公厕, 旅游厕所) is left out and stays a different object.
 *
 * The lexicon is data: grow it from the corpus, one family per measure.
 */
interface Family {
  /** The name every wording of the family is read as. */
  readonly name: string;
  /** The whole object, after what opens it (a tier like 省定) is set aside. */
  readonly wordings: RegExp;
}

const FAMILIES: readonly Family[] = [
  // Tourism revenue: 旅游收入 / 旅游总收入 / 旅游业总收入 / 旅游综合收入 (one statistic, named by region).
  { name: '旅游总收入', wordings: /^(?:全年)?旅游(?:业)?(?:总|综合)?收入$/ },
  // Tourist arrivals: 游客 / 接待游客 / 游客人数 / 游客接待量 / 旅游人数 / 旅游接待人次.
  // (入境游客 counts only visitors from abroad: another, narrower thing.)
  { name: '游客人次', wordings: /^(?:接待)?(?:国内外|海内外)?游客(?:接待)?(?:总)?(?:人数|人次|数量|量)?$|^旅游(?:接待)?(?:总)?(?:人数|人次)$/ },
  // Rural household toilets, the 厕所革命 programme: 户厕 / 农村户厕 / 旱厕 / 农村厕所 / 户用卫生厕所 / 农户厕所.
  // (公厕, 城市公厕, 旅游厕所 are public toilets: another programme.)
  { name: '农村户厕', wordings: /^(?:农村)?(?:卫生|无害化)?(?:户厕|旱厕|户用(?:卫生)?厕所|农户厕所)$|^农村(?:卫生|无害化)?厕所$/ },
  // The year's package of livelihood projects a government promises by number (20项民心工程,
  // 十件民生实事, 10件惠民实事): 民生实事 / 民生工程 / 民心工程 / 惠民实事 / 为民办实事 / 民生事项.
  { name: '民生实事', wordings: /^(?:民生实事|民生工程|民心工程|惠民实事|为民(?:办)?实事|民生事项)$/ },
];

// A tier or who set it, kept in front of the family's name (省定民心工程 → 省定民生实事).
const SETTER = /^(?:省定|市定|县定|区定|省市|年初(?:确定|承诺)的?)/;

/** The family name of `object` when it is one of the interchangeable wordings, else `object` itself. */
export function sameThing(object: string): string {
  const setter = SETTER.exec(object)?.[0] ?? '';
  const rest = object.slice(setter.length);
  for (const f of FAMILIES) if (f.wordings.test(rest)) return setter + f.name;
  return object;
}
