import { diffChars } from 'diff';

export interface DiffPart {
  text: string;
  kind: 'same' | 'added' | 'removed';
}

/**
 * Layout line breaks and the spaces PDF extraction leaves between Chinese characters are not
 * edits: the texts are compared in a flattened form so the diff shows only real wording changes.
 */
export function flattenForDiff(text: string): string {
  return text
    .replace(/\s*\n\s*/g, '')
    .replace(/(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Character-level diff (jsdiff) from the earlier text to the later one. */
export function diffTexts(earlier: string, later: string): DiffPart[] {
  return diffChars(flattenForDiff(earlier), flattenForDiff(later)).map((change) => ({
    text: change.value,
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
  }));
}

/** Share of the later text that was kept from the earlier one (0–1), for a one-glance summary. */
export function keptShare(parts: readonly DiffPart[]): number {
  let same = 0;
  let later = 0;
  for (const part of parts) {
    if (part.kind !== 'removed') later += part.text.length;
    if (part.kind === 'same') same += part.text.length;
  }
  return later === 0 ? 0 : same / later;
}
