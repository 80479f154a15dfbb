import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/ingest/diagnostics.js';
import { identity, replaceMapped, type MappedText } from '../../src/ingest/mapped-text.js';
import { columnLayout, detectScript, detectScriptByConverting, joinColumnLines, joinWrappedLines, normalizeWhitespace, type ColumnLayout, paragraphLines, removePinyin, repairGbkMojibake, tidySpaces, toSimplified } from '../../src/ingest/normalize.js';
import { bytesBehind, read, utf8 } from './helpers.js';

const rules = (src: { diagnostics: readonly { ruleId: string }[] }) => src.diagnostics.map((d) => d.ruleId);

type OnePass = (t: MappedText, ctx: { diagnostics: Diagnostic[] }) => MappedText;
/** Expects `pass` to give the text, offset map and end that `oracle` (the code it replaced) gives. */
function expectSameAs(oracle: (t: MappedText) => MappedText, pass: OnePass, text: string): void {
  const want = oracle(identity(text));
  const got = pass(identity(text), { diagnostics: [] });
  expect([got.text, Array.from(got.origin), got.end], JSON.stringify(text)).toEqual([want.text, Array.from(want.origin), want.end]);
}
/** Calls `check` on every text of up to `left` characters of `alphabet`. */
function everyText(alphabet: readonly string[], left: number, check: (text: string) => void, prefix = ''): void {
  check(prefix);
  if (left) for (const ch of alphabet) everyText(alphabet, left - 1, check, prefix + ch);
}

describe('repairs', () => {
  it('removes pinyin readings glued onto Traditional characters, then converts script', async () => {
    const bytes = utf8('各位代表：現(xiàn)在，我代表市人民政府向大會報告工作。堅持以習(xí)近平新時代中國特色社會主義思想為指導(dǎo)，地區生產(chǎn)總值增長2.5%。');
    const src = await read('r.txt', bytes);
    expect(src.script).toBe('traditional');
    expect(src.text).toContain('现在，我代表市人民政府');
    expect(src.text).toContain('为指导，地区生产总值增长2.5%');
    expect(src.text).not.toMatch(/\([a-zà-ǜ]+\)/);
    // the converted character still points at its original bytes
    const i = src.text.indexOf('导');
    expect(bytesBehind(src, bytes, i, i + 1).toString('utf8')).toBe('導');
    expect(rules(src)).toEqual(expect.arrayContaining(['ingest/pinyin-removed', 'ingest/script-converted']));
  });

  it('keeps Latin words in brackets that are not pinyin', async () => {
    const src = await read('r.txt', utf8('国内生产总值(GDP)增长5%，研发(R)投入增长。各位代表：现在我代表政府报告工作。'));
    expect(src.text).toContain('(GDP)');
  });

  it('repairs a section number whose GBK bytes were read one byte out of step', async () => {
    const heading = '（三）坚持创新驱动发展战略全面提升科技实力';
    const garbled = iconv.decode(Buffer.concat([Buffer.from([0xa1]), iconv.encode(heading, 'gbk')]), 'gbk');
    expect(garbled.startsWith('。')).toBe(true);
    const bytes = utf8(`一、过去一年工作回顾\n经济运行稳中向好。\n${garbled}\n全年新增就业1.5万人。`);
    const src = await read('r.txt', bytes);
    expect(src.text).toContain('（三）坚持创新驱动');
    expect(rules(src)).toContain('ingest/gbk-mojibake');
    // the repaired line starts at the garbled bytes, not at the line break before them
    const i = src.text.indexOf('（三）');
    expect(bytesBehind(src, bytes, i, i + 1).toString('utf8')).toBe('。');
  });

  it('repairs a garbled section number only where a line starts after a line feed (not after U+2028)', () => {
    const garbled = iconv.decode(Buffer.concat([Buffer.from([0xa1]), iconv.encode('（四）加强生态环境保护', 'gbk')]), 'gbk');
    const diagnostics: Diagnostic[] = [];
    const repaired = repairGbkMojibake(identity(`经济运行稳中向好。\n${garbled}`), { diagnostics });
    expect(repaired.text).toContain('（四）加强生态');
    // U+2028 ends a line for the m flag of a regex, not for a report's text
    const kept = repairGbkMojibake(identity(`经济运行稳中向好。\u2028${garbled}`), { diagnostics: [] });
    expect(kept.text).toBe(`经济运行稳中向好。\u2028${garbled}`);
  });

  it('flags a garbled run it cannot read beyond the section number', async () => {
    const garbled = iconv.decode(Buffer.concat([Buffer.from([0xa1]), iconv.encode('（二）', 'gbk')]), 'gbk').slice(0, 2) + '┰鷮嵧七M';
    const src = await read('r.txt', utf8(`一、过去一年工作回顾\n经济运行稳中向好。\n${garbled}\n全年新增就业1.5万人。`));
    expect(src.text).toContain('（二）');
    expect(rules(src)).toContain('ingest/gbk-mojibake-unrepaired');
  });

  it('joins newspaper hard line breaks inside words and figures, keeps paragraph breaks', async () => {
    const column = [
      '在2024年1月16日举行的市人大四次会议上，市长代', '表市人民政府，向大会报告政府工作。', '',
      '2023年是全面贯彻落实党的二十大精神的开局之', '年。一年来，全市坚持以新时代中国特色社会主义', '思想为指导，扎实推进各项工作，全年地区生',
      '产总值预计增长 6%，农业生产总值预计增长', '7.5%，粮食产量达到 96.14 亿斤，规上工业增', '加值预计增长4%，固定资产投资预计增长5%，全', '口径财政收入增长33.8%，主要经济指标增速稳居',
      '全省第一方阵，各项事业取得了新进展新成效。', '', '一、2024年主要目标和重点工作', '今年全市经济社会发展的主要预期目标是：地区', '生产总值增长6.5%，固定资产投资增长5%左右。',
    ].join('\n\n');
    const src = await read('r.txt', utf8(column));
    expect(src.text).toContain('全年地区生产总值预计增长6%，农业生产总值预计增长7.5%，粮食产量达到96.14亿斤，规上工业增加值预计增长4%');
    expect(src.text).toContain('\n一、2024年主要目标和重点工作\n');
    expect(src.text).toContain('主要预期目标是：地区生产总值增长6.5%');
    expect(rules(src)).toContain('ingest/hard-line-breaks');
  });

  it('leaves ordinary paragraphs alone', async () => {
    const paras = Array.from({ length: 12 }, (_, i) => `第${i + 1}段，全年完成固定资产投资${100 + i}亿元，同比增长${i}%，各项工作取得明显成效，人民群众获得感显著增强。`);
    const src = await read('r.txt', utf8(paras.join('\n')));
    expect(src.text.split('\n')).toHaveLength(12);
  });

  it('normalises full-width digits, letters and spaces, and literal escapes', async () => {
    const src = await read('r.txt', utf8('２０２３年ＧＤＰ增长５．２％\\r\\n各位代表：&nbsp;现在<U+00A0>我代表\u3000政府&amp;报告工作。'));
    expect(src.text).toBe('2023年GDP增长5.2%\n各位代表：现在我代表政府&报告工作。');
    expect(rules(src)).toContain('ingest/literal-escapes');
  });

  it('removes spaces inside Chinese words (spaced-out titles) but not between Latin words', async () => {
    const src = await read('r.txt', utf8('四 平 市 政 府 工 作 报 告\nCOVID 19 疫情防控，增长 6 %。'));
    expect(src.text).toBe('四平市政府工作报告\nCOVID 19疫情防控，增长6%。');
  });

  it('keeps a repeated paragraph once and records the repeat', async () => {
    const p = '深入实施乡村振兴战略，新建高标准农田38.9万亩，整治农村“四沟”9570公里，粮食产量达到94亿斤。';
    const src = await read('r.txt', utf8(`一、工作回顾\n${p}\n${p}\n二、今年工作\n${p}\n短句。\n短句。`));
    expect(src.text.split(p).length - 1).toBe(1);
    expect(src.text.split('短句。').length - 1).toBe(2);
    expect(src.diagnostics.filter((d) => d.ruleId === 'ingest/repeated-paragraph')).toHaveLength(2);
  });

  it('one paragraph a line: blank runs become one break at the first break, repeats go, no break at either end', () => {
    const p = '全年新增城镇就业2.6万人，城镇调查失业率控制在5.5%以内，居民收入与经济增长同步。';
    const text = `\n\n一、工作回顾\n\n\n${p}\n${p}\n\n短句。\n${p}\n短句。\n\n`;
    const ctx = { diagnostics: [] as Diagnostic[] };
    const out = paragraphLines(identity(text), ctx);
    expect(out.text).toBe(`一、工作回顾\n${p}\n短句。\n短句。`);
    // every character points where it was; a kept break is the first of its run, and the break
    // before a paragraph that follows a dropped repeat is the one after the last paragraph kept
    const origin = Array.from(out.origin);
    const heading = text.indexOf('一');
    const firstP = text.indexOf(p);
    const shortAt = text.indexOf('短句。');
    const lastShort = text.lastIndexOf('短句。');
    expect(origin.slice(0, 6)).toEqual([0, 1, 2, 3, 4, 5].map((k) => heading + k));
    expect(origin[6]).toBe(heading + 6);
    expect(origin[7]).toBe(firstP);
    expect(origin[7 + p.length]).toBe(firstP + p.length);
    expect(origin[8 + p.length]).toBe(shortAt);
    expect(origin[11 + p.length]).toBe(shortAt + 3);
    expect(origin[12 + p.length]).toBe(lastShort);
    expect(out.end).toBe(text.length);
    expect(ctx.diagnostics.map((d) => [d.ruleId, d.offset])).toEqual([
      ['ingest/repeated-paragraph', text.indexOf(p, firstP + 1)],
      ['ingest/repeated-paragraph', text.lastIndexOf(p)],
    ]);
    expect(paragraphLines(identity('\n\n\n'), ctx).text).toBe('');
  });

  it('gives the text, offset map and diagnostics of the three passes it replaced, on every text of up to seven pieces', () => {
    // the passes as they were: blank runs to one break, then each line of 30 or more characters seen
    // before dropped with its break, then the breaks at either end removed
    const byPasses = (t: MappedText, diagnostics: Diagnostic[]): MappedText => {
      const collapsed = replaceMapped(t, /\n{2,}/g, '\n');
      const text = collapsed.text;
      const seen = new Set<string>();
      let kept = '';
      const origin: number[] = [];
      for (let start = 0; start <= text.length; ) {
        let end = text.indexOf('\n', start);
        if (end < 0) end = text.length;
        const para = text.slice(start, end);
        if (para.length >= 30 && seen.has(para)) diagnostics.push({ ruleId: 'ingest/repeated-paragraph', offset: collapsed.origin[start] } as Diagnostic);
        else {
          if (para.length >= 30) seen.add(para);
          const to = end < text.length ? end + 1 : end;
          kept += text.slice(start, to);
          for (let k = start; k < to; k++) origin.push(collapsed.origin[k]);
        }
        start = end + 1;
      }
      return replaceMapped({ text: kept, origin: Int32Array.from(origin), end: t.end }, /^\n+|\n+$/g, '');
    };
    const long = ['各地区各部门坚决贯彻落实党中央国务院决策部署全力以赴稳增长', '扎实推进乡村全面振兴新建改造提升高标准农田二十万亩以上'];
    const PIECES = ['\n', long[0], long[1], '短句。'];
    everyText(PIECES, 7, (text) => {
      const want: Diagnostic[] = [];
      const got: Diagnostic[] = [];
      const w = byPasses(identity(text), want);
      const g = paragraphLines(identity(text), { diagnostics: got });
      expect([g.text, Array.from(g.origin), g.end, got.map((d) => d.offset)]).toEqual([w.text, Array.from(w.origin), w.end, want.map((d) => d.offset)]);
    });
  });
});

describe('offset map', () => {
  it('maps every unchanged character of a GB18030 page back to its own bytes', async () => {
    const text = '首页 > 正文\r\n2023年政府工作报告\r\n各位代表：\r\n现在，我代表市人民政府向大会报告工作，请予审议。地区生产总值增长 6%。\r\n';
    const bytes = iconv.encode(text, 'gb18030');
    const src = await read('r.txt', bytes);
    for (let i = 0; i < src.text.length; i++) {
      const ch = src.text[i];
      if (ch === '\n') continue; // a line end maps to the \r of \r\n
      const back = iconv.decode(bytesBehind(src, bytes, i, i + 1), 'gb18030');
      expect(back).toBe(ch);
    }
  });
});

describe('script detection', () => {
  // sentences written for this test: one report opening in both scripts, numbered so that
  // no line repeats another (a repeated paragraph is dropped)
  const NUMBERS = '一二三四五六七八九';
  const simplifiedLine = (n: number) => `各位代表：现在，我代表县人民政府向大会报告工作，请予审议。过去一年，全县地区生产总值增长百分之${NUMBERS[n % 9]}${n >= 9 ? `点${NUMBERS[Math.floor(n / 9) % 9]}` : ''}，城乡居民收入稳步提高。\n`;
  const traditionalLine = (n: number) => `各位代表：現在，我代表縣人民政府向大會報告工作，請予審議。過去一年，全縣地區生產總值增長百分之${NUMBERS[n % 9]}${n >= 9 ? `點${NUMBERS[Math.floor(n / 9) % 9]}` : ''}，城鄉居民收入穩步提高。\n`;
  const lines = (line: (n: number) => string, from: number, count: number) => Array.from({ length: count }, (_, k) => line(from + k)).join('');
  const simplified = (count: number, from = 0) => lines(simplifiedLine, from, count);
  const traditional = (count: number, from = 0) => lines(traditionalLine, from, count);

  it('the two kinds of line are one text in two scripts', () => {
    expect(toSimplified(traditional(12))).toBe(simplified(12));
    expect(toSimplified(simplified(12))).toBe(simplified(12));
  });

  it('a Simplified text is not converted, and converting it would change nothing', async () => {
    const text = simplified(3);
    expect(detectScript(text)).toBe('simplified');
    const src = await read('r.txt', utf8(text));
    expect(src.script).toBe('simplified');
    expect(rules(src)).not.toContain('ingest/script-converted');
    expect(src.text).toBe(text.trim());
    expect(toSimplified(src.text)).toBe(src.text);
  });

  it('a Traditional text is still converted, each character pointing at its own bytes', async () => {
    const bytes = utf8(traditional(3));
    expect(detectScript(traditional(3))).toBe('traditional');
    const src = await read('r.txt', bytes);
    expect(src.script).toBe('traditional');
    expect(rules(src)).toContain('ingest/script-converted');
    expect(src.text).toBe(simplified(3).trim());
    const i = src.text.lastIndexOf('县');
    expect(bytesBehind(src, bytes, i, i + 1).toString('utf8')).toBe('縣');
  });

  it('a mixed text is decided as the converter decides it (more than 3% of characters change)', () => {
    // one Traditional line among Simplified ones: about 6%, 2% and 1% of the characters
    const mostlySimplified = [4, 14, 30].map((n) => simplified(n) + traditional(1, n));
    expect(mostlySimplified.map(detectScript)).toEqual(['traditional', 'simplified', 'simplified']);
    for (const text of [...mostlySimplified, simplified(3), traditional(3)]) expect(detectScript(text)).toBe(detectScriptByConverting(text.slice(0, 12_000)));
  });

  it('a mixed text that is mostly Traditional is converted, its Simplified line unchanged', async () => {
    const src = await read('r.txt', utf8(simplified(1) + traditional(3, 1)));
    expect(src.script).toBe('traditional');
    expect(src.text).toBe(simplified(4).trim());
  });
});

describe('spaces and line breaks in one walk', () => {
  // What tidySpaces means, as the two regex passes it replaced: spaces inside a line go unless
  // between two Latin letters or digits; then the spaces at either end of a line go and three or
  // more breaks become two.
  const byRegex = (t: MappedText): MappedText => {
    const inner = replaceMapped(t, /([^\n])( +)(?=([^\n]))/g, (m) => (/[A-Za-z0-9]/.test(m[1]) && /[A-Za-z0-9]/.test(m[3]) ? m[1] + ' ' : m[1]));
    return replaceMapped(inner, /(?=[ \n])(?:[ ]+(?=\n|$)|(?<=^|\n)[ ]+|\n{3,})/g, (m) => (m[0][0] === '\n' ? '\n\n' : ''));
  };
  const same = (text: string) => expectSameAs(byRegex, tidySpaces, text);
  const ALPHABET = [' ', '\n', 'a', '7', '中', '，'];

  it('gives the text and offset map of the regexes on every text of up to six of: space, break, letter, digit, Chinese, comma', () => {
    everyText(ALPHABET, 6, same);
  });

  it('and on longer texts drawn at random (a fixed seed)', () => {
    let seed = 20261205;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 3000; k++) {
      let t = '';
      const len = 7 + Math.floor(next() * 40);
      // runs, not single characters: long runs of spaces and breaks are what the passes treat
      while (t.length < len) t += ALPHABET[Math.floor(next() * ALPHABET.length)].repeat(1 + Math.floor(next() * 4));
      same(t);
    }
  });

  it('keeps one word space in an English name and removes spaced-out Chinese', () => {
    const out = tidySpaces(identity('  政 府 工 作 报 告  \n\n\n\nGDP   growth 5 %\n'), { diagnostics: [] });
    expect(out.text).toBe('政府工作报告\n\nGDP growth 5%\n');
  });
});

describe('normalizeWhitespace', () => {
  // the pass as it was: one regex, replaced through replaceMapped
  const byRegex = (t: MappedText) =>
    replaceMapped(t, /\r\n?|[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]|[\u200b-\u200d\u2060\ufeff\u0000-\u0008\u000e-\u001f\u007f]/g, (m) =>
      m[0][0] === '\r' ? '\n' : /[\u200b-\u200d\u2060\ufeff\u0000-\u0008\u000e-\u001f\u007f]/.test(m[0]) ? '' : ' ');
  const same = (text: string) => expectSameAs(byRegex, normalizeWhitespace, text);
  // a character of each kind the regex names, its edges, and neighbours it must leave alone
  const ALPHABET = ['\r', '\n', '\u3000', '\u00a0', '\t', '\u2000', '\u200a', '\u200b', '\u200d', '\u200e', '\ufeff', '\u0000', '\u0008', '\u000e', '\u001f', '\u007f', ' ', '中', 'a'];

  it('gives the text and offset map of the regex it replaced on every text of up to four of its kinds of character', () => {
    everyText(ALPHABET, 4, same);
  });

  it('turns the line ends, spaces and controls of a sentence written for it', () => {
    const out = normalizeWhitespace(identity('各位代表：\r\n现在，我代表\u3000市人民政府\u200b向大会报告工作。\r经济平稳\t运行。'), { diagnostics: [] });
    expect(out.text).toBe('各位代表：\n现在，我代表 市人民政府向大会报告工作。\n经济平稳 运行。');
    // the line end of \r\n sits where the \r was; what follows a dropped character keeps its own place
    expect(out.origin[5]).toBe(5);
    expect(out.origin[6]).toBe(7);
    expect(out.origin[out.text.indexOf('向')]).toBe('各位代表：\r\n现在，我代表\u3000市人民政府\u200b'.length);
  });
});

describe('removePinyin', () => {
  it('removes the readings of a sentence written for it, each character keeping its place', () => {
    const text = '堅持以習(xí)近平新時(shí)代思想為指導(dǎo)，GDP(GDP)增長(zhǎng)。';
    const out = removePinyin(identity(text), { diagnostics: [] });
    expect(out.text).toBe('堅持以習近平新時代思想為指導，GDP(GDP)增長。');
    expect(out.origin[out.text.indexOf('導')]).toBe(text.indexOf('導'));
    expect(out.origin[out.text.indexOf('近')]).toBe(text.indexOf('近'));
  });
});

describe('joinWrappedLines', () => {
  // The layout as it was found before its lines were found by indexOf and its widths sorted as
  // numbers: a look at every character for the lines, a comparator sort for the quantiles. The pass
  // as it was is that layout joined by the same joinColumnLines.
  const quantile = (values: number[], q: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  };
  const layoutBefore = (text: string): ColumnLayout | null => {
    const lines: { start: number; end: number }[] = [];
    let s = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i === text.length || text[i] === '\n') {
        lines.push({ start: s, end: i });
        s = i + 1;
      }
    }
    const nonEmpty = lines.filter((l) => l.end > l.start);
    if (nonEmpty.length < 10) return null;
    const lengths = nonEmpty.map((l) => l.end - l.start);
    const width = quantile(lengths, 0.75);
    if (width > 60 || width < 8) return null;
    if (lengths.filter((n) => n >= width * 0.8 && n <= width * 1.25).length / nonEmpty.length < 0.5) return null;
    return { lines: nonEmpty, width, localWidth: lengths.map((_, j) => quantile(lengths.slice(Math.max(0, j - 12), j + 13), 0.75)) };
  };
  const before = (src: MappedText): MappedText => {
    const layout = layoutBefore(src.text);
    return layout ? joinColumnLines(src, layout, { diagnostics: [] }) : src;
  };

  it('joins the lines of a text wrapped at a column and keeps its paragraph ends', () => {
    const para = '全年地区生产总值增长百分之六，城乡居民收入稳步增长，新建高标准农田三万亩，完成老旧小区改造一百个，新增城镇就业一万人。';
    const wrapped = [para, para, para].map((p) => p.match(/.{1,16}/g)!.join('\n')).join('\n\n');
    const out = joinWrappedLines(identity(wrapped), { diagnostics: [] });
    expect(out.text).toBe([para, para, para].join('\n'));
    const unwrapped = identity([para, para, para].join('\n'));
    expect(joinWrappedLines(unwrapped, { diagnostics: [] })).toBe(unwrapped);
  });

  it('gives the text and offset map it gave before on texts drawn at random (a fixed seed)', () => {
    let seed = 20261205;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const words = ['经济', '增长', '，', '。', '１２', 'ab', ' ', '一、', '（二）', '3.', '——', '第一章', '”'];
    let joined = 0;
    for (let k = 0; k < 2000; k++) {
      const width = 6 + Math.floor(next() * 60);
      const lines: string[] = [];
      for (let n = 4 + Math.floor(next() * 40); n > 0; n--) {
        let line = '';
        const len = next() < 0.7 ? width - 2 + Math.floor(next() * 5) : Math.floor(next() * width);
        while (line.length < len) line += words[Math.floor(next() * words.length)];
        lines.push(line.slice(0, len));
        if (next() < 0.2) lines.push('');
      }
      const text = lines.join('\n') + (next() < 0.5 ? '\n' : '');
      expect(columnLayout(text), JSON.stringify(text)).toEqual(layoutBefore(text));
      const want = before(identity(text));
      const got = joinWrappedLines(identity(text), { diagnostics: [] });
      if (want.text !== text) joined++;
      expect([got.text, Array.from(got.origin), got.end], JSON.stringify(text)).toEqual([want.text, Array.from(want.origin), want.end]);
    }
    // the drawn texts take both ways: some are joined, some left alone
    expect(joined).toBeGreaterThan(100);
    expect(joined).toBeLessThan(1900);
  });
});
