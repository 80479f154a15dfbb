import { describe, expect, it } from 'vitest';
import { addMonths, chinaDate, proposalStats, replyDeadline, replyStatus, type StatItem } from '../../src/proposals/rules.js';

describe('reply deadline and status rules', () => {
  it('adds calendar months and clamps to the end of a shorter month', () => {
    expect(addMonths('2023-03-01', 3)).toBe('2023-06-01');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29'); // leap year
    expect(addMonths('2022-11-30', 3)).toBe('2023-02-28');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-05-31', 1)).toBe('2024-06-30');
    expect(addMonths('2023-12-15', 3)).toBe('2024-03-15');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(() => addMonths('2023-02-30', 3)).toThrow(RangeError);
  });

  it('takes the months per kind from the settings, three by default', () => {
    expect(replyDeadline('2023-03-31', 'suggestion')).toBe('2023-06-30');
    expect(replyDeadline('2023-03-31', 'proposal')).toBe('2023-06-30');
    expect(replyDeadline('2023-03-31', 'proposal', { suggestion: 3, proposal: 2 })).toBe('2023-05-31');
    expect(replyDeadline('2023-12-31', 'suggestion', { suggestion: 2, proposal: 3 })).toBe('2024-02-29');
  });

  it('reads the day in China, not in UTC', () => {
    expect(chinaDate(new Date('2023-06-30T16:30:00Z'))).toBe('2023-07-01');
    expect(chinaDate(new Date('2023-06-30T15:59:59Z'))).toBe('2023-06-30');
  });

  it('tells on-time, late, open, overdue and unassigned apart', () => {
    const item = { assigned_at: '2023-03-01', reply_deadline: '2023-06-01' };
    expect(replyStatus({ ...item, replied_at: '2023-06-01' }, '2023-09-01')).toBe('on_time');
    expect(replyStatus({ ...item, replied_at: '2023-06-02' }, '2023-09-01')).toBe('late');
    expect(replyStatus({ ...item, replied_at: null }, '2023-06-01')).toBe('open');
    expect(replyStatus({ ...item, replied_at: null }, '2023-06-02')).toBe('open_overdue');
    expect(replyStatus({ assigned_at: null, reply_deadline: null, replied_at: null }, '2023-06-02')).toBe('unassigned');
  });

  it('computes the figures of a small example by hand', () => {
    const base = { year: 2023, kind: 'suggestion' as const, assigned_at: '2023-03-01', reply_deadline: '2023-06-01', assist_unit_ids: [] as number[] };
    const items: StatItem[] = [
      { ...base, lead_unit_id: 1, replied_at: '2023-05-01', satisfaction: 'satisfied', assist_unit_ids: [2, 1] },
      { ...base, lead_unit_id: 1, replied_at: '2023-07-01', satisfaction: 'dissatisfied' },
      { ...base, lead_unit_id: 1, replied_at: null, satisfaction: null },
      { ...base, kind: 'proposal', lead_unit_id: 2, replied_at: '2023-04-01', satisfaction: 'basically' },
      { ...base, kind: 'proposal', lead_unit_id: null, assigned_at: null, reply_deadline: null, replied_at: null, satisfaction: null },
    ];
    const s = proposalStats(items, [{ id: 1, name: 'X' }, { id: 2, name: 'Y' }], '2023-08-01');
    const [x, y, none] = s.units;
    // X: 3 led; replied 2 (办结率 2/3), on time 1 (按期 1/3); rated 2, 满意 1 → 满意率 1/2.
    expect(x).toMatchObject({ unit: 'X', total: 3, replied: 2, replied_on_time: 1, replied_late: 1, open_overdue: 1, completion_rate: 0.6667, on_time_rate: 0.3333, satisfaction_rate: 0.5, fully_satisfied_rate: 0.5, assisting: 0 });
    // Y: 1 led, on time, 基本满意 → 满意率 1/1, 满意占比 0/1; assists item 1 (a unit never assists its own item).
    expect(y).toMatchObject({ unit: 'Y', total: 1, completion_rate: 1, on_time_rate: 1, satisfaction_rate: 1, fully_satisfied_rate: 0, assisting: 1 });
    expect(none).toMatchObject({ unit_id: null, unit: '（未交办）', total: 1, unassigned: 1, completion_rate: 0, satisfaction_rate: null });
    // All 5: replied 3/5, on time 2/5; rated 3, 满意 + 基本满意 = 2 → 2/3.
    expect(s.total).toMatchObject({ total: 5, replied: 3, completion_rate: 0.6, on_time_rate: 0.4, rated: 3, satisfaction_rate: 0.6667, fully_satisfied_rate: 0.3333 });
    expect(s.groups.map((g) => [g.year, g.kind, g.total])).toEqual([[2023, 'suggestion', 3], [2023, 'proposal', 2]]);
    expect(proposalStats([], [], '2023-08-01').total).toMatchObject({ total: 0, completion_rate: null, satisfaction_rate: null });
  });
});
