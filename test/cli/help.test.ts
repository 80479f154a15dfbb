/**
 * `--help` speaks the user's language: Chinese under a Chinese locale,
 * English otherwise, with every command, argument and option described in both.
 */
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { cliLanguage } from '../../src/cli/locale.js';
import { buildProgram } from '../../src/cli/program.js';
import { luoshi } from './run.js';

const CJK = /[\u4e00-\u9fff]/;

describe('the locale', () => {
  it.each([
    [{ LANG: 'zh_CN.UTF-8' }, 'zh'],
    [{ LANG: 'zh_TW' }, 'zh'],
    [{ LANG: 'zh' }, 'zh'],
    [{ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }, 'zh'],
    [{ LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.GB18030' }, 'zh'],
    [{ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }, 'en'],
    [{ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' }, 'en'],
    [{ LANG: 'zu_ZA.UTF-8' }, 'en'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{}, 'en'],
  ])('%j → %s', (env, lang) => {
    expect(cliLanguage(env)).toBe(lang);
  });
});

/** Every described thing of a command and its subcommands: [where, description]. */
function descriptions(cmd: Command, path = 'luoshi'): [string, string][] {
  const help = cmd.createHelp();
  const out: [string, string][] = [[path, cmd.description()]];
  for (const a of help.visibleArguments(cmd)) out.push([`${path} <${a.name()}>`, a.description]);
  for (const o of help.visibleOptions(cmd)) out.push([`${path} ${o.long ?? o.flags}`, o.description]);
  for (const c of help.visibleCommands(cmd)) {
    if (c.name() === 'help') out.push([`${path} help`, c.description()]);
    else out.push(...descriptions(c, `${path} ${c.name()}`));
  }
  return out;
}

describe('descriptions', () => {
  const zh = descriptions(buildProgram('zh'));
  const en = new Map(descriptions(buildProgram('en')));

  it('cover every command, argument and option in both languages', () => {
    expect(zh.length).toBeGreaterThan(100);
    expect([...en.keys()]).toEqual(zh.map(([where]) => where));
    for (const [where, text] of zh) {
      expect(text, where).toMatch(CJK);
      expect(en.get(where), where).toMatch(/[a-z]{3}/);
      expect(en.get(where), where).not.toBe(text);
    }
  });
});

describe.concurrent('luoshi --help', () => {
  it('is Chinese under a Chinese locale', async () => {
    const r = await luoshi(['--help'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法：luoshi \[options\] \[command\]\n/);
    const commands = r.stdout.slice(r.stdout.indexOf('命令：\n') + 4).split('\n').filter((l) => /^ {2}\S/.test(l));
    expect(commands.map((l) => l.trim().split(' ')[0])).toEqual(['extract', 'import', 'reports', 'search', 'targets', 'outcomes', 'commitments', 'check', 'scorecards', 'compare', 'cascade', 'draft-review', 'remove', 'admin', 'serve', 'get', 'help']);
    for (const line of commands) expect(line).toMatch(CJK);
  });

  it('is Chinese for a command when LC_ALL says so over an English LANG', async () => {
    const r = await luoshi(['search', '--help'], { env: { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('选项：');
    expect(r.stdout).toContain('参数：');
    expect(r.stdout).toMatch(/--limit <n> +最多返回的报告数（1–10000）（默认：20）/);
  });

  it('is English otherwise', async () => {
    const r = await luoshi(['admin', 'reset', '--help'], { env: { LANG: 'zh_CN.UTF-8', LC_ALL: 'C' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: luoshi admin reset \[options\]\n/);
    expect(r.stdout).toContain('Options:');
    expect(r.stdout).not.toMatch(CJK);
  });
});
