// Pages of a paged source (PDF): `SourceText.pages` holds the offset where each page starts, so
// any span of the text can say which page it is on.
import type { SourceText } from '../types.js';

/** The 1-based page of an offset of a paged source, undefined for a source without pages. */
export function pageAt(source: Pick<SourceText, 'pages'>, offset: number): number | undefined {
  const pages = source.pages;
  if (!pages || pages.length === 0) return undefined;
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
