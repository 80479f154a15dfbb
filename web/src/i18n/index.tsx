/**
 * Chinese first; English on request. The choice is kept in localStorage and `?lang=` in the URL wins.
 *
 * The word lists (words.ts, codes.ts, people.ts) define `Key`: `t()` takes only those keys, and a message with
 * `{placeholders}` needs exactly those values, so a mistyped key or a missing value fails `tsc`.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../api';
import { CODES } from './codes';
import { PEOPLE } from './people';
import { WORDS as UI } from './words';

/** The interface's words and the names of the server's codes: one list of keys. */
const WORDS = { ...UI, ...CODES, ...PEOPLE };

export type Lang = 'zh' | 'en';
export type Key = keyof typeof WORDS;
type Zh<K extends Key> = (typeof WORDS)[K][0];
type En<K extends Key> = (typeof WORDS)[K][1];

/** The `{name}` placeholders of a message, as a union of their names. */
type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** Keys of messages without placeholders: what a table of codes may name. */
export type PlainKey = { [K in Key]: [Placeholders<Zh<K>>] extends [never] ? K : never }[Key];

/** Keys whose Chinese and English texts have different placeholders. */
type Mismatch = { [K in Key]: [Placeholders<Zh<K>>] extends [Placeholders<En<K>>] ? ([Placeholders<En<K>>] extends [Placeholders<Zh<K>>] ? never : K) : K }[Key];
/** Compiles only while `K` is never: a type error here names the keys whose two texts disagree. */
function none<K extends never>(..._: K[]): void {}
none<Mismatch>();

const COLUMN: Record<Lang, 0 | 1> = { zh: 0, en: 1 };
const STORAGE_KEY = 'luoshi.lang';

/** A message's values, when it has placeholders. */
type Vars<K extends Key> = [Placeholders<Zh<K>>] extends [never] ? [] : [vars: Record<Placeholders<Zh<K>>, string | number>];
export type T = <K extends Key>(key: K, ...vars: Vars<K>) => string;

export interface I18n {
  lang: Lang;
  t: T;
  /** The text of a key built from data the types cannot narrow (a history action, a stored kind), or undefined when there is none. */
  lookup: (key: string) => string | undefined;
  setLang: (l: Lang) => void;
}

const isKey = (key: string): key is Key => Object.hasOwn(WORDS, key);

const Ctx = createContext<I18n | null>(null);

function initialLang(): Lang {
  const fromUrl = new URLSearchParams(location.hash.split('?')[1] ?? '').get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh') return fromUrl;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'zh') return stored;
  } catch {
    // storage blocked: Chinese
  }
  return 'zh';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  // Before the children's first requests (their effects run before this provider's).
  setApiLanguage(lang === 'zh' ? 'zh-CN' : 'en');
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // not persisted
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const t = useCallback<T>(
    (key, ...vars) => {
      let s: string = WORDS[key][COLUMN[lang]];
      const values: Record<string, string | number> | undefined = vars[0];
      if (values) for (const [k, v] of Object.entries(values)) s = s.replace(`{${k}}`, String(v));
      return s;
    },
    [lang],
  );
  const lookup = useCallback((key: string): string | undefined => (isKey(key) ? WORDS[key][COLUMN[lang]] : undefined), [lang]);
  const value = useMemo(() => ({ lang, t, lookup, setLang }), [lang, t, lookup, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
