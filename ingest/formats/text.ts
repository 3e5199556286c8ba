// Plain text in whatever encoding it was saved in: UTF-8 (with or without BOM), GBK/GB18030 from
// older systems, UTF-16 from Windows tools, and files that mix UTF-8 and GBK line by line (a
// GBK title pasted into a UTF-8 file). Detection uses chardet, decoding iconv-lite and the
// platform's TextDecoder. What this module adds is the policy: a cut-off or binary file is
// refused, and every place where the decoded text is not what was written (a recovered GBK
// line, a replacement character) is reported, so nothing is lost silently.
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { Extraction, Issue } from './extraction.js';

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A Buffer over the same memory: iconv-lite wants a Buffer, and a 50 MB file must not be copied for it. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Share of code units that look like text (CJK, Latin, punctuation, whitespace). */
export function textLikeRatio(text: string): number {
  if (text.length === 0) return 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      c === 9 || c === 10 || c === 13 ||
      (c >= 0x20 && c < 0x7f) ||
      (c >= 0x3000 && c <= 0x9fff) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2000 && c <= 0x206f) ||
      (c >= 0xa0 && c <= 0x24f) ||
      (c >= 0x2e80 && c <= 0x2fdf) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f)
    ) {
      good++;
    }
  }
  return good / text.length;
}

function countControl(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) n++;
  }
  return n;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** UTF-16 without a BOM: decode a sample both ways and keep the one that reads as text. */
function guessUtf16(bytes: Uint8Array): { encoding: 'UTF-16LE' | 'UTF-16BE'; text: string } | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  const sample = asBuffer(bytes.subarray(0, Math.min(bytes.length, 8192)));
  const rle = textLikeRatio(iconv.decode(sample, 'utf16le'));
  const rbe = textLikeRatio(iconv.decode(sample, 'utf16be'));
  if (Math.max(rle, rbe) < 0.95) return undefined;
  const encoding = rle >= rbe ? 'UTF-16LE' : 'UTF-16BE';
  return { encoding, text: iconv.decode(asBuffer(bytes), encoding === 'UTF-16LE' ? 'utf16le' : 'utf16be') };
}

/** The legacy encodings chardet may name for Chinese text; GB18030 decodes all of GB2312/GBK. */
const CHINESE_LEGACY: Record<string, string> = {
  GB18030: 'GB18030',
  GBK: 'GB18030',
  GB2312: 'GB18030',
  'EUC-CN': 'GB18030',
  Big5: 'Big5',
  'EUC-TW': 'Big5',
};

/** Characters frequent in simplified-Chinese official text: tells GB18030 from Big5 on short texts. */
const COMMON = new Set('的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质村构书采规局领费务服市消推促强'.split(''));

function commonShare(text: string): number {
  let n = 0;
  let han = 0;
  for (const ch of text) {
    if (ch >= '\u4e00' && ch <= '\u9fff') {
      han++;
      if (COMMON.has(ch)) n++;
    }
  }
  return han === 0 ? 0 : n / han;
}

/** Enough of a file to tell its encoding; detection on all of a 50 MB file costs memory and time for nothing. */
const SAMPLE = 256 * 1024;

function legacyEncoding(bytes: Uint8Array): string | undefined {
  // GB18030 (a superset of GBK and GB2312) is the prior for mainland documents; another legacy
  // encoding chardet names must read more like Chinese text to win.
  const sample = bytes.subarray(0, Math.min(bytes.length, SAMPLE));
  const candidates = new Set(['GB18030']);
  for (const c of chardet.analyse(sample)) {
    const enc = CHINESE_LEGACY[c.name];
    if (enc && c.confidence >= 10) candidates.add(enc);
  }
  let best: string | undefined;
  let bestScore = -1;
  for (const enc of candidates) {
    const text = iconv.decode(asBuffer(sample), enc);
    const replacements = countReplacements(text);
    if (replacements > 1 + text.length / 200 || textLikeRatio(text) < 0.9) continue;
    const score = commonShare(text) - replacements / Math.max(1, text.length);
    if (score > bestScore) {
      bestScore = score;
      best = enc;
    }
  }
  return best;
}

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const control = countControl(text);
  const replacement = countReplacements(text);
  return (control + replacement) / Math.max(1, text.length) > 0.01 || textLikeRatio(text) < 0.9;
}

/** The longest strictly valid UTF-8 prefix when only the last 1–3 bytes are broken. */
function utf8ValidPrefix(bytes: Uint8Array): string | undefined {
  for (let k = 1; k <= 3 && k < bytes.length; k++) {
    const t = tryUtf8(bytes.subarray(0, bytes.length - k));
    if (t !== undefined) {
      // Only a cut multi-byte sequence counts: the dropped bytes must start with a lead byte.
      const lead = bytes[bytes.length - k]!;
      if (lead >= 0xc0) return t;
      return undefined;
    }
  }
  return undefined;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/**
 * A file that is UTF-8 on some lines and not on others (a GBK title pasted into a UTF-8 file, or
 * the reverse): each line is decoded on its own (0x0A never occurs inside a UTF-8 or GBK
 * character), the others are read as GB18030 when that gives clean text, and every such line is
 * reported. Undefined when no line holds Chinese text in valid UTF-8: then the file is in a
 * legacy encoding as a whole (a GBK line is valid UTF-8 by chance only when very short, so a
 * few non-ASCII bytes do not count).
 */
function decodeMixed(bytes: Uint8Array): { text: string; issues: Issue[] } | undefined {
  // First pass without building strings: is there real UTF-8 Chinese in the file at all?
  let utf8Bytes = 0;
  forEachLine(bytes, (piece) => {
    if (isUtf8(piece) && hasNonAscii(piece) && /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/u.test(utf8Lenient.decode(piece))) utf8Bytes += piece.length;
    return utf8Bytes < 12;
  });
  if (utf8Bytes < 12) return undefined;
  const parts: string[] = [];
  const recovered: { offset: number; line: number }[] = [];
  let offset = 0;
  let line = 0;
  forEachLine(bytes, (piece) => {
    line++;
    let text: string;
    if (isUtf8(piece)) text = utf8Lenient.decode(piece);
    else {
      const gb = iconv.decode(asBuffer(piece), 'GB18030');
      if (!gb.includes('\ufffd') && textLikeRatio(gb) >= 0.9) {
        text = gb;
        recovered.push({ offset, line });
      } else {
        // Neither: its replacement characters are reported by the general check.
        text = utf8Lenient.decode(piece);
      }
    }
    parts.push(text);
    offset += text.length;
    return true;
  });
  const issues: Issue[] = [];
  if (recovered.length > 0) {
    const one = recovered.length === 1;
    issues.push({
      offset: recovered[0]!.offset,
      severity: 'warning',
      rule: 'mixed-encoding',
      message: `the file mixes UTF-8 and GBK: ${one ? 'line' : 'lines'} ${listLines(recovered.map((r) => r.line))} ${one ? 'is' : 'are'} GBK and ${one ? 'was' : 'were'} read as GB18030, the rest as UTF-8; check ${one ? 'it' : 'them'}, and save the file as UTF-8 to silence this`,
    });
  }
  return { text: parts.join(''), issues };
}

/** Calls `fn` with each line's bytes (with its line feed) as a view, until it returns false. */
function forEachLine(bytes: Uint8Array, fn: (piece: Uint8Array) => boolean): void {
  for (let start = 0; start < bytes.length; ) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl === -1 ? bytes.length : nl + 1;
    if (!fn(bytes.subarray(start, end))) return;
    start = end;
  }
}

function listLines(lines: number[]): string {
  const shown = lines.slice(0, 12).join(', ');
  return lines.length > 12 ? `${shown} and ${lines.length - 12} more` : shown;
}

/** Every replacement character in decoded text is a place where the input was not readable. */
export function replacementIssues(text: string, encoding: string): Issue[] {
  // A run of them is one place.
  const starts: number[] = [];
  let last = -2;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) {
    if (i !== last + 1) starts.push(i);
    last = i;
  }
  const shown = starts.slice(0, 20);
  return shown.map((offset, k) => ({
    offset,
    severity: 'warning',
    rule: 'replacement-character',
    message:
      `the text holds U+FFFD (a character that could not be read as ${encoding}) here` +
      (k === shown.length - 1 && starts.length > shown.length ? `, and at ${starts.length - shown.length} more places` : '') +
      ': the words around it may be wrong; open the original and supply the file in one encoding (UTF-8)',
  }));
}

export function decodeText(bytes: Uint8Array): Extraction {
  let text: string | undefined;
  let encoding = '';
  let truncatedAt: number | undefined; // offset in the decoded text where a cut was found
  let issues: Issue[] = [];
  let replacementsReported = false;

  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'UTF-8';
    const body = bytes.subarray(3);
    text = tryUtf8(body);
    if (text === undefined) {
      const cut = utf8ValidPrefix(body);
      if (cut !== undefined) {
        text = cut;
        truncatedAt = cut.length;
      } else {
        const mixed = decodeMixed(body);
        if (mixed) ({ text, issues } = mixed);
      }
    }
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'UTF-16LE';
    text = iconv.decode(asBuffer(bytes.subarray(2)), 'utf16le');
    if ((bytes.length - 2) % 2 === 1) truncatedAt = text.length;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'UTF-16BE';
    text = iconv.decode(asBuffer(bytes.subarray(2)), 'utf16be');
    if ((bytes.length - 2) % 2 === 1) truncatedAt = text.length;
  } else if (bytes.indexOf(0) !== -1) {
    // NUL bytes are normal only in UTF-16; anywhere else they mean a binary file.
    const guess = guessUtf16(bytes);
    if (guess) {
      encoding = guess.encoding;
      text = guess.text;
    }
  } else {
    text = tryUtf8(bytes);
    if (text !== undefined) {
      encoding = 'UTF-8';
    } else {
      const cut = utf8ValidPrefix(bytes);
      const mixed = cut === undefined ? decodeMixed(bytes) : undefined;
      if (cut !== undefined && /[\u0080-\uffff]/u.test(cut)) {
        encoding = 'UTF-8';
        text = cut;
        truncatedAt = cut.length;
      } else if (mixed) {
        encoding = mixed.issues.length > 0 ? 'UTF-8+GB18030' : 'UTF-8';
        ({ text, issues } = mixed);
      } else {
        const detected = legacyEncoding(bytes);
        if (detected) {
          encoding = detected;
          text = iconv.decode(asBuffer(bytes), detected);
          // A multi-byte character cut at the very end decodes to one replacement character.
          const last = text.lastIndexOf('\ufffd');
          if (last !== -1 && last >= text.length - 1 && !text.slice(0, last).includes('\ufffd')) {
            text = text.slice(0, last);
            truncatedAt = last;
            replacementsReported = true;
          }
        }
      }
    }
  }

  if (text === undefined || looksBinary(text)) {
    return {
      ok: false,
      offset: 0,
      rule: 'binary-file',
      message: `the file is not text (binary content or an encoding that cannot be decoded${text === undefined ? '' : ` as ${encoding}`}); nothing was ingested from it: supply the document as UTF-8, GB18030 or UTF-16 text`,
    };
  }
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    issues = issues.map((i) => ({ ...i, offset: Math.max(0, i.offset - 1) }));
  }
  if (truncatedAt !== undefined) {
    return {
      ok: false,
      text,
      offset: truncatedAt,
      rule: 'truncated-file',
      message: `the file ends in the middle of a ${encoding} character: it was cut off while copying; nothing was ingested from it: copy the complete document again`,
    };
  }
  if (!replacementsReported) issues.push(...replacementIssues(text, encoding));
  return { ok: true, text, encoding, format: 'text', issues };
}
