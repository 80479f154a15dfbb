import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { sourceFromBytes, spanOf, type Source } from '../../src/ingest/source.js';

export function utf8(s: string): Buffer {
  return Buffer.from(s, 'utf8');
}

export function encode(s: string, enc: string): Buffer {
  return iconv.encode(s, enc);
}

export function read(name: string, bytes: Uint8Array): Promise<Source> {
  return sourceFromBytes(name, bytes);
}

/** The original bytes behind text[start..end). */
export function bytesBehind(src: Source, bytes: Uint8Array, start: number, end: number): Buffer {
  const span = spanOf(src, start, end);
  return Buffer.from(bytes.subarray(span.sourceStart, span.sourceEnd));
}

/** A minimal .docx with one paragraph per string. */
export async function makeDocx(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}
