// Candidate generation for the lineage linker: which earlier (or later) measures each new measure
// is scored against. Scoring every pair is quadratic; this index makes it linear in the corpus.
//
// A pair is a candidate when a strong feature of one (its signature) occurs anywhere in the
// other, or when both share a pair of top features. The rule is symmetric, so each pair of new
// measures is met from both sides and kept once, from the lower index. Looking up every feature
// of the other side matters: a long 2017 measure mentions 5G once among twenty subjects, and only
// the short 2020 measure has 5G among its strongest words.
//
// Posting lists are flat typed arrays (offsets + entries, one list per key): at 10,000 documents
// a Map of small arrays per feature is millions of objects for the garbage collector to trace.

export interface CandidateIndexInput {
  /** Measures: the first `nNew` are new (candidates are generated for them), the rest stored. */
  n: number;
  nNew: number;
  /** Feature count (ids are 0 … features - 1). */
  featureCount: number;
  /** Per measure: feature ids ascending, and the strongest features, strongest first. */
  features: readonly Int32Array[];
  signatures: readonly Int32Array[];
  df: ArrayLike<number>;
  idf: Float64Array;
  /** Per measure: its document, year (NaN when unknown) and issue date (NaN when unusable). */
  docOf: Int32Array;
  yearOf: Float64Array;
  dateOf: Float64Array;
  /** Posting lists longer than this are dropped (the key is generic at this corpus size). */
  postingCap: number;
  /** Candidates kept per measure: those sharing the most key weight. */
  maxCandidates: number;
  /** How many of the signature's strongest features are paired. */
  pairSource: number;
}

export interface CandidateIndexStats {
  /** Keys with a posting list of two or more. */
  indexKeys: number;
  /** Keys dropped because their posting list exceeded the cap. */
  cappedKeys: number;
}

/** Flat posting lists: entries of key k are `items[offsets[k]] … items[offsets[k + 1] - 1]`. */
interface Postings {
  offsets: Int32Array;
  items: Int32Array;
}

function buildPostings(keys: number, n: number, keysOf: (i: number, emit: (key: number) => void) => void): Postings {
  const offsets = new Int32Array(keys + 1);
  for (let i = 0; i < n; i++) keysOf(i, (k) => offsets[k + 1]!++);
  for (let k = 0; k < keys; k++) offsets[k + 1]! += offsets[k]!;
  const items = new Int32Array(offsets[keys]!);
  const fill = offsets.slice(0, keys);
  for (let i = 0; i < n; i++) keysOf(i, (k) => (items[fill[k]!++] = i));
  return { offsets, items };
}

/**
 * Calls `onCandidates(i, list, count)` for each new measure i with a year, in index order: the
 * measures to score against i (`list[0 … count - 1]`), at most `maxCandidates`, in the order they
 * were first met. `list` is reused between calls.
 */
export function forEachCandidateList(
  input: CandidateIndexInput,
  onCandidates: (i: number, list: Int32Array, count: number) => void,
): CandidateIndexStats {
  const { n, nNew, featureCount: F, features, signatures, df, idf, docOf, yearOf, dateOf, postingCap, maxCandidates, pairSource } = input;
  const inRange = new Uint8Array(F);
  let cappedKeys = 0;
  for (let f = 0; f < F; f++) {
    if (!(idf[f]! > 0)) continue;
    if (df[f]! > postingCap) cappedKeys++;
    else if (df[f]! >= 2) inRange[f] = 1;
  }
  const all = buildPostings(F, n, (i, emit) => {
    for (const f of features[i]!) if (inRange[f]) emit(f);
  });
  const sig = buildPostings(F, n, (i, emit) => {
    for (const f of signatures[i]!) if (inRange[f]) emit(f);
  });

  // Pairs of strong features stay selective when each feature alone has become common (冷链 in a
  // national corpus): the co-occurrence is what identifies the subject.
  const pairKeyId = new Map<number, number>();
  const pairWeight: number[] = [];
  const pairKeyOffsets = new Int32Array(n + 1);
  const pairKeysFlat: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = signatures[i]!;
    const top = Math.min(pairSource, s.length);
    for (let a = 0; a < top; a++) {
      for (let b = a + 1; b < top; b++) {
        const x = Math.min(s[a]!, s[b]!);
        const y = Math.max(s[a]!, s[b]!);
        const name = x * F + y;
        let k = pairKeyId.get(name);
        if (k === undefined) {
          k = pairWeight.length;
          pairKeyId.set(name, k);
          pairWeight.push(idf[x]! + idf[y]!);
        }
        pairKeysFlat.push(k);
      }
    }
    pairKeyOffsets[i + 1] = pairKeysFlat.length;
  }
  pairKeyId.clear();
  const pairKeys = Int32Array.from(pairKeysFlat);
  pairKeysFlat.length = 0;
  const pairs = buildPostings(pairWeight.length, n, (i, emit) => {
    for (let p = pairKeyOffsets[i]!; p < pairKeyOffsets[i + 1]!; p++) emit(pairKeys[p]!);
  });

  let indexKeys = 0;
  for (let f = 0; f < F; f++) if (all.offsets[f + 1]! - all.offsets[f]! > 1) indexKeys++;
  const pairLive = new Uint8Array(pairWeight.length);
  for (let k = 0; k < pairWeight.length; k++) {
    const len = pairs.offsets[k + 1]! - pairs.offsets[k]!;
    if (len > postingCap) cappedKeys++;
    else {
      pairLive[k] = 1;
      if (len > 1) indexKeys++;
    }
  }

  const accumulator = new Float64Array(n);
  const touched = new Int32Array(n);
  const list = new Int32Array(Math.max(1, maxCandidates));
  let nTouched = 0;
  let i = 0;
  let docI = 0;
  let yearI = 0;
  let dateI = 0;
  // j is comparable to i: another document, and ordered by year (or, in one year, by two known dates).
  const visit = (postings: Postings, key: number, w: number) => {
    const end = postings.offsets[key + 1]!;
    for (let p = postings.offsets[key]!; p < end; p++) {
      const j = postings.items[p]!;
      if (j === i || (j < nNew && j < i)) continue; // met from j's side already (the rule is symmetric)
      if (docOf[j] === docI) continue;
      const yearJ = yearOf[j]!;
      if (yearJ !== yearI) {
        if (yearJ !== yearJ) continue; // NaN: unordered
      } else {
        const dateJ = dateOf[j]!;
        if (dateI !== dateI || dateJ !== dateJ || dateI === dateJ) continue;
      }
      if (accumulator[j] === 0) touched[nTouched++] = j;
      accumulator[j] = accumulator[j]! + w;
    }
  };
  for (i = 0; i < nNew; i++) {
    yearI = yearOf[i]!;
    if (yearI !== yearI) continue;
    docI = docOf[i]!;
    dateI = dateOf[i]!;
    const fs = features[i]!;
    const signature = signatures[i]!;
    let s = 0;
    for (const f of fs) {
      if (!inRange[f]) continue;
      // Signature features look up everyone who has them; the others only those who have them
      // among their own strongest.
      const isSig = s < signature.length && signature.includes(f);
      if (isSig) s++;
      visit(isSig ? all : sig, f, idf[f]!);
    }
    for (let p = pairKeyOffsets[i]!; p < pairKeyOffsets[i + 1]!; p++) {
      const k = pairKeys[p]!;
      if (pairLive[k]) visit(pairs, k, pairWeight[k]!);
    }

    let floor = -Infinity;
    if (nTouched > maxCandidates) {
      const values = new Float64Array(nTouched);
      for (let t = 0; t < nTouched; t++) values[t] = accumulator[touched[t]!]!;
      values.sort();
      floor = values[nTouched - maxCandidates]!;
    }
    let count = 0;
    for (let t = 0; t < nTouched; t++) {
      const j = touched[t]!;
      if (count < maxCandidates && accumulator[j]! >= floor) list[count++] = j;
      accumulator[j] = 0;
    }
    nTouched = 0;
    onCandidates(i, list, count);
  }
  return { indexKeys, cappedKeys };
}
