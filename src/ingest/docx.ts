/**
 * .docx → raw text, bounded. mammoth reads the document (its text is what
 * `docx-text` offsets count), but only after the archive has been read here
 * with yauzl, each XML part inflated no further than the size its header
 * declares, and every part counted (bytes, elements, paragraphs, nesting)
 * against ReadLimits. mammoth then reads exactly the parts that were checked:
 * it never inflates anything, and no difference between two ZIP readers'
 * view of a crafted archive can slip a part past the limits.
 */
import { inflateRawSync } from 'node:zlib';
import type { Tokenizer } from 'htmlparser2';
import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { ReadLimitExceeded, UnreadableInputError } from './diagnostics.js';
import type { ReadLimits } from './limits.js';
import { tokenizer } from './tokens.js';

export interface DocxText {
  readonly text: string;
  /** mammoth's warnings (unknown elements and the like). */
  readonly messages: string[];
}

/** The parts mammoth reads are XML: the main document, notes, comments, styles, numbering, relationships. */
const XML_PART = /\.(?:xml|rels)$/i;
/** Bytes of a part handed to the XML counter at a time. */
const COUNT_SLICE = 1 << 20;

export async function readDocxText(file: string, bytes: Uint8Array, limits: ReadLimits): Promise<DocxText> {
  const parts = await inflateXmlParts(file, bytes, limits);
  try {
    const result = await mammoth.extractRawText(checkedArchive(parts));
    return { text: result.value, messages: result.messages.map((m) => m.message) };
  } catch (e) {
    throw new UnreadableInputError(file, `not a valid .docx: ${firstLine(e)}`, 'ingest/bad-docx');
  }
}

/**
 * What mammoth reads a .docx through (its `openZip` takes `{ file }` as well as `{ buffer }`): the
 * parts inflated and checked above, looked up by exact name as JSZip does. Handing them over as
 * they are spares packing them into a new archive (a CRC-32 of every byte in JavaScript) and
 * mammoth reading that archive back.
 */
interface DocxFile {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<string | Uint8Array>;
}

/** mammoth's input as its types declare it; `file` is the form its `openZip` also takes (lib/unzip.js), not in those types. */
type MammothInput = Parameters<typeof mammoth.extractRawText>[0];

function checkedArchive(parts: ReadonlyMap<string, Buffer>): MammothInput {
  const file: DocxFile = {
    exists: (name) => parts.has(name),
    read: async (name, encoding) => {
      const data = parts.get(name);
      // JSZip answers a missing name with null, and mammoth's read then fails: the same here
      if (!data) throw new Error(`no part named ${name} in the archive`);
      if (encoding === 'base64') return data.toString('base64');
      return encoding ? new TextDecoder(encoding).decode(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    },
  };
  return { file } as unknown as MammothInput;
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

/** Inflates every XML part, counting as it goes; throws at the first limit passed. */
async function inflateXmlParts(file: string, bytes: Uint8Array, limits: ReadLimits): Promise<Map<string, Buffer>> {
  let zip: yauzl.ZipFile;
  const archive = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    // validateEntrySizes: a stored part whose sizes disagree is refused from the directory
    zip = await yauzl.fromBufferPromise(archive, {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false,
      autoClose: false,
    });
  } catch (e) {
    throw new UnreadableInputError(file, `not a valid .docx: ${firstLine(e)}`, 'ingest/bad-docx');
  }
  const counter = new XmlCounter(file, limits);
  const parts = new Map<string, Buffer>();
  let expanded = 0;
  try {
    if (zip.entryCount > limits.maxArchiveEntries) {
      throw new ReadLimitExceeded(file, 'archive-entries', limits.maxArchiveEntries, zip.entryCount, `the archive holds ${zip.entryCount.toLocaleString('en')} entries`);
    }
    for await (const entry of readEntries(file, zip)) {
      if (!XML_PART.test(entry.fileName)) continue; // images and the like: never inflated
      if (parts.has(entry.fileName)) throw new UnreadableInputError(file, `not a valid .docx: two entries named ${entry.fileName}`, 'ingest/bad-docx');
      // What the headers declare is checked first, then what inflation actually gives.
      if (entry.uncompressedSize > limits.maxPartBytes) throw partTooLarge(file, entry.fileName, limits, entry.uncompressedSize);
      if (expanded + entry.uncompressedSize > limits.maxExpandedBytes) throw expandedTooLarge(file, limits, expanded + entry.uncompressedSize);
      const data = await inflateEntry(file, zip, archive, entry);
      expanded += data.length;
      if (expanded > limits.maxExpandedBytes) throw expandedTooLarge(file, limits, expanded);
      counter.startPart();
      // in slices, so that a part of too many elements is stopped early and no string of the whole part is made
      for (let at = 0; at < data.length; at += COUNT_SLICE) counter.write(data.subarray(at, at + COUNT_SLICE));
      counter.endPart();
      parts.set(entry.fileName, data);
    }
  } finally {
    zip.close();
  }
  return parts;
}

function partTooLarge(file: string, part: string, limits: ReadLimits, actual: number): ReadLimitExceeded {
  return new ReadLimitExceeded(file, 'part-size', limits.maxPartBytes, actual, `${part} expands to more than ${mib(limits.maxPartBytes)}`);
}

function expandedTooLarge(file: string, limits: ReadLimits, actual: number): ReadLimitExceeded {
  return new ReadLimitExceeded(file, 'expanded-size', limits.maxExpandedBytes, actual, `the document's XML expands to more than ${mib(limits.maxExpandedBytes)}`);
}

function mib(n: number): string {
  return `${(n / 1048576).toFixed(0)} MiB`;
}

/** The archive's entries one at a time (lazyEntries: the next is read only when asked for). */
async function* readEntries(file: string, zip: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  for (;;) {
    const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
      const onEntry = (e: yauzl.Entry) => done(() => resolve(e));
      const onEnd = () => done(() => resolve(null));
      const onError = (e: Error) => done(() => reject(new UnreadableInputError(file, `not a valid .docx: ${firstLine(e)}`, 'ingest/bad-docx')));
      const done = (then: () => void) => {
        zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
        then();
      };
      zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
      zip.readEntry();
    });
    if (!entry) return;
    yield entry;
  }
}

/**
 * One part's bytes, inflated at once with the size its header declares as the bound: zlib stops one
 * byte past it, so a part that lies about its size costs no more memory than it declared (already
 * checked against the limits). Synchronous on purpose: yauzl's streams inflate 16 KiB at a time on
 * the thread pool, and the reading thread sat idle between the chunks (~15 % of reading a .docx).
 */
async function inflateEntry(file: string, zip: yauzl.ZipFile, archive: Buffer, entry: yauzl.Entry): Promise<Buffer> {
  const bad = (why: string) => new UnreadableInputError(file, `not a valid .docx: ${entry.fileName}: ${why}`, 'ingest/bad-docx');
  if (entry.isEncrypted()) throw bad('the part is encrypted');
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw bad(`unsupported compression method ${entry.compressionMethod}`);
  let start: number;
  try {
    // checks the local header's signature and that the data lies within the archive
    start = (await zip.readLocalFileHeaderPromise(entry, { minimal: true })).fileDataStart;
  } catch (e) {
    throw bad(firstLine(e));
  }
  const raw = archive.subarray(start, start + entry.compressedSize);
  const declared = entry.uncompressedSize;
  let data: Buffer;
  if (entry.compressionMethod === 0) data = raw; // stored: yauzl compared its two sizes
  else {
    try {
      data = inflateRawSync(raw, { maxOutputLength: declared + 1 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw bad(`inflates to more bytes than its header says (expected ${declared})`);
      throw bad(firstLine(e));
    }
  }
  if (data.length !== declared) throw bad(`inflates to ${data.length} bytes, its header says ${declared} (expected ${declared})`);
  return data;
}

/**
 * Counts elements, paragraphs and nesting of XML as it streams in, with
 * htmlparser2's Tokenizer (linear, no tree). Names are looked up only for
 * paragraphs (`w:p`, `a:p`: local name `p`), in the last two chunks.
 */
class XmlCounter {
  private elements = 0;
  private paragraphs = 0;
  private depth = 0;
  private decoder = new TextDecoder('utf-8');
  private tokenizer!: Tokenizer;
  private chunk = '';
  private chunkStart = 0;
  private previous = '';

  constructor(
    private readonly file: string,
    private readonly limits: ReadLimits,
  ) {}

  startPart(): void {
    this.depth = 0;
    this.decoder = new TextDecoder('utf-8');
    this.chunk = '';
    this.previous = '';
    this.chunkStart = 0;
    const limits = this.limits;
    const file = this.file;
    this.tokenizer = tokenizer('xml', {
      onopentagname: (start, end) => {
        if (++this.elements > limits.maxXmlElements) {
          throw new ReadLimitExceeded(file, 'xml-elements', limits.maxXmlElements, this.elements, 'the document has too many XML elements');
        }
        if (++this.depth > limits.maxNesting) {
          throw new ReadLimitExceeded(file, 'nesting', limits.maxNesting, this.depth, 'the document nests elements too deeply');
        }
        if (end - start <= 16 && /^(?:[\w.-]+:)?p$/.test(this.slice(start, end)) && ++this.paragraphs > limits.maxParagraphs) {
          throw new ReadLimitExceeded(file, 'paragraphs', limits.maxParagraphs, this.paragraphs, 'the document has too many paragraphs');
        }
      },
      onselfclosingtag: () => {
        this.depth--;
      },
      onclosetag: () => {
        if (this.depth > 0) this.depth--;
      },
      ondeclaration: (start, end) => {
        // A document type can declare entities that expand exponentially; Word never writes one.
        if (/^doctype/i.test(this.slice(start, Math.min(end, start + 7)))) {
          throw new UnreadableInputError(file, 'not a valid .docx: an XML part declares a document type (DTD)', 'ingest/bad-docx');
        }
      },
    });
  }

  write(bytes: Buffer): void {
    this.feed(this.decoder.decode(bytes, { stream: true }));
  }

  endPart(): void {
    this.feed(this.decoder.decode());
    this.tokenizer.end();
  }

  private feed(s: string): void {
    if (!s) return;
    this.chunkStart += this.chunk.length;
    this.previous = this.chunk;
    this.chunk = s;
    this.tokenizer.write(s);
  }

  /** Text at stream offsets [start, end) if still held, else ''. */
  private slice(start: number, end: number): string {
    const from = start - this.chunkStart;
    const to = end - this.chunkStart;
    if (from >= 0) return this.chunk.slice(from, to);
    if (from < -this.previous.length) return '';
    const p = this.previous.length;
    return this.previous.slice(p + from, p + Math.min(0, to)) + (to > 0 ? this.chunk.slice(0, to) : '');
  }
}
