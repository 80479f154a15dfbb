/**
 * HTML → text that keeps paragraph breaks and drops markup and non-content
 * elements. Character entities are left for the normalise pass, which also
 * meets them in plain-text files; so every text unit keeps its own offset.
 */
import { Parser } from 'htmlparser2';
import { MappedTextBuilder, originAt, type MappedText } from './mapped-text.js';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'select', 'option', 'button', 'svg', 'canvas', 'head']);
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'table', 'ul', 'ol',
  'blockquote', 'pre', 'hr', 'title', 'header', 'footer', 'nav', 'aside', 'main', 'dd', 'dt', 'dl', 'center', 'body',
]);

const TAG_HINT = /<\/?(?:p|div|br|span|html|body|table|td|tr|li|font|strong|h[1-6])\b[^>]{0,200}>/gi;

/** True when text that came in a .txt file is really HTML (a saved fragment). */
export function looksLikeHtml(text: string): boolean {
  const sample = text.slice(0, 200_000);
  const tags = sample.match(TAG_HINT)?.length ?? 0;
  return tags >= 5 || /^\s*<!doctype html|^\s*<html/i.test(sample);
}

export function htmlToText(src: MappedText): MappedText {
  const b = new MappedTextBuilder(src.text.length);
  let skipDepth = 0;
  const skipStack: string[] = [];
  const breakAt = (index: number) => b.pushConst('\n', originAt(src, index));
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) {
          skipDepth++;
          skipStack.push(name);
        }
        if (BLOCK.has(name)) breakAt(parser.startIndex);
        else if (name === 'td' || name === 'th') b.pushConst(' ', originAt(src, parser.startIndex));
      },
      onclosetag(name) {
        if (skipStack.length && skipStack[skipStack.length - 1] === name) {
          skipStack.pop();
          skipDepth--;
        }
        if (BLOCK.has(name)) breakAt(parser.startIndex);
      },
      ontext(data) {
        if (skipDepth > 0) return;
        const start = parser.startIndex;
        b.pushSlice(src, start, start + data.length);
      },
    },
    { decodeEntities: false, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(src.text);
  parser.end();
  return b.build(src.end);
}
