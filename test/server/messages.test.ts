/**
 * Every message a person reads, in their language: the API answers in the
 * request's (Accept-Language, Chinese first, English on `en`) with a stable
 * code; an error not yet catalogued is the code's sentence in Chinese with
 * the server's English as `detail`. The CLI words them by the locale.
 */
import { describe, expect, it } from 'vitest';
import { MESSAGES, msg, requestLang, say, unreadableKey } from '../../src/messages.js';
import { body } from '../ledger/client.js';
import { addAccount, admin, signedIn, world } from '../ledger/fixtures.js';
import { join } from 'node:path';
import { luoshi, tempDir } from '../cli/run.js';

describe('the message catalogue', () => {
  it('picks the language from Accept-Language: Chinese first, English when English comes first', () => {
    expect(requestLang(undefined)).toBe('zh');
    expect(requestLang('')).toBe('zh');
    expect(requestLang('en')).toBe('en');
    expect(requestLang('en-US,en;q=0.9')).toBe('en');
    expect(requestLang('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(requestLang('en;q=0.5, zh-TW')).toBe('zh');
    expect(requestLang('fr-FR, en;q=0.7')).toBe('en');
    expect(requestLang('de')).toBe('zh');
    expect(requestLang('zh;q=0, en')).toBe('en');
  });

  it('fills in the values, in both languages, and names no value it was not given', () => {
    expect(say(msg('report.none', { place: '火星市', year: 2023 }), 'en')).toBe('no stored report of 火星市 for 2023');
    expect(say(msg('report.none', { place: '火星市', year: 2023 }), 'zh')).toBe('库中没有火星市 2023年的报告。');
    expect(say(msg('http.no_endpoint'), 'zh')).toBe('没有这个接口：{path}');
    // Every Chinese sentence names only values its English one names (a Chinese form `x_zh` of `x`; `names`, the fields without zod's English).
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1].replace(/_zh$/, '').replace(/^names$/, 'fields')).sort();
    for (const [key, [zh, en]] of Object.entries(MESSAGES)) expect(names(zh).every((n) => names(en).includes(n)), key).toBe(true);
  });

  it('knows why a file was unreadable from the reader\'s reason', () => {
    expect(unreadableKey('not a text document: a PDF file (convert it to text or .docx first)')).toBe('unreadable.pdf');
    expect(unreadableKey('scan.pdf: not a text document: a PDF file')).toBe('unreadable.pdf');
    expect(unreadableKey('empty file (0 bytes)')).toBe('unreadable.empty');
    expect(unreadableKey('binary data, not text (control bytes in the first 64 KiB)')).toBe('unreadable.binary');
    expect(unreadableKey('no Chinese text (decoded as utf-8); a work report is written in Chinese')).toBe('unreadable.no_chinese');
    expect(unreadableKey('the reader ran out of time')).toBeUndefined();
  });
});

describe('API errors in the request\'s language', () => {
  it('says a missing report, a role refused, an unreadable file and a missing endpoint in Chinese, or in English on en', async () => {
    const w = await world('sqlite', '2024-03-01T09:00:00+08:00');
    const root = await admin(w);
    await addAccount(w, 'boss', 'leader');
    const leader = await signedIn(w, 'boss', '10.0.0.5');
    const zh = { 'accept-language': 'zh-CN,zh;q=0.9' };
    const en = { 'accept-language': 'en-US,en;q=0.9' };
    const get = (url: string, headers: Record<string, string>) => w.app({ method: 'GET', url, headers });

    const url = `/api/reports/choice?jurisdiction=${encodeURIComponent('火星市')}&year=2023`;
    let r = await get(url, zh);
    expect(r.status).toBe(404);
    expect(body(r).error).toMatchObject({ code: 'not_found', message: '库中没有火星市 2023年的报告。' });
    expect(r.headers['content-language']).toBe('zh-CN');
    expect(body(await get(url, {})).error.message).toBe('库中没有火星市 2023年的报告。');
    r = await get(url, en);
    expect(body(r).error).toMatchObject({ code: 'not_found', message: 'no stored report of 火星市 for 2023' });
    expect(body(r).error).not.toHaveProperty('detail');

    const check = body(await get(`/api/check?jurisdiction=${encodeURIComponent('火星市')}&year=2023`, zh)).error;
    expect(check).toMatchObject({ code: 'not_found', message: '库中没有火星市 2023年的报告（提出承诺的那一份）。' });

    // A leader may not import: the role by its name, and the roles that may.
    r = await leader.upload('r.txt', Buffer.from('政府工作报告'));
    expect(r.status).toBe(403);
    expect(body(r).error).toMatchObject({ code: 'role', message: '这一操作需要管理员或督查人员的角色；你的角色是领导。' });
    r = await w.app({ method: 'POST', url: '/api/import?filename=r.txt', headers: { ...leader.headers(true), ...en, 'content-type': 'application/octet-stream' }, body: Buffer.from('x') });
    expect(body(r).error.message).toBe('this needs the role admin or supervisor; you are leader');

    const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    r = await root.upload('scan.pdf', pdf);
    expect(r.status).toBe(422);
    expect(body(r).error).toMatchObject({ code: 'unreadable_file', message: '这是 PDF 文件：请先转成文字（纯文本或 Word .docx）再导入。', detail: expect.stringContaining('not a text document') });

    expect(body(await get('/api/nothing', zh)).error).toMatchObject({ code: 'not_found', message: '没有这个接口：/api/nothing' });
    expect(body(await get('/api/nothing', en)).error).toMatchObject({ code: 'not_found', message: 'no such endpoint: /api/nothing' });
    expect(body(await get('/api/search?q=a&sort=1', zh)).error).toMatchObject({ code: 'unknown_parameter', message: '链接中有无法识别的查询参数：sort' });
    expect(body(await get('/api/reports?level=planet', zh)).error).toMatchObject({ code: 'invalid_query', message: '链接中的查询条件有误：level' });
    expect(body(await get('/api/ledger/tasks', zh)).error).toMatchObject({ code: 'unauthenticated', message: '请先登录。' });
    expect(body(await get('/api/reports.csv?lang=fr', zh)).error).toMatchObject({ message: '无法识别的语言 fr（可用 zh 或 en）' });
  });
});

describe('the CLI in the locale\'s language', () => {
  it('says a missing report in Chinese under a Chinese locale, in English otherwise; the code stays', async () => {
    const args = ['check', '--jurisdiction', '火星市', '--year', '2023', '--db', join(tempDir(), 'empty.db')];
    const zh = await luoshi(args, { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(1);
    expect(zh.stderr).toBe('luoshi: 库中没有火星市 2023年的报告（提出承诺的那一份）。\n');
    const enJson = await luoshi([...args, '--json']);
    expect(enJson.stderr).toBe('luoshi: no stored report of 火星市 for 2023 (the plan report that set the promises)\n');
    expect(JSON.parse(enJson.stdout).error).toMatchObject({ code: 'not_found', status: 404 });
  });
});
