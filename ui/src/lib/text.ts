/**
 * Measure texts keep the source's layout line breaks (provenance), which cut sentences in the
 * middle when shown in a narrow panel. For reading, breaks (and the blank lines PDF extraction
 * leaves) are joined; paragraph starts such as （一） or 1． keep their own line (marked with a private-use
 * character while the other breaks are joined).
 */
export function readableText(text: string): string {
  return text
    .replace(/\r/g, '')
    .replace(/[ \t\u3000]*\n\s*(?=[（(]?[一二三四五六七八九十\d]+[)）．.、])/g, '\uE000')
    .replace(/[ \t\u3000]*\n\s*/g, '')
    .replace(/\uE000/g, '\n')
    .trim();
}
