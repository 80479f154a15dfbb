import { describe, expect, it } from 'vitest';
import { waitSeconds } from '../../src/accounts/attempts.js';
import { hashPassword, verifyPassword } from '../../src/accounts/auth.js';
import { deadlineFor, parseDeadline } from '../../src/ledger/deadline.js';
import { computeLight, DEFAULT_LIGHT_RULES, lightRules, type LightInput } from '../../src/ledger/lights.js';
import { availableActions, IllegalTransition, mayTake, nextState } from '../../src/ledger/workflow.js';
import { escapeHtml, progressHtml } from '../../src/ledger/views.js';

describe('deadline phrases', () => {
  const cases: [string, string][] = [
    ['年内', '2023-12-31'],
    ['全年', '2023-12-31'],
    ['年底前', '2023-12-31'],
    ['上半年', '2023-06-30'],
    ['下半年', '2023-12-31'],
    ['6月底前', '2023-06-30'],
    ['六月底前', '2023-06-30'],
    ['2月底', '2023-02-28'],
    ['9月30日前', '2023-09-30'],
    ['十二月十五日前', '2023-12-15'],
    ['三季度末', '2023-09-30'],
    ['第一季度', '2023-03-31'],
    ['“十四五”期间', '2025-12-31'],
    ['十三五末', '2020-12-31'],
    ['2024年', '2024-12-31'],
    ['2024年6月底前', '2024-06-30'],
    ['明年上半年', '2024-06-30'],
  ];
  it.each(cases)('%s → %s', (phrase, date) => {
    expect(parseDeadline(phrase, 2023)?.date).toBe(date);
  });
  it('falls back to the end of the plan year', () => {
    expect(parseDeadline(undefined, 2023)).toBeUndefined();
    expect(parseDeadline('尽快', 2023)).toBeUndefined();
    expect(deadlineFor(undefined, 2023)).toMatchObject({ date: '2023-12-31', rule: expect.stringMatching(/no deadline/) });
    expect(deadlineFor('2月30日前', 2024).date).toBe('2024-02-29');
  });
});

describe('workflow', () => {
  it('walks the whole path', () => {
    let s = nextState('draft', 'assign');
    for (const a of ['accept', 'start', 'request_completion', 'review', 'close'] as const) s = nextState(s, a);
    expect(s).toBe('closed');
  });
  it('sends back and handles extensions', () => {
    expect(nextState('completion_requested', 'send_back')).toBe('in_progress');
    expect(nextState('under_review', 'send_back')).toBe('in_progress');
    expect(nextState('in_progress', 'request_extension', false)).toBe('in_progress');
    expect(nextState('in_progress', 'refuse_extension', true)).toBe('in_progress');
    expect(nextState('accepted', 'approve_extension', true)).toBe('accepted');
  });
  it('refuses illegal transitions', () => {
    expect(() => nextState('draft', 'close')).toThrow(IllegalTransition);
    expect(() => nextState('assigned', 'request_completion')).toThrow(/cannot request_completion a task that is assigned/);
    expect(() => nextState('closed', 'send_back')).toThrow(IllegalTransition);
    expect(() => nextState('closed', 'assign')).toThrow(IllegalTransition);
    expect(() => nextState('in_progress', 'approve_extension', false)).toThrow(/no extension request is pending/);
    expect(() => nextState('in_progress', 'request_extension', true)).toThrow(/already pending/);
    expect(() => nextState('completion_requested', 'close')).toThrow(IllegalTransition);
  });
  it('knows who may act', () => {
    expect(mayTake('unit_officer', 'accept')).toBe(true);
    expect(mayTake('unit_officer', 'close')).toBe(false);
    expect(mayTake('leader', 'assign')).toBe(false);
    expect(availableActions('in_progress', 'unit_officer', false)).toEqual(['request_completion', 'request_extension']);
    expect(availableActions('in_progress', 'supervisor', true)).toEqual(['request_completion', 'approve_extension', 'refuse_extension']);
  });
});

describe('lights', () => {
  const base: LightInput = { state: 'in_progress', deadline: '2023-06-30', assignedAt: '2023-03-01T00:00:00Z', lastProgressAt: null, figureTarget: null, figureReached: null };
  const at = (s: string) => new Date(s);
  it('green well before the deadline', () => {
    expect(computeLight(base, DEFAULT_LIGHT_RULES, at('2023-05-01T00:00:00+08:00')).light).toBe('green');
  });
  it('yellow within 7 days without a report in 30 days, green with one', () => {
    expect(computeLight(base, DEFAULT_LIGHT_RULES, at('2023-06-25T12:00:00+08:00')).light).toBe('yellow');
    expect(computeLight({ ...base, lastProgressAt: '2023-06-10T00:00:00Z' }, DEFAULT_LIGHT_RULES, at('2023-06-25T12:00:00+08:00')).light).toBe('green');
    expect(computeLight({ ...base, lastProgressAt: '2023-05-10T00:00:00Z' }, DEFAULT_LIGHT_RULES, at('2023-06-25T12:00:00+08:00')).light).toBe('yellow');
  });
  it('red when overdue and not closed; the deadline day itself counts (China time)', () => {
    expect(computeLight(base, DEFAULT_LIGHT_RULES, at('2023-06-30T23:59:00+08:00')).light).toBe('yellow');
    const r = computeLight(base, DEFAULT_LIGHT_RULES, at('2023-07-01T00:00:01+08:00'));
    expect(r).toMatchObject({ light: 'red', overdue: true });
    expect(computeLight({ ...base, state: 'closed' }, DEFAULT_LIGHT_RULES, at('2023-08-01T00:00:00Z')).light).toBe('green');
  });
  it('configurable: missed reporting cycles and lagging figures', () => {
    const rules = lightRules({ reportingCycleDays: 30, yellowAfterMissedCycles: 1, redAfterMissedCycles: 2, yellowWithinDays: 0 });
    const t = { ...base, deadline: '2023-12-31' };
    expect(computeLight(t, rules, at('2023-03-20T00:00:00Z')).light).toBe('green');
    expect(computeLight(t, rules, at('2023-04-15T00:00:00Z')).light).toBe('yellow');
    expect(computeLight(t, rules, at('2023-05-15T00:00:00Z')).light).toBe('red');
    const lag = lightRules({ behindScheduleBy: 0.25 });
    const fig = { ...t, figureTarget: 100, figureReached: 10, lastProgressAt: '2023-09-01T00:00:00Z' };
    expect(computeLight(fig, lag, at('2023-09-15T00:00:00Z')).light).toBe('yellow');
    expect(computeLight({ ...fig, figureReached: 70 }, lag, at('2023-09-15T00:00:00Z')).light).toBe('green');
    expect(() => lightRules({ yellowWithinDays: -1 })).toThrow();
  });
});

describe('auth helpers', () => {
  it('hashes passwords with scrypt and verifies them', async () => {
    const h = await hashPassword('correct horse');
    expect(h).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('correct horse', h)).toBe(true);
    expect(await verifyPassword('wrong horse', h)).toBe(false);
    expect(await hashPassword('correct horse')).not.toBe(h);
  });
  it('limits failures in a sliding window', () => {
    const policy = { max: 5, windowMs: 15 * 60_000, mode: 'window' } as const;
    const t0 = new Date('2023-01-01T00:00:00Z').getTime();
    const failures = Array.from({ length: 5 }, (_, i) => t0 + i * 1000);
    expect(waitSeconds(failures, policy, t0 + 5000)).toBeGreaterThan(0);
    expect(waitSeconds(failures, policy, t0 + 15 * 60_000 + 1)).toBe(0);
  });
});

describe('printable HTML', () => {
  it('escapes every cell', () => {
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
    const html = progressHtml('<t>', [{ seq: 1, id: 7, title: '<img src=x onerror=alert(1)>', lead_unit: 'A&B', lead_leader: '', responsible_units: '', deadline: '2023-12-31', progress: '"', state: 'in_progress', light: 'red' }]);
    expect(html).not.toContain('<img');
    // The light is a colour that survives printing, its name in the cell.
    expect(html).toContain('<td class="light-red">红灯</td>');
    expect(html).toMatch(/\.light-red\{background:#[0-9A-F]{6}\}/);
    expect(html).toContain('print-color-adjust:exact');
    expect(html).toContain('<td>办理中</td>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<title>&lt;t&gt;</title>');
  });
});
