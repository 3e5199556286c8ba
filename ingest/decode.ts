// decode: bytes → SourceText. A document arrives as plain text in some encoding, an HTML page
// saved from a portal, a Word file or a PDF; the format is told from the content (ingest/formats/
// sniff.ts), never from the name, and each format has its own module in ingest/formats/. What
// this stage adds is the common policy: an empty, binary, cut-off or unreadable file is reported
// with a place and contributes nothing, so a half-read document never reaches the graph; every
// warning of a format module is anchored at file:line:column of the extracted text.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { DiagnosticSink, LineIndex } from './diagnostics.js';
import type { Extraction } from './formats/extraction.js';
import { extractHtml } from './formats/html.js';
import { sniffFormat } from './formats/sniff.js';
import { decodeText } from './formats/text.js';
import type { Diagnostic, SourceText } from './types.js';

export type DecodeResult =
  | { ok: true; source: SourceText; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** Code units hashed at a time: the UTF-8 copy of a 50 MB text is never made whole. */
const HASH_CHUNK = 1 << 20;

export function sha256Hex(text: string): string {
  const hash = createHash('sha256');
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + HASH_CHUNK);
    // A surrogate pair split between chunks would be encoded as two replacement characters.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    hash.update(text.slice(i, end), 'utf8');
    i = end;
  }
  return hash.digest('hex');
}

/** File names the ingest picks up when given a folder (the content still decides the format). */
export const DOCUMENT_EXTENSIONS = ['.txt', '.text', '.html', '.htm', '.shtml', '.docx', '.pdf'];

export function isDocumentFile(name: string): boolean {
  return DOCUMENT_EXTENSIONS.includes(extname(name).toLowerCase());
}

function refusal(file: string, rule: string, message: string): DecodeResult {
  return { ok: false, diagnostics: [{ file, line: 1, column: 1, severity: 'error', rule, message }] };
}

/** The formats that need no further reading, or why the file cannot be read; undefined for DOCX and PDF. */
function extractSync(file: string, bytes: Uint8Array): Extraction | DecodeResult | undefined {
  if (bytes.length === 0) {
    return refusal(file, 'empty-file', 'the file is empty (0 bytes); nothing was ingested from it: copy the document again');
  }
  switch (sniffFormat(bytes)) {
    case 'text':
      return decodeText(bytes);
    case 'html':
      return extractHtml(bytes);
    case 'ole':
      return refusal(file, 'unsupported-format', 'the file is a legacy Word .doc (or an encrypted Office file); nothing was ingested from it: save it as .docx without a password, or as text');
    case 'rtf':
      return refusal(file, 'unsupported-format', 'the file is RTF; nothing was ingested from it: save it as .docx or as text');
    case 'zip':
      return refusal(file, 'unsupported-format', 'the file is a ZIP archive but not a Word document (.docx); nothing was ingested from it: unpack it, or save the document as .docx, PDF, HTML or text');
    default:
      return undefined;
  }
}

function finish(file: string, x: Extraction): DecodeResult {
  if (!x.ok) {
    if (x.text === undefined) return refusal(file, x.rule, x.message);
    const sink = new DiagnosticSink(file, new LineIndex(x.text));
    sink.at(x.offset, 'error', x.rule, x.message);
    return { ok: false, diagnostics: sink.items };
  }
  const { text } = x;
  const sink = new DiagnosticSink(file, new LineIndex(text));
  if (text.trim().length === 0) {
    sink.atLine(1, 1, 'error', 'empty-file', `the ${x.format === 'text' ? 'file holds only whitespace' : `${x.format.toUpperCase()} file holds no text`}; nothing was ingested from it: copy the document again`);
    return { ok: false, diagnostics: sink.items };
  }
  for (const i of x.issues) sink.at(i.offset, i.severity, i.rule, i.message);
  const source: SourceText = { file, text, encoding: x.encoding, sha256: sha256Hex(text), format: x.format };
  if (x.pages) source.pages = x.pages;
  if (x.meta) source.meta = x.meta;
  return { ok: true, source, diagnostics: sink.items };
}

/**
 * Text and HTML, synchronously. A DOCX or PDF is refused here with a pointer to the
 * asynchronous reader (their libraries have no synchronous interface).
 */
export function decodeBuffer(file: string, bytes: Uint8Array): DecodeResult {
  const x = extractSync(file, bytes);
  if (x === undefined) {
    return refusal(file, 'unsupported-format', 'a Word or PDF file is read only by the asynchronous ingest (decodeDocumentBuffer, npm run ingest)');
  }
  return 'diagnostics' in x ? x : finish(file, x);
}

/** Any supported format: text in any encoding, HTML, DOCX, PDF with a text layer. */
export async function decodeDocumentBuffer(file: string, bytes: Uint8Array): Promise<DecodeResult> {
  const x = extractSync(file, bytes);
  if (x === undefined) {
    // Loaded on first use: pdf.js and mammoth are large, and most runs read only text.
    if (sniffFormat(bytes) === 'pdf') return finish(file, await (await import('./formats/pdf.js')).extractPdf(bytes));
    return finish(file, await (await import('./formats/docx.js')).extractDocx(bytes));
  }
  return 'diagnostics' in x ? x : finish(file, x);
}

function read(file: string): Buffer | DecodeResult {
  try {
    return readFileSync(file);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return refusal(file, 'unreadable-file', `cannot read the file (${why}); check the path and permissions`);
  }
}

/** decodeBuffer of a file (text and HTML). */
export function decodeFile(file: string): DecodeResult {
  const bytes = read(file);
  return Buffer.isBuffer(bytes) ? decodeBuffer(file, bytes) : bytes;
}

/** decodeDocumentBuffer of a file (every supported format). */
export async function decodeDocument(file: string): Promise<DecodeResult> {
  const bytes = read(file);
  return Buffer.isBuffer(bytes) ? decodeDocumentBuffer(file, bytes) : bytes;
}
