/**
 * The language of the command line: Chinese when the user's locale is
 * Chinese, English otherwise. It words the help, the catalogued error
 * messages (src/messages.ts; scripts branch on the --json envelope's `code`,
 * which never changes) and the headers and values of CSV and XLSX output.
 */
export type Lang = 'zh' | 'en';

/**
 * POSIX precedence for messages: LC_ALL overrides LC_MESSAGES, which
 * overrides LANG; the first one set (non-empty) decides. `zh`, `zh_CN.UTF-8`,
 * `zh_TW`, `zh-Hans` are all Chinese; `C`, `POSIX`, `en_US.UTF-8` are not.
 */
export function cliLanguage(env: Readonly<Record<string, string | undefined>> = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh(?:[_.@-]|$)/i.test(locale) ? 'zh' : 'en';
}
