import { describe, expect, it } from 'vitest';
import * as luoshi from '../src/index.js';

describe('library API', () => {
  it('reads, identifies, extracts and checks with the same objects the CLI prints', async () => {
    const text = [
      '某某市政府工作报告',
      '——2024年1月10日在某某市第十届人民代表大会第三次会议上',
      '一、2023年工作回顾',
      '全年地区生产总值预计增长6%，固定资产投资增长5%。',
      '二、2024年主要目标和重点工作',
      '主要预期目标是：地区生产总值增长6.5%左右，固定资产投资增长5%以上。',
    ].join('\n');
    const r = await luoshi.processBytes('r.txt', Buffer.from(text));
    expect(luoshi.isFailure(r)).toBe(false);
    if (luoshi.isFailure(r)) return;
    const [doc] = r.documents;
    expect(doc.identity.report_year?.value).toBe(2024);
    expect(doc.targets.map((t) => t.text)).toEqual(['地区生产总值增长6.5%左右', '固定资产投资增长5%以上']);
    const json = luoshi.fileJson(r);
    expect(json.documents[0].targets[0]).toEqual(doc.targets[0]);
    const failure = await luoshi.processBytes('empty.txt', new Uint8Array());
    expect(luoshi.isFailure(failure) && failure.error).toBe('empty file (0 bytes)');
  });
});
