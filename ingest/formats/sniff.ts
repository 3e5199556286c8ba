// Which format a file is, from its bytes, not its name: a portal page saved as .txt, a PDF
// named .doc and a DOCX without an extension all arrive. Magic numbers for the binary formats,
// markup sniffing for HTML; everything else is treated as text (and refused there if binary).
export type Sniffed = 'pdf' | 'docx' | 'html' | 'text' | 'zip' | 'ole' | 'rtf';

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

const ascii = (bytes: Uint8Array, start: number, end: number) => Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, Math.min(end, bytes.length) - start)).toString('latin1');

/** A ZIP names its members in clear (local headers and central directory): a DOCX holds word/document.xml. */
function zipHasMember(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(name, 0, 'latin1') !== -1;
}

// An HTML page starts (after a BOM, whitespace and comments) with a doctype or a tag that only
// markup uses; a plain text that quotes a tag later on is still text.
const HTML_START = /^(?:\s|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|script|style|link|base|section|article|span|center|font|form|h[1-6])[\s>/]/i;

// A page a database stores as text with its markup inside (发文机关:… then <p>…</p><p><strong>…):
// block tags that recur are markup, where one quoted tag is not.
const BLOCK_TAG = /<\/?(?:p|div|br|table|tr|td|strong|span)(?:\s[^<>]{0,200})?\/?>/gi;
const BLOCK_TAGS_OF_MARKUP = 6;

export function sniffFormat(bytes: Uint8Array): Sniffed {
  // %PDF- may follow a little junk (some portals prepend a few bytes); the spec allows 1024.
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipHasMember(bytes, 'word/document.xml') ? 'docx' : 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (ascii(bytes, 0, 5) === '{\\rtf') return 'rtf';
  let head = ascii(bytes, 0, 2048);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) head = head.slice(3);
  else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    // UTF-16 markup: read the ASCII of it by dropping the zero bytes.
    head = head.slice(2).replace(/\0/g, '');
  }
  if (HTML_START.test(head)) return 'html';
  return (ascii(bytes, 0, 16384).match(BLOCK_TAG)?.length ?? 0) >= BLOCK_TAGS_OF_MARKUP ? 'html' : 'text';
}
