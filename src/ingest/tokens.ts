/**
 * htmlparser2's Tokenizer with only the callbacks a reader needs: HTML text
 * (html.ts) and the counting pass over .docx XML (docx.ts) each listen to a
 * few token kinds and ignore the rest. Entities are never decoded here.
 */
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

const IGNORED: TokenizerCallbacks = {
  onattribdata() {},
  onattribentity() {},
  onattribend() {},
  onattribname() {},
  oncdata() {},
  onclosetag() {},
  oncomment() {},
  ondeclaration() {},
  onend() {},
  onopentagend() {},
  onopentagname() {},
  onprocessinginstruction() {},
  onselfclosingtag() {},
  ontext() {},
  ontextentity() {},
};

export function tokenizer(mode: 'html' | 'xml', callbacks: Partial<TokenizerCallbacks>): Tokenizer {
  return new Tokenizer({ xmlMode: mode === 'xml', decodeEntities: false }, { ...IGNORED, ...callbacks });
}
