/**
 * Item keys and sheet cells, on sentences written for these tests: a key
 * ignores spacing and full/half-width forms, tells repeated promises apart
 * by occurrence, and changes with the plan's text; a verdict cell is read in
 * either language or as a code.
 */
import { describe, expect, it } from 'vitest';
import { documentHash, itemKey, itemKeys, normalWording } from '../../src/check/keys.js';
import { verdictOfCell } from '../../src/rulings/sheet.js';

const PLAN = '今年主要预期目标：地区生产总值增长6%左右，新建口袋公园12个。';

describe('item keys', () => {
  it('ignore spacing, punctuation and full-width forms but keep the figure', () => {
    expect(normalWording('新建 口袋公园１２个。')).toBe(normalWording('新建口袋公园12个'));
    expect(normalWording('增长6.5％左右')).toBe('增长6.5%左右');
    const h = documentHash(PLAN);
    expect(itemKey(h, 'target', '新建 口袋公园１２个', 0)).toBe(itemKey(h, 'target', '新建口袋公园12个', 0));
    expect(itemKey(h, 'target', '新建口袋公园13个', 0)).not.toBe(itemKey(h, 'target', '新建口袋公园12个', 0));
  });

  it('are 16 hex characters, differ by kind and occurrence, and follow the plan text (not its bytes or markup)', () => {
    const h = documentHash(PLAN);
    const keys = itemKeys(h, [
      { source: 'target', commitment: '新建口袋公园12个' },
      { source: 'commitment', commitment: '新建口袋公园12个' },
      { source: 'target', commitment: '新建口袋公园12个' },
    ]);
    for (const k of keys) expect(k).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(keys).size).toBe(3);
    expect(keys[2]).toBe(itemKey(h, 'target', '新建口袋公园12个', 1));
    // The same characters in other markup hash alike; another text does not.
    expect(documentHash(`<p>${PLAN}</p>\r\n`)).toBe(h);
    expect(documentHash(PLAN.replace('12个', '15个'))).not.toBe(h);
  });
});

describe('verdict cells', () => {
  it('read the Chinese and English labels, the codes and older wordings', () => {
    expect(verdictOfCell('部分完成')).toBe('partly_met');
    expect(verdictOfCell(' Partly met ')).toBe('partly_met');
    expect(verdictOfCell('not_reported')).toBe('not_reported');
    expect(verdictOfCell('未提及')).toBe('not_reported');
    expect(verdictOfCell('达成')).toBe('met');
    expect(verdictOfCell('差不多')).toBeUndefined();
  });
});
