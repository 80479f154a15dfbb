/**
 * Finds indicator mentions in a clause with the alias lexicon (leftmost,
 * longest match) and resolves free names to ids or `other:<name>`.
 */
import { CONJUNCT_ALIASES, INDICATORS, NARROWERS, OTHER_NAMES, SCOPE_WORDS } from './lexicon/indicators.js';

export interface Mention {
  readonly start: number;
  readonly end: number;
  readonly id: string;
  readonly name: string;
}

const ALIAS_TO_ID = new Map<string, string>();
for (const e of INDICATORS) for (const a of e.aliases) if (!ALIAS_TO_ID.has(a)) ALIAS_TO_ID.set(a, e.id);
/** Compound wordings that name two indicators at once. */
const COMPOUNDS: Readonly<Record<string, readonly string[]>> = {
  能源消耗总量和强度: ['energy_consumption', 'energy_intensity'],
  能源消费总量和强度: ['energy_consumption', 'energy_intensity'],
  能耗总量和强度: ['energy_consumption', 'energy_intensity'],
  能源消费总量和能耗强度: ['energy_consumption', 'energy_intensity'],
};
/** Aliases by the char code they start with, longest first (a number key: a one-character string per look-up cost more). */
const BY_FIRST = new Map<number, string[]>();
for (const a of [...ALIAS_TO_ID.keys(), ...Object.keys(COMPOUNDS)]) {
  const k = a.charCodeAt(0);
  if (!BY_FIRST.has(k)) BY_FIRST.set(k, []);
  BY_FIRST.get(k)!.push(a);
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.length - a.length);
/**
 * The char codes a mention can start with (every alias's first character, and 经 of bare 经济),
 * each given a small number: findMentions looks at every character of every clause, and most
 * start nothing (0).
 */
const STARTS_MENTION = new Uint16Array(0x10000);
let startNumber = 0;
for (const k of [...BY_FIRST.keys(), '经'.charCodeAt(0)]) if (!STARTS_MENTION[k]) STARTS_MENTION[k] = ++startNumber;
/** A character pair as a small integer key (a number V8 keeps unboxed): the first's number, then the second's code. */
const pairKey = (first: number, second: number): number => STARTS_MENTION[first] * 0x10000 + second;
/**
 * The same lists keyed by the first two characters (every alias has two or more), in the same
 * order: a character such as 全 or 农 starts dozens of aliases, and the text's next character
 * rules out nearly all of them before any is compared.
 */
const BY_PAIR = new Map<number, string[]>();
for (const list of BY_FIRST.values()) {
  for (const a of list) {
    if (a.length < 2) throw new Error(`indicator alias of one character: ${a}`);
    const k = pairKey(a.charCodeAt(0), a.charCodeAt(1));
    const pair = BY_PAIR.get(k);
    if (pair) pair.push(a);
    else BY_PAIR.set(k, [a]);
  }
}

/** A mention right before these is a ratio or share of it, not the indicator. */
const SHARE_AFTER = /^(?:的)?(?:比重|占比|所占比重|贡献率|增长贡献率|占全国|占全省|占全市)/;
/** A mention right after these is a reference point, not the subject. */
const REFERENCE_BEFORE = /(?:对|占|相当于|高于|快于|低于|慢于|超过|同步于|人均|万元|单位|与|和|同)$/;

function narrowing(id: string, before: string): string | undefined {
  for (const n of NARROWERS) {
    if (!n.ids.includes(id)) continue;
    const m = n.before.exec(before);
    if (m) return m[0];
  }
  return undefined;
}

export function findMentions(text: string): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < text.length) {
    if (!STARTS_MENTION[text.charCodeAt(i)]) { i++; continue; }
    const cands = BY_PAIR.get(pairKey(text.charCodeAt(i), text.charCodeAt(i + 1)));
    let hit: string | undefined;
    if (cands) for (const a of cands) if (text.startsWith(a, i)) { hit = a; break; }
    // bare 经济 names GDP only before a figure of its growth (经济增长5.2%) or a positive-growth claim (实现经济正增长)
    if (!hit && text.startsWith('经济', i) && /^经济(?:增长[ ]?\d|(?:实现|保持)?正增长)/.test(text.slice(i, i + 8))) hit = '经济';
    if (!hit) { i++; continue; }
    const start = i;
    const end = i + hit.length;
    const before = text.slice(Math.max(0, start - 3), start);
    const after = text.slice(end, end + 6);
    const compound = COMPOUNDS[hit];
    if (compound) {
      for (const id of compound) out.push({ start, end, id, name: hit });
    } else if (hit === '经济') {
      out.push({ start, end, id: 'gdp', name: hit });
    } else if (SHARE_AFTER.test(after)) {
      const m = SHARE_AFTER.exec(after)!;
      out.push({ start, end: end + m[0].length, id: `other:${hit}${m[0]}`, name: hit + m[0] });
      i = end + m[0].length;
      continue;
    } else if (/(?:化石|可再生|清洁)$/.test(before)) {
      const mod = /(?:非化石|化石|可再生|清洁)$/.exec(before)![0];
      out.push({ start: start - mod.length, end, id: `other:${mod}${hit}`, name: mod + hit });
    } else if (narrowing(ALIAS_TO_ID.get(hit)!, text.slice(Math.max(0, start - 8), start))) {
      const mod = narrowing(ALIAS_TO_ID.get(hit)!, text.slice(Math.max(0, start - 8), start))!;
      out.push({ start: start - mod.length, end, id: `other:${mod.replace(/[“”"]/g, '')}${hit}`, name: mod + hit });
    } else if (/人均$/.test(before) && ALIAS_TO_ID.get(hit) === 'gdp') {
      out.push({ start: start - 2, end, id: `other:人均${hit}`, name: `人均${hit}` });
    } else if (REFERENCE_BEFORE.test(before) && !/(?:城乡|城镇|农村|全体)$/.test(before) && ['gdp', 'disposable_income'].includes(ALIAS_TO_ID.get(hit)!) && out.length > 0) {
      // 居民收入增速高于地区生产总值增幅: the second is only the yardstick
    } else {
      out.push({ start, end, id: ALIAS_TO_ID.get(hit)!, name: hit });
    }
    i = end;
  }
  return out;
}

/**
 * The lexicon's name tables as maps: a name is any text a clause gives, and looking it up as a
 * property of a plain object both interned every name and answered for names such as
 * "constructor" from the object's prototype.
 */
const OTHER_NAME = new Map(Object.entries(OTHER_NAMES));
const CONJUNCT_ALIAS = new Map(Object.entries(CONJUNCT_ALIASES));

/** Resolves a free name (a conjunct, a subject) to an id. */
export function resolveName(name: string): string {
  const n = name.replace(/^[“"「]|[”"」]$/g, '').trim();
  if (!n) return 'other:';
  const other = OTHER_NAME.get(n);
  if (other) return n === '三产业增加值' ? 'tertiary_value_added' : `other:${other}`;
  const id = ALIAS_TO_ID.get(n) ?? CONJUNCT_ALIAS.get(n);
  if (id) return id;
  const ms = findMentions(n);
  // a name is the indicator it ends with when what precedes is at most a two-character
  // territory word (全县…) or scope words only (限额以上消费品零售额 → retail sales, scope 限额以上)
  if (ms.length === 1 && ms[0].end === n.length && (ms[0].start <= 2 || scopeWordsOnly(n.slice(0, ms[0].start)))) return ms[0].id;
  return `other:${n}`;
}

function scopeWordsOnly(s: string): boolean {
  let rest = s;
  for (let changed = true; rest && changed; ) {
    changed = false;
    for (const w of SCOPE_WORDS) if (rest.startsWith(w)) { rest = rest.slice(w.length); changed = true; }
    const t = /^(?:全[省市县区旗州盟国]|[省市县区])/.exec(rest);
    if (t) { rest = rest.slice(t[0].length); changed = true; }
  }
  return rest === '';
}

export function isCanonical(id: string): boolean {
  return !id.startsWith('other:');
}
