import { describe, expect, it } from 'vitest';
import { paragraphsOf } from '../../src/extract/structure.js';

const paras = (lines: string[]) => paragraphsOf(lines.join('\n'), 0).map((p) => p.text.replace(/\n/g, '|'));

describe('paragraphs of text cut by hyperlinked words', () => {
  it('joins a word on its own line back into the sentence it was cut from', () => {
    expect(paras([
      '——交通更加便捷。新建',
      '城际铁路',
      '投运里程120公里，改造',
      '农村公路',
      '800公里。',
      '——生活持续改善。居民收入增长6%。',
    ])).toEqual(['——交通更加便捷。新建|城际铁路|投运里程120公里，改造|农村公路|800公里。', '——生活持续改善。居民收入增长6%。']);
  });
  it('joins a word that opens a sentence when the next line continues it', () => {
    expect(paras(['全年新建学校8所。', '智慧教室', '、数字图书馆建设加快。'])).toEqual(['全年新建学校8所。|智慧教室|、数字图书馆建设加快。']);
  });
  it('keeps short title and heading lines apart', () => {
    expect(paras(['政府工作报告', '各位代表：', '一、过去一年工作回顾', '过去一年，我们迎难而上。'])).toEqual([
      '政府工作报告', '各位代表：', '一、过去一年工作回顾', '过去一年，我们迎难而上。',
    ]);
  });
});
