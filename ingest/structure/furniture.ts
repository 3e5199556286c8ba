// Page furniture: what printing or a PDF text layer adds to every page and a reader skips —
// page numbers (— 3 —, -3-, 第3页 共10页, 3/10), and running headers or footers repeated on
// page after page. Such lines are left out of the text that is matched and of measure texts;
// the original text and every offset stay as they are.
import { squeeze, type Line } from '../segment.js';

const PAGE_NUMBER = [
  /^[-—–－─_]+\s*\d{1,4}\s*[-—–－─_]+$/u, // — 3 —, -3-
  /^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/u, // 第3页 共10页
  /^\d{1,4}\s*\/\s*\d{1,4}$/u, // 3/10
  /^[Pp]age\s*\d{1,4}(\s*of\s*\d{1,4})?$/u,
];

/** A line that repeats this often, short and without sentence punctuation, is a running header. */
const HEADER_REPEATS = 3;
const HEADER_MAX = 40;

/**
 * A picture's file name standing alone (640.webp.jpg, image001.png): what a reposted page leaves
 * where a picture was. Not text, and its leading digits are no item number.
 */
const IMAGE_NAME = /^[\w.-]+\.(?:jpe?g|png|gif|webp|bmp|svg)$/iu;

export function isImageName(line: string): boolean {
  const t = line.trim();
  return t.length <= 60 && IMAGE_NAME.test(t);
}

export function isPageNumber(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 20 && PAGE_NUMBER.some((re) => re.test(t));
}

/** Indices of the lines that are page furniture. */
export function furnitureLines(lines: Line[]): Set<number> {
  const out = new Set<number>();
  const counts = new Map<string, number[]>();
  for (const l of lines) {
    if (isPageNumber(l.text) || isImageName(l.text)) {
      out.add(l.index);
      continue;
    }
    if (l.text.includes('\t')) continue;
    const t = squeeze(l.text);
    // Labels (责任单位：…) and table cells repeat by nature; only a bare short line can be a header.
    if (t.length < 4 || t.length > HEADER_MAX || /[。，,；;：:、|\t]/u.test(t) || /\d{4}年/u.test(t)) continue;
    const seen = counts.get(t);
    if (seen) seen.push(l.index);
    else counts.set(t, [l.index]);
  }
  for (const idx of counts.values()) {
    // A running header is separated by pages: repeated lines that follow each other are a title twice.
    if (idx.length >= HEADER_REPEATS && idx.every((v, i) => i === 0 || v - idx[i - 1]! > 5)) for (const i of idx) out.add(i);
  }
  return out;
}
