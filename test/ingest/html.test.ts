import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/ingest/html.js';
import { identity } from '../../src/ingest/mapped-text.js';

const lines = (html: string) => htmlToText(identity(html)).text.split('\n').map((l) => l.trim()).filter(Boolean);

describe('HTML to text', () => {
  it('keeps text outside skipped elements, whatever is left unclosed', () => {
    expect(lines('<html><head><title>报告</title><meta charset=utf-8><body><p>正文一<p>正文二</body>')).toEqual(['正文一', '正文二']);
    expect(lines('<p>前<select><option>甲<option>乙</select>后</p>')).toEqual(['前后']);
    expect(lines('<div>前<iframe src="x"/>中<svg><text>图</text></svg>后</div>')).toEqual(['前中后']);
    expect(lines('<div><button>按钮</div>外')).toEqual(['外']);
  });

  it('ignores end tags of elements that are not open, and closes those above a matching one', () => {
    expect(lines('<div><b>加粗<i>斜体</u></b>后</i>尾</div>下一段')).toEqual(['加粗斜体后尾', '下一段']);
    expect(lines('甲</p>乙</br>丙')).toEqual(['甲', '乙', '丙']);
  });

  it('maps every character to its place in the page', () => {
    const html = '<p>地区<b>生产</b>总值</p>';
    const out = htmlToText(identity(html));
    const i = out.text.indexOf('总值');
    expect(html.slice(out.origin[i], out.origin[i] + 2)).toBe('总值');
    expect(html[out.origin[out.text.indexOf('生')]]).toBe('生');
  });
});
