// What an uploaded file is, judged by its bytes, never by its name: a renamed executable is not
// a policy document. Binary formats by their signature (file-type); text and HTML by sniffing.
import { fileTypeFromBuffer } from 'file-type';

export type UploadKind = 'text' | 'html' | 'docx' | 'pdf';

export type Sniffed = { ok: true; kind: UploadKind; extension: string } | { ok: false; reason: string };

const EXTENSION: Record<UploadKind, string> = { text: '.txt', html: '.html', docx: '.docx', pdf: '.pdf' };

const HTML_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b/iu;

/** UTF-16 text has NUL bytes in every other position; anything else with NULs is binary. */
function utf16Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  if (utf16Bom(sample)) return true;
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 0x1b) control++;
  }
  return control <= sample.length / 100;
}

/** The start of the file as text, for HTML sniffing (HTML portals serve UTF-8 or GBK, both ASCII-compatible). */
function head(bytes: Uint8Array): string {
  return Buffer.from(bytes.subarray(0, 4096)).toString('latin1').replace(/^\u00ef\u00bb\u00bf/u, '');
}

export async function sniff(bytes: Uint8Array): Promise<Sniffed> {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  // A byte-order mark is text; file-type would read UTF-16's FF FE as an MPEG audio frame.
  const detected = utf16Bom(bytes) ? undefined : await fileTypeFromBuffer(bytes);
  // Weak signatures (a few bytes) can match text too; text that reads as text stays text.
  if (detected && (detected.ext === 'pdf' || detected.ext === 'docx' || !looksLikeText(bytes))) {
    if (detected.ext === 'pdf') return { ok: true, kind: 'pdf', extension: EXTENSION.pdf };
    if (detected.ext === 'docx') return { ok: true, kind: 'docx', extension: EXTENSION.docx };
    return {
      ok: false,
      reason: `the content is ${detected.mime} (.${detected.ext}), not a policy document: upload plain text, HTML, Word (.docx) or PDF`,
    };
  }
  if (!looksLikeText(bytes)) {
    return { ok: false, reason: 'the content is binary, not text: upload plain text (UTF-8, GB18030 or UTF-16), HTML, Word (.docx) or PDF' };
  }
  const kind: UploadKind = HTML_START.test(head(bytes)) ? 'html' : 'text';
  return { ok: true, kind, extension: EXTENSION[kind] };
}

/**
 * A safe file name for the upload folder: the base name as the user had it (Chinese kept), path
 * parts and control characters removed, and the extension of what the content is.
 */
export function safeFileName(original: string, extension: string, index: number): string {
  const base = original.split(/[\\/]/u).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  let stem = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/gu, '').replace(/\.[^.]*$/u, '').replace(/^\.+/u, '').trim().slice(0, 120);
  if (stem === '') stem = `upload-${index + 1}`;
  return `${stem}${extension}`;
}
