/** Chinese numerals as written in datelines and ordinals (一九九〇年, 二十三日, 第十四届). */

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 'Ｏ': 0, O: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Year written digit by digit: 2020, 二〇二〇, 一九九〇. Null when not a year. */
export function parseYear(s: string): number | null {
  const t = s.replace(/\s+/g, '');
  if (/^\d{4}$/.test(t)) return Number(t);
  if (t.length !== 4) return null;
  let v = 0;
  for (const ch of t) {
    const d = DIGIT[ch];
    if (d === undefined) return null;
    v = v * 10 + d;
  }
  return v;
}

/** Small number: 7, 十二, 二十三, 三十一, 一百. Null when unparsable. */
export function parseSmall(s: string): number | null {
  const t = s.replace(/\s+/g, '');
  if (/^\d+$/.test(t)) return Number(t);
  if (!t) return null;
  let total = 0;
  let cur = 0;
  for (const ch of t) {
    if (ch === '十') { total += (cur || 1) * 10; cur = 0; continue; }
    if (ch === '百') { total += (cur || 1) * 100; cur = 0; continue; }
    const d = DIGIT[ch];
    if (d === undefined) return null;
    cur = d;
  }
  return total + cur;
}

/** Writes n (1..99) the way ordinals are written: 十四, 二十一. */
export function smallToChinese(n: number): string {
  const d = '零一二三四五六七八九';
  if (n < 10) return d[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : d[tens]) + '十' + (ones ? d[ones] : '');
}

export const YEAR_SRC = '(\\d{4}|[一二三四五六七八九〇○零Ｏ]{4})';
export const SMALL_SRC = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
