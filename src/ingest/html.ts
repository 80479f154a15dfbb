/**
 * HTML → text that keeps paragraph breaks and drops markup and non-content
 * elements. Character entities are left for the normalise pass, which also
 * meets them in plain-text files; so every text unit keeps its own offset.
 *
 * htmlparser2's Tokenizer does the lexing (tags, comments, raw-text elements
 * such as <script>); the open-element stack is kept here rather than by its
 * Parser, whose stack looks up every end tag from the top and so made pages
 * of unclosed elements with stray end tags quadratic (1.8 MB took 15 s,
 * issue 15). Here an end tag whose element is not open costs one map look-up,
 * and every element is pushed and popped once: linear in the page, whatever
 * its nesting, so no depth limit is needed.
 */
import { MappedTextBuilder, originAt, type MappedText } from './mapped-text.js';
import { tokenizer as makeTokenizer } from './tokens.js';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'select', 'option', 'button', 'svg', 'canvas', 'head']);
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'table', 'ul', 'ol',
  'blockquote', 'pre', 'hr', 'title', 'header', 'footer', 'nav', 'aside', 'main', 'dd', 'dt', 'dl', 'center', 'body',
]);
/** Elements without content: never on the stack. */
const VOID = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link',
  'meta', 'param', 'source', 'track', 'wbr',
]);
const FORM_CONTROLS = new Set(['select', 'option', 'optgroup', 'button']);
/**
 * Opening these closes an element still open on top of the stack (the HTML
 * rules that decide whether text is skipped): <body> ends an unclosed <head>,
 * an <option> the previous one, a form control the one before it.
 */
const IMPLIES_CLOSE: Readonly<Record<string, ReadonlySet<string>>> = {
  body: new Set(['head']),
  option: new Set(['option']),
  optgroup: new Set(['optgroup', 'option']),
  select: FORM_CONTROLS,
  button: FORM_CONTROLS,
};

const TAG_HINT = /<\/?(?:p|div|br|span|html|body|table|td|tr|li|font|strong|h[1-6])\b[^>]{0,200}>/gi;

/** True when text that came in a .txt file is really HTML (a saved fragment). */
export function looksLikeHtml(text: string): boolean {
  const sample = text.slice(0, 200_000);
  const tags = sample.match(TAG_HINT)?.length ?? 0;
  return tags >= 5 || /^\s*<!doctype html|^\s*<html/i.test(sample);
}

export function htmlToText(src: MappedText): MappedText {
  const text = src.text;
  const b = new MappedTextBuilder(text.length);
  const stack: string[] = [];
  /** How many times each name is on the stack. */
  const open = new Map<string, number>();
  let skipping = 0;
  let current = '';

  const breakAt = (index: number) => b.pushConst('\n', originAt(src, Math.max(0, index)));
  const push = (name: string) => {
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (SKIP.has(name)) skipping++;
  };
  const pop = (): string => {
    const name = stack.pop()!;
    open.set(name, open.get(name)! - 1);
    if (SKIP.has(name)) skipping--;
    return name;
  };
  /** Pops up to and including the innermost open `name`; true when a block ended. */
  const closeTo = (name: string): boolean => {
    let block = false;
    for (;;) {
      const top = pop();
      block ||= BLOCK.has(top);
      if (top === name) return block;
    }
  };

  const tokenizer = makeTokenizer('html', {
    onopentagname(start, end) {
      const name = text.slice(start, end).toLowerCase();
      const implied = IMPLIES_CLOSE[name];
      while (implied && stack.length && implied.has(stack[stack.length - 1])) pop();
      current = name;
      if (!VOID.has(name)) push(name);
      if (BLOCK.has(name)) breakAt(start - 1);
      else if (name === 'td' || name === 'th') b.pushConst(' ', originAt(src, start - 1));
    },
    onselfclosingtag() {
      // <iframe/>, <div/>: closed where opened (recognizeSelfClosing)
      if (!VOID.has(current) && stack[stack.length - 1] === current) pop();
    },
    onclosetag(start, end) {
      const name = text.slice(start, end).toLowerCase();
      if (open.get(name)) {
        if (closeTo(name)) breakAt(start - 2);
      } else if (name === 'br' || name === 'p') {
        breakAt(start - 2); // </br> and a stray </p> still break the line
      }
    },
    ontext(start, end) {
      if (skipping === 0) b.pushSlice(src, start, end);
    },
  });
  tokenizer.write(text);
  tokenizer.end();
  return b.build(src.end);
}
