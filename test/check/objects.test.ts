import { describe, expect, it } from 'vitest';
import { commonRun, objectMatch, objectOf, promiseObject, tierOf } from '../../src/check/objects.js';

describe('the object a task counts', () => {
  it.each([
    ['新建（改扩建）24个街心游园', '街心游园'],
    ['年内完成绿色工厂认定不少于6家', '绿色工厂'],
    ['改造城南小区等9个老旧小区', '老旧小区'],
    ['提级新建高标准农田12万亩', '高标准农田'],
    ['实施15个老旧小区改造项目', '老旧小区'],
    ['开展职业技能培训2万人次', '职业技能培训'],
    ['投资3.2亿元启动实施园区管网建设项目', '园区管网'],
    ['全年计划新开工3000万元以上项目60个', '3000万元以上项目'],
    ['经开区完成投资85亿元以上', '经开区完成投资'],
    ['完成投资40亿元', '投资'],
    ['争取10家央企三四级子公司落户', '央企三四级子公司落户'],
    ['48个在建项目竣工投产', '项目'],
    ['财政今年再安排60亿元灾后重建资金', '灾后重建资金'],
    ['推进总投资90亿元的20个省、市重点项目建设', '省市重点'],
  ])('%s → %s', (text, object) => {
    expect(objectOf(text)).toBe(object);
  });

  it('takes the noun a list leaves out from the fragment before', () => {
    const sentence = '建设60个美丽庭院示范村、30个以上通过市级验收。';
    expect(promiseObject('30个以上通过市级验收', sentence)).toBe('市级美丽庭院示范村');
    // a share names its part in the fragment before
    expect(promiseObject('占地区生产总值比重达到40%', '服务业增加值达到800亿元、占地区生产总值比重达到40%。')).toBe('服务业增加值占地区生产总值比重');
    // a fragment with an object of its own keeps it
    expect(promiseObject('新增学位2000个', '新建学校3所、新增学位2000个。')).toBe('学位');
  });

  it('reads the tier of a designation', () => {
    expect(tierOf('省级示范家庭农场')).toBe('省');
    expect(tierOf('市级以上示范家庭农场')).toBe('市以上');
    expect(tierOf('国家科技型中小企业')).toBe('国家');
    expect(tierOf('市场主体')).toBeUndefined();
  });

  it('matches containment, inserted modifiers and shared wording, never different numerals', () => {
    expect(objectMatch('老旧小区', '城镇老旧小区')).toMatchObject({ head: true });
    expect(objectMatch('老旧小区', '城镇老旧小区').score).toBeGreaterThanOrEqual(0.9);
    expect(objectMatch('充电桩', '公共充电桩').score).toBeGreaterThanOrEqual(0.9);
    expect(objectMatch('5G基站', '5G通信基站').score).toBeGreaterThanOrEqual(0.9);
    expect(objectMatch('百村示范村', '千村示范村').score).toBe(0);
    // a found subject with more words than the promise weighs less than an exact one
    expect(objectMatch('投资', '固定资产投资').score).toBeLessThan(objectMatch('投资', '投资').score);
    expect(objectMatch('参保率', '率').score).toBe(0);
    // an inserted modifier is a short one; a long phrase that merely holds the characters is not a container
    expect(objectMatch('城镇化率', '城市污水集中处理率和生活垃圾无害化处理率').score).toBeLessThan(0.5);
    // most words shared but another measure before the same head: a neighbouring category at most
    expect(objectMatch('国有单位技术改造投资', '国有单位固定资产投资').score).toBeLessThan(0.55);
  });

  it('finds the longest shared run', () => {
    expect(commonRun('新型建材产业园区', '规划建设绿色建材产业园')).toBe('建材产业园');
  });
});
