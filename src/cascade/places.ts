/**
 * Where a stored report sits in the chain 全国 → province → prefecture →
 * county/district, from the gazetteer: never from the names themselves, so a
 * county is placed under its own prefecture even when the text names it alone.
 */
import { NATIONAL, resolveName, within, type Place } from '../identify/gazetteer.js';
import type { Level } from '../vocab.js';

/** A level of the chain: a gazetteer place, or the nation (place null). */
export interface Where {
  /** The gazetteer code; '' for the nation, so codes sort parents before children (13 < 1306 < 130608). */
  readonly key: string;
  /** As reports and the store name it (Place.fullName): 河北省, 保定市, 保定市清苑区. */
  readonly name: string;
  readonly level: Level;
  readonly place: Place | null;
}

export const NATION: Where = { key: '', name: NATIONAL, level: 'national', place: null };

function of(place: Place): Where {
  return { key: place.code, name: place.fullName, level: place.level, place };
}

/** The level directly above: a county's prefecture (its province when it has none), a prefecture's province, a province's nation. */
export function parentOf(w: Where): Where | null {
  const p = w.place;
  if (!p) return null;
  if (p.kind === 'province') return NATION;
  if (p.kind === 'prefecture') return p.province ? of(p.province) : NATION;
  if (p.prefecture) return of(p.prefecture);
  return p.province ? of(p.province) : NATION;
}

/** 全国 … w, top down. */
export function chainOf(w: Where): Where[] {
  const out: Where[] = [];
  for (let at: Where | null = w; at; at = parentOf(at)) out.unshift(at);
  return out;
}

/** True when `w` is `root` or lies under it. */
export function isUnder(w: Where, root: Where): boolean {
  if (!root.place) return true;
  return w.place !== null && within(w.place, root.place);
}

/**
 * The place a stored report names. The store keeps the gazetteer's full name
 * (保定市清苑区); when a name fits several places (a county name used in two
 * provinces) the stored province decides. Undefined when it cannot be told.
 */
export function placeOfStored(jurisdiction: string, province: string | null): Where | undefined {
  if (jurisdiction === NATIONAL) return NATION;
  const found = resolveName(jurisdiction).filter((p) => p.fullName === jurisdiction || p.name === jurisdiction);
  const narrowed = found.length > 1 && province ? found.filter((p) => p.province?.name === province) : found;
  return narrowed.length === 1 ? of(narrowed[0]) : undefined;
}

export type RootLookup = { ok: true; where: Where } | { ok: false; candidates: string[] };

/** A place a user names as the top of the cascade: 全国, 河北省, 河北, 保定市清苑区… */
export function resolveRoot(name: string): RootLookup {
  const written = name.trim();
  if (written === NATIONAL || written === '') return { ok: true, where: NATION };
  const found = resolveName(written);
  const exact = found.filter((p) => p.fullName === written || p.name === written);
  const pick = exact.length === 1 ? exact : found;
  if (pick.length === 1) return { ok: true, where: of(pick[0]) };
  return { ok: false, candidates: pick.map((p) => chainOf(of(p)).slice(1).map((w) => w.place!.name).join('')) };
}
