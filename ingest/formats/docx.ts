// DOCX through mammoth, which reads the package (styles, runs, fields, merged cells, footnotes)
// and gives semantic HTML; the HTML is then rendered by the same walk as a portal page, so a
// table is rows of tab-separated cells whichever of the two formats it came in, and the
// page headers and footers of the Word file (running heads, page numbers) are left out.
import mammoth from 'mammoth';
import type { Extraction, Issue } from './extraction.js';
import { loadHtml, renderText } from './html.js';
import { replacementIssues } from './text.js';

export async function extractDocx(bytes: Uint8Array): Promise<Extraction> {
  let html: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    ({ value: html } = await mammoth.convertToHtml({ buffer }, { ignoreEmptyParagraphs: false }));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      rule: 'corrupt-docx',
      offset: 0,
      message: `the Word file cannot be read (${why.split('\n')[0]}); nothing was ingested from it: open it in Word or LibreOffice and save it again as .docx, or supply the text`,
    };
  }
  const $ = loadHtml(html);
  const text = renderText($('body').contents().toArray());
  const issues: Issue[] = replacementIssues(text, 'UTF-8');
  return { ok: true, text, encoding: 'UTF-8', format: 'docx', issues };
}
