// decode: bytes → SourceText. Policy documents arrive as UTF-8 (with or without BOM), GBK/GB18030
// from older systems, or UTF-16 from Windows tools. Detection uses chardet, decoding iconv-lite;
// what we add is the refusal policy: an empty, binary or cut-off file is reported with a place
// and contributes nothing, so a half-copied document never reaches the graph.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { DiagnosticSink, LineIndex } from './diagnostics.js';
import type { Diagnostic, SourceText } from './types.js';

export type DecodeResult =
  | { ok: true; source: SourceText; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Share of code units that look like text (CJK, Latin, punctuation, whitespace). */
function textLikeRatio(text: string): number {
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

/** UTF-16 without a BOM: decode both ways and keep the one that reads as text. */
function guessUtf16(bytes: Uint8Array): { encoding: 'UTF-16LE' | 'UTF-16BE'; text: string } | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  const le = iconv.decode(Buffer.from(sample), 'utf16le');
  const be = iconv.decode(Buffer.from(sample), 'utf16be');
  const rle = textLikeRatio(le);
  const rbe = textLikeRatio(be);
  if (Math.max(rle, rbe) < 0.95) return undefined;
  const encoding = rle >= rbe ? 'UTF-16LE' : 'UTF-16BE';
  return { encoding, text: iconv.decode(Buffer.from(bytes), encoding === 'UTF-16LE' ? 'utf16le' : 'utf16be') };
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.indexOf(0) !== -1;
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

export function decodeBuffer(file: string, bytes: Uint8Array): DecodeResult {
  const sink = new DiagnosticSink(file);
  if (bytes.length === 0) {
    sink.atLine(1, 1, 'error', 'empty-file', 'the file is empty (0 bytes); nothing was ingested from it: copy the document again');
    return { ok: false, diagnostics: sink.items };
  }

  let text: string | undefined;
  let encoding = '';
  let truncatedAt: number | undefined; // offset in the decoded text where a cut was found

  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'UTF-8';
    const body = bytes.subarray(3);
    text = tryUtf8(body);
    if (text === undefined) {
      const cut = utf8ValidPrefix(body);
      if (cut !== undefined) {
        text = cut;
        truncatedAt = cut.length;
      }
    }
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'UTF-16LE';
    text = iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16le');
    if ((bytes.length - 2) % 2 === 1) truncatedAt = text.length;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'UTF-16BE';
    text = iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16be');
    if ((bytes.length - 2) % 2 === 1) truncatedAt = text.length;
  } else if (hasNul(bytes)) {
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
      if (cut !== undefined && /[\u0080-\uffff]/u.test(cut)) {
        encoding = 'UTF-8';
        text = cut;
        truncatedAt = cut.length;
      } else {
        const detected = legacyEncoding(bytes);
        if (detected) {
          encoding = detected;
          text = iconv.decode(Buffer.from(bytes), detected);
          // A multi-byte character cut at the very end decodes to one replacement character.
          const last = text.lastIndexOf('\ufffd');
          if (last !== -1 && last >= text.length - 1 && !text.slice(0, last).includes('\ufffd')) {
            text = text.slice(0, last);
            truncatedAt = last;
          }
        }
      }
    }
  }

  if (text === undefined || looksBinary(text)) {
    sink.atLine(
      1,
      1,
      'error',
      'binary-file',
      `the file is not text (binary content or an encoding that cannot be decoded${text === undefined ? '' : ` as ${encoding}`}); nothing was ingested from it: supply the document as UTF-8, GB18030 or UTF-16 text`,
    );
    return { ok: false, diagnostics: sink.items };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const lines = new LineIndex(text);
  const located = new DiagnosticSink(file, lines);
  if (text.trim().length === 0) {
    located.atLine(1, 1, 'error', 'empty-file', 'the file holds only whitespace; nothing was ingested from it: copy the document again');
    return { ok: false, diagnostics: located.items };
  }
  if (truncatedAt !== undefined) {
    located.at(
      truncatedAt,
      'error',
      'truncated-file',
      `the file ends in the middle of a ${encoding} character: it was cut off while copying; nothing was ingested from it: copy the complete document again`,
    );
    return { ok: false, diagnostics: located.items };
  }

  return {
    ok: true,
    source: { file, text, encoding, sha256: sha256Hex(text) },
    diagnostics: located.items,
  };
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

function legacyEncoding(bytes: Uint8Array): string | undefined {
  // GB18030 (a superset of GBK and GB2312) is the prior for mainland documents; another legacy
  // encoding chardet names must read more like Chinese text to win.
  const candidates = new Set(['GB18030']);
  for (const c of chardet.analyse(bytes)) {
    const enc = CHINESE_LEGACY[c.name];
    if (enc && c.confidence >= 10) candidates.add(enc);
  }
  let best: string | undefined;
  let bestScore = -1;
  for (const enc of candidates) {
    const text = iconv.decode(Buffer.from(bytes), enc);
    const replacements = (text.match(/\ufffd/gu) ?? []).length;
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
  const replacement = (text.match(/\ufffd/gu) ?? []).length;
  return (control + replacement) / Math.max(1, text.length) > 0.01 || textLikeRatio(text) < 0.9;
}

export function decodeFile(file: string): DecodeResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      diagnostics: [{ file, line: 1, column: 1, severity: 'error', rule: 'unreadable-file', message: `cannot read the file (${why}); check the path and permissions` }],
    };
  }
  return decodeBuffer(file, bytes);
}
