// The corpus in the other formats users bring, made with the format fixtures' generators
// (ingest/fixtures/formats.ts): a Word file, a PDF whose lines wrap at the page width and break
// across pages, a portal page with its navigation and footer. evaluate.ts --format scores each
// converted document against the same labels as the text; a document that scores worse in a
// format than as text is a reading defect of that format (or of the conversion).
//
//   npx tsx eval/documents/evaluate.ts --format docx|pdf|html [--diff] [--json]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { portalHtml, textPdf, wordDocx } from '../../ingest/fixtures/formats.js';

export const CONVERTED_FORMATS = ['docx', 'pdf', 'html'] as const;
export type ConvertedFormat = (typeof CONVERTED_FORMATS)[number];

/** A font with Chinese glyphs for the PDF: CJK_FONT (and CJK_FONT_FACE for a .ttc), else one fontconfig knows. */
export function cjkFont(): { font: string; family?: string } | undefined {
  const env = process.env.CJK_FONT;
  // fc-list, not fc-match: fc-match answers with its best font even when none has the glyphs.
  const font = env ?? (() => {
    const r = spawnSync('fc-list', [':lang=zh', 'file'], { encoding: 'utf8' });
    return r.status === 0 ? /^(.+\.(?:ttf|otf|ttc)):/imu.exec(r.stdout)?.[1] : undefined;
  })();
  if (!font) return undefined;
  return { font, family: process.env.CJK_FONT_FACE ?? (font.endsWith('.ttc') && !env ? 'WenQuanYiZenHei' : undefined) };
}

const fonts = new Map<string, Buffer>();
function fontBytes(file: string): Buffer {
  let bytes = fonts.get(file);
  if (!bytes) fonts.set(file, (bytes = readFileSync(file)));
  return bytes;
}

/** The document's text as a file of `format`. */
export async function convert(text: string, format: ConvertedFormat): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return wordDocx(text);
    case 'pdf': {
      const font = cjkFont();
      if (!font) throw new Error('no font with Chinese glyphs for the PDF: set CJK_FONT (and CJK_FONT_FACE for a .ttc) or install fonts-wqy-zenhei');
      // The fixture font has no bullet glyphs (pdfkit then writes a NUL): a real PDF's font has them,
      // so the middle dot the font has stands in for them.
      return textPdf(text.replace(/[•∙]/gu, '·'), { ...font, font: fontBytes(font.font), pageNumbers: true, indent: true });
    }
    case 'html': {
      // Portals of the mainland mostly serve GB2312/GBK; a text with characters GBK lacks is served as UTF-8.
      const gbk = iconv.decode(iconv.encode(text, 'gbk'), 'gbk') === text;
      return portalHtml(text, { charset: gbk ? 'gb2312' : 'utf-8' });
    }
  }
}
