// What every format module returns: the document's plain text (the text every offset, line and
// page of provenance refers to) or a refusal that says what to do. Places are offsets in that
// text; decode turns them into file:line:column.
import type { Severity } from '../types.js';

export type Format = 'text' | 'html' | 'docx' | 'pdf';

export interface Issue {
  offset: number;
  severity: Severity;
  rule: string;
  message: string;
}

export type Extraction =
  | {
      ok: true;
      text: string;
      /** The character encoding of the input ('UTF-8' for DOCX and PDF, whose text is Unicode inside). */
      encoding: string;
      format: Format;
      /** Offsets in `text` where each page starts (PDF). */
      pages?: number[];
      /** Labelled metadata the format carried (an HTML portal's 索引号/发布机构/文号… table). */
      meta?: Record<string, string>;
      issues: Issue[];
    }
  | {
      ok: false;
      rule: string;
      message: string;
      /** Where the problem is, in `text` when there is one (a cut), else 0. */
      offset: number;
      text?: string;
    };

export function refuse(rule: string, message: string): Extraction {
  return { ok: false, rule, message, offset: 0 };
}
