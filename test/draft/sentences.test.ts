/** The title rules of the draft, each on sentences written for the test. */
import { describe, expect, it } from 'vitest';
import { aroundFigure, figure, reportTitle } from '../../src/draft/sentences.js';

describe('reportTitle', () => {
  it.each([
    ['③新建社区食堂12个', '新建社区食堂12个'],
    ['（2）完成旧村改造9处', '完成旧村改造9处'],
    ['4.建成乡镇污水站7座', '建成乡镇污水站7座'],
    ['力争外贸进出口增长6%', '外贸进出口增长6%'],
    ['确保新增就业岗位2000个', '新增就业岗位2000个'],
    ['全年新增\n规上企业 15户', '全年新增规上企业15户'],
    // A decimal at the start is a figure, not a list marker.
    ['3.5万户完成改厕', '3.5万户完成改厕'],
  ])('%s → %s', (title, out) => expect(reportTitle(title)).toBe(out));
});

describe('aroundFigure', () => {
  it('splits a title around its planned figure', () => {
    expect(aroundFigure('新建社区食堂12个', 12, '个')).toEqual({ before: '新建社区食堂', after: '' });
    expect(aroundFigure('铺设燃气管道8.5公里并投入使用', 8.5, '公里')).toEqual({ before: '铺设燃气管道', after: '并投入使用' });
  });
  it('drops the bound after the figure with it', () => {
    expect(aroundFigure('造林绿化3万亩以上', 3, '万亩')).toEqual({ before: '造林绿化', after: '' });
    expect(aroundFigure('外贸进出口增长6%左右', 6, '%')).toEqual({ before: '外贸进出口增长', after: '' });
  });
  it('leaves titles where the figure reached would not read in its place', () => {
    expect(aroundFigure('城镇登记失业率控制在5%', 5, '%')).toBeNull(); // a bound before
    expect(aroundFigure('空气优良天数比例不低于85%', 85, '%')).toBeNull();
    expect(aroundFigure('新建棚室15个', 5, '个')).toBeNull(); // 5 is the tail of 15
    expect(aroundFigure('每镇建成2-3个示范村', 3, '个')).toBeNull(); // a range
    expect(aroundFigure('新建学校2所、改建学校2所', 2, '所')).toBeNull(); // written twice
    expect(aroundFigure('推进老旧小区改造', 30, '个')).toBeNull(); // not written
  });
});

describe('figure', () => {
  it('writes figures without float noise', () => {
    expect(figure(0.1 + 0.2)).toBe('0.3');
    expect(figure(32.95)).toBe('32.95');
    expect(figure(1200)).toBe('1200');
  });
});
