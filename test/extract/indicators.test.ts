import { describe, expect, it } from 'vitest';
import { resolveName } from '../../src/extract/indicators.js';

describe('resolveName', () => {
  it('resolves a listed name, an alias and a name outside the lexicon', () => {
    expect(resolveName('地区生产总值')).toBe('gdp');
    expect(resolveName('规上工业增加值')).toBe('industrial_value_added');
    expect(resolveName('旅游接待人次')).toBe('other:旅游接待人次');
  });

  it('reads a name that is also a property of every object as any other name', () => {
    // a clause of scraped text can hold anything: the name tables are maps, not objects with a prototype
    expect(resolveName('constructor')).toBe('other:constructor');
    expect(resolveName('toString')).toBe('other:toString');
    expect(resolveName('__proto__')).toBe('other:__proto__');
  });
});
