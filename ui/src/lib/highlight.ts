export interface TextPart {
  text: string;
  marked: boolean;
}

/**
 * Splits text into marked and unmarked parts for the given phrases. Overlapping phrases merge
 * into one mark; matching ignores whitespace inside the text, because measure texts keep their
 * layout line breaks (provenance) while evidence phrases are matched on the normalised form.
 */
export function highlightRanges(text: string, phrases: readonly string[]): TextPart[] {
  const marks = new Array<boolean>(text.length).fill(false);
  // Map normalised positions (whitespace dropped) back to positions in the original.
  const keep: number[] = [];
  let flat = '';
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    keep.push(i);
    flat += text[i];
  }
  for (const raw of phrases) {
    const phrase = raw.replace(/\s+/g, '');
    if (!phrase) continue;
    let from = 0;
    for (;;) {
      const at = flat.indexOf(phrase, from);
      if (at < 0) break;
      const start = keep[at]!;
      const end = keep[at + phrase.length - 1]!;
      for (let i = start; i <= end; i++) marks[i] = true;
      from = at + 1;
    }
  }
  const parts: TextPart[] = [];
  for (let i = 0; i < text.length; i++) {
    const marked = marks[i]!;
    const last = parts[parts.length - 1];
    if (last && last.marked === marked) last.text += text[i];
    else parts.push({ text: text[i]!, marked });
  }
  return parts;
}
