// PDF with a text layer, through unpdf (a packaging of Mozilla's pdf.js). pdf.js gives text runs
// with positions; lines are rebuilt from them (runs on one baseline, left to right), the lines a
// paragraph was wrapped into are joined again, and every page starts on a new line, with its offset kept in `pages` so provenance can name the page.
// A scan (pages of images, no text) and a password-protected file are refused with what to do.
import { getDocumentProxy } from 'unpdf';
import type { Extraction, Issue } from './extraction.js';
import { refuse } from './extraction.js';
import { isPageNumber } from '../structure/furniture.js';
import { replacementIssues, textLikeRatio } from './text.js';

interface Run {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/** A rebuilt line with where it starts and ends on the page. */
export interface PageLine {
  text: string;
  left: number;
  right: number;
  size: number;
}

/** Runs on (about) one baseline form a line; the gap between two runs decides what joins them. */
export function linesOfPage(runs: Run[]): string[] {
  return pageLines(runs).map((l) => l.text);
}

export function pageLines(runs: Run[]): PageLine[] {
  const sorted = runs.filter((r) => r.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Run[][] = [];
  for (const r of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - r.y) <= 0.4 * Math.max(r.size, line[0]!.size, 1)) line.push(r);
    else lines.push([r]);
  }
  return lines.map((line) => {
    line.sort((a, b) => a.x - b.x);
    let out = '';
    let end = -Infinity;
    let left: number | undefined;
    for (const r of line) {
      const gap = r.x - end;
      const size = Math.max(r.size, 1);
      if (out.length > 0) {
        // A wide gap is a table column; a word space matters only between Latin words or numbers.
        if (gap > 1.5 * size) out += '\t';
        else if (gap > 0.2 * size && !CJK.test(out.slice(-1)) && !CJK.test(r.str[0]!) && !/\s$/u.test(out)) out += ' ';
      }
      // Where the ink starts: a run's leading spaces are indentation, not text.
      if (left === undefined && r.str.trim() !== '') left = r.x + (r.str.length - r.str.trimStart().length) * (r.width / r.str.length);
      out += r.str;
      end = r.x + r.width;
    }
    return { text: out.replace(/^[ \u00a0\u3000]+|[ \u00a0\u3000]+$/gu, ''), left: left ?? line[0]!.x, right: end, size: Math.max(...line.map((r) => r.size), 1) };
  });
}

// A numbered item starts its own paragraph: 一、 （一） 1. 1、 （1） ① 第一条.
/**
 * The page number printed at the foot (or head) of a page (— 3 —, 第3页) is the print's, not the
 * text's: left out, it can no longer end up inside a measure, a party or a deadline that runs on
 * to the next page. Offsets stay exact, since the text is the one built here.
 */
export function withoutPageNumber(lines: PageLine[]): PageLine[] {
  const ink = lines.filter((l) => l.text !== '');
  return lines.filter((l) => !((l === ink[0] || l === ink[ink.length - 1]) && ink.length > 1 && isPageNumber(l.text)));
}

// After a finished sentence, a labelled field (责任单位：…, 完成时限：…) is a line of its own.
const FIELD_START = /^[\p{Script=Han} \u3000]{2,8}[：:]/u;
const SENTENCE_END = /[。；;！!？?)）]$/u;
const ITEM_START = /^(?:[一二三四五六七八九十百]+[、.．]|[(（〔][一二三四五六七八九十百\d]+[)）〕]|\d+[.、．](?!\d)|[①-⑳]|第[一二三四五六七八九十百零〇]+[条章节])/u;

/**
 * A PDF prints a paragraph as lines wrapped at the width of the text block; the document's line is
 * the paragraph. A line that reaches the right edge of the block (the edge where several lines
 * end, within two characters: a line may not begin with ，。) runs on into the next, unless the
 * next is indented, starts a numbered item, or is a labelled field after a finished sentence. Edges are
 * those of the whole document, so a page of short lines has no edge of its own.
 */
export function joinWrapped(pages: PageLine[][]): string[][] {
  const all = pages.flat().filter((l) => l.text !== '');
  const rights = all.map((l) => l.right).sort((a, b) => b - a);
  // The block's right edge: the rightmost end that at least three lines reach (within a character).
  const edge = rights.find((r) => all.filter((l) => Math.abs(l.right - r) <= l.size).length >= 3);
  const margin = Math.min(...all.map((l) => l.left));
  return pages.map((lines) => {
    const out: string[] = [];
    let runsOn = false;
    for (const l of lines) {
      if (l.text === '') {
        runsOn = false;
        continue;
      }
      const indented = l.left > margin + 1.5 * l.size;
      const prev = out[out.length - 1];
      const starts = ITEM_START.test(l.text) || (FIELD_START.test(l.text) && SENTENCE_END.test(prev ?? ''));
      if (runsOn && !indented && !starts && prev !== undefined) {
        const space = /[A-Za-z0-9,.;:]$/u.test(prev) && /^[A-Za-z0-9]/u.test(l.text) ? ' ' : '';
        out[out.length - 1] = prev + space + l.text;
      } else out.push(l.text);
      runsOn = edge !== undefined && l.right >= edge - 2 * l.size && !l.text.includes('\t');
    }
    return out;
  });
}

export async function extractPdf(bytes: Uint8Array): Promise<Extraction> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of the array it is given; the caller's bytes stay usable.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    const why = err instanceof Error ? err.message : String(err);
    if (name === 'PasswordException') {
      return refuse('encrypted-pdf', 'the PDF is protected by a password; nothing was ingested from it: supply an unprotected copy (or the text)');
    }
    return refuse('corrupt-pdf', `the PDF cannot be read (${why}); nothing was ingested from it: download or export it again, or supply the text`);
  }
  try {
    const read: PageLine[][] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a, b, , d, e, f] = item.transform as number[];
        runs.push({ str: item.str, x: e!, y: f!, width: item.width, size: Math.hypot(a!, b!) || Math.abs(d!) || item.height });
      }
      page.cleanup();
      read.push(withoutPageNumber(pageLines(runs)));
    }
    const parts: string[] = [];
    const pages: number[] = [];
    const blank: number[] = [];
    let offset = 0;
    for (const [i, lines] of joinWrapped(read).entries()) {
      const p = i + 1;
      const text = lines.join('\n');
      if (p > 1) {
        parts.push('\n');
        offset += 1;
      }
      pages.push(offset);
      if (text.trim().length === 0) blank.push(p);
      parts.push(text);
      offset += text.length;
    }
    const text = parts.join('');
    if (text.trim().length === 0) {
      return refuse(
        'pdf-without-text',
        `the PDF has no text layer (${pdf.numPages} ${pdf.numPages === 1 ? 'page' : 'pages'} of images: a scan); nothing was ingested from it: run OCR on it first (e.g. \`ocrmypdf -l chi_sim in.pdf out.pdf\`) or supply the text`,
      );
    }
    if (textLikeRatio(text) < 0.9) {
      return refuse(
        'pdf-unreadable-text',
        'the PDF\'s text layer does not map to Unicode characters (fonts without a character map); nothing was ingested from it: run OCR on it or supply the text',
      );
    }
    const issues: Issue[] = blank.map((p) => ({
      offset: pages[p - 1]!,
      severity: 'warning',
      rule: 'pdf-page-without-text',
      message: `page ${p} of the PDF has no text layer (an image); its content is missing: OCR the PDF or supply the text`,
    }));
    issues.push(...replacementIssues(text, 'the PDF\'s fonts'));
    return { ok: true, text, encoding: 'UTF-8', format: 'pdf', pages, issues };
  } finally {
    await pdf.destroy();
  }
}
