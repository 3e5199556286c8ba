// The matching form of Chinese policy text. The original is always kept for provenance; this
// form exists so that "5 万个", "5万个" and "５万个" compare equal and a PDF line break in the
// middle of a word does not split it.

const CJK = /[\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3100-\u312F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u201C\u201D\u2018\u2019\u3001\u3002\u300A-\u300F\u3010\u3011\u3014\u3015]/u;

/** True for a character after which (or before which) whitespace is only layout. */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

export interface NormalisedText {
  text: string;
  /** For each code unit of `text`, the offset of the code unit it came from in the original. */
  map: number[];
}

/**
 * Unicode NFKC (full-width letters, digits and punctuation become half-width; the
 * ideographic space becomes a space), then whitespace runs are dropped when either side is
 * CJK (layout breaks and PDF spacing) and collapsed to one space otherwise (between Latin
 * words or numbers).
 */
export function normaliseWithMap(original: string): NormalisedText {
  // NFKC may change lengths per character, so fold character by character to keep the map.
  const chars: string[] = [];
  const origins: number[] = [];
  for (let i = 0; i < original.length; ) {
    const cp = original.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const folded = ch.normalize('NFKC');
    for (const unit of folded.split('')) {
      chars.push(unit);
      origins.push(i);
    }
    i += ch.length;
  }

  const out: string[] = [];
  const map: number[] = [];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    if (/\s/u.test(c)) {
      let j = i;
      while (j < chars.length && /\s/u.test(chars[j]!)) j++;
      const before = out[out.length - 1];
      const after = chars[j];
      const dropped = before === undefined || after === undefined || isCjk(before) || isCjk(after);
      if (!dropped) {
        out.push(' ');
        map.push(origins[i]!);
      }
      i = j;
      continue;
    }
    out.push(c);
    map.push(origins[i]!);
    i++;
  }
  return { text: out.join(''), map };
}

export function normalise(original: string): string {
  return normaliseWithMap(original).text;
}

/** A key for comparing names (departments, programmes): normalised, without quotes or brackets. */
export function nameKey(name: string): string {
  return normalise(name).replace(/[“”"'‘’《》<>「」『』()（）\s]/gu, '');
}
