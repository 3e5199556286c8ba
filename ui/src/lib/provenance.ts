// How a reader is told where a passage comes from: the file's own name and the page or line,
// never the repository path the ingest happened to read it from.

/** The file name without its folders (seeds/003_x.txt → 003_x.txt). */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/** "3" for one line, "3–5" for several. */
export function lineRange(start: number, end: number): string {
  return end > start ? `${start}–${end}` : String(start);
}

/**
 * Evidence words as the texts write them: the linker stores a matching form (lower-cased Latin,
 * "5g"), a reader expects the text's own "5G". Target metrics carry a " (target)" marker.
 */
export function readableEvidence(word: string, texts: readonly string[]): { text: string; target: boolean } {
  const target = / \(target\)$/.test(word);
  const bare = word.replace(/ \(target\)$/, '');
  const lower = bare.toLowerCase();
  for (const text of texts) {
    const flat = text.replace(/\s+/g, '');
    const at = flat.toLowerCase().indexOf(lower);
    if (at >= 0) return { text: flat.slice(at, at + bare.length), target };
  }
  return { text: bare, target };
}
