// Policy lineage: link each measure to the measures of earlier documents that it continues,
// develops or replaces (EVOLVES_FROM, later → earlier).
//
// Method, in brief (the README of this folder has the reasoning and the figures):
// 1. Features per measure: jieba words of the subject text (responsibility parenthetical and
//    department names removed), quoted names (“津体惠”, 《…标准》) and the supplied initiative,
//    theme and target-metric ids. Each text is segmented once (terms.ts caches).
// 2. Weights: TF-IDF with document frequencies over measures + existing. Words so common that
//    they describe the genre rather than a subject (推动, 加快, 建设, 相关部门…) are stop-words
//    derived from document frequency, not from a hand list.
// 3. Candidates (candidates.ts): an inverted index over each measure's strongest features, and
//    over pairs of them, with a posting cap; a key whose posting list exceeds the cap is dropped
//    (it is generic at this corpus size). Each measure then scores at most `maxCandidates`
//    candidates, the ones sharing the most key weight. Cost is O(N · keys · cap): linear in the corpus.
// 4. Score: cosine of the weighted feature vectors. Evidence: the shared features that
//    contribute most to the cosine, so a reader can see at a glance why a link was drawn.
// 5. Selection: above the calibrated threshold, at most two measures per earlier document, not far
//    below that measure's best link; a weak `related` link only with a distinctive shared subject;
//    a bundled measure through one aligned clause on a rare theme; then each chain reduced to its
//    nearest versions (`reduceChains`), and at most a few RESEMBLES per measure.
import { nameKey, normalise } from '../normalise.js';
import type { StoredMeasure } from '../../model/lineage.js';
import { forEachCandidateList } from './candidates.js';
import { isStockWord, measureTerms } from './terms.js';

/** A measure the linker takes: one of this run, or one already stored (the model's shape). */
export type LinkableMeasure = StoredMeasure;

/** `EVOLVES_FROM` within one jurisdiction; `RESEMBLES` between jurisdictions at the same level. */
export type LinkKind = 'EVOLVES_FROM' | 'RESEMBLES';

/** `same`: the same measure, reworded; `related`: the same topic, a different measure. */
export type LinkTier = 'same' | 'related';

/** A pair of aligned clauses: text as written and offsets in each measure's `text`. */
export interface AlignedClause {
  later: string;
  laterStart: number;
  laterEnd: number;
  earlier: string;
  earlierStart: number;
  earlierEnd: number;
  score: number;
}

export interface LineageLink {
  from: string; // the later measure's id
  to: string; // the earlier measure's id
  score: number;
  method: string;
  evidence: string[];
  sharedThemes: string[];
  sharedInitiatives: string[];
  // -- optional --
  kind?: LinkKind;
  tier?: LinkTier;
  /** Why the tier: the aligned clauses' score, or the shared theme/programme/phrase. */
  reason?: string;
  /** The best-aligned clause pairs, strongest first. */
  clauses?: AlignedClause[];
  /** RESEMBLES: the issue date (or year) of the earlier measure's document. */
  earlierIssuedOn?: string;
}

export interface LinkStats {
  measures: number;
  candidatePairs: number;
  links: number;
  ms: number;
  // -- optional --
  /** Measures in `existing` (indexed and linkable to, not relinked among themselves). */
  existing?: number;
  /** Measures without a year: they cannot be ordered, so they are never linked. */
  unordered?: number;
  /** Words treated as genre stop-words at this corpus size. */
  stopWords?: number;
  /** Index keys used, and keys dropped because their posting list exceeded the cap. */
  indexKeys?: number;
  cappedKeys?: number;
  /** Milliseconds spent segmenting (the dominant cost on large corpora). */
  segmentMs?: number;
}

export interface LinkOptions {
  existing?: LinkableMeasure[];
  /** Minimum score of a link. Calibrated on eval/lineage (see the README there). */
  threshold?: number;
  /** At most this many links per measure and kind (default: no cap; quality caps them). */
  maxLinks?: number;
  /** A link below this fraction of the measure's best link is dropped (keeps only clear peers). */
  relativeFloor?: number;
  /** At most this many predecessors per measure in any one earlier document. */
  perDocument?: number;
  /**
   * Below this score a link also needs a shared phrase, programme or target metric: two
   * measures that share only scattered words (绿色 … 建筑) are rarely the same measure.
   */
  strongScore?: number;
  /** Posting lists longer than this are dropped from candidate generation. */
  postingCap?: number;
  /** Candidates scored per measure. */
  maxCandidates?: number;
  /**
   * A link is `same` when the two measures are each other's best match between their two documents
   * and their best clause pair scores at least this (else `related`)…
   */
  sameClause?: number;
  /** …or when the whole measures score at least this… */
  sameScore?: number;
  /** …with a best clause pair of at least this (one shared word spread over two texts is not one measure). */
  sameScoreClause?: number;
  /** A link needs an aligned clause pair scoring at least this (its subject in one clause of each). */
  minClause?: number;
  /**
   * A `related` link scoring below this also needs a distinctive shared subject: a shared
   * programme (an Initiative node), or a rare shared theme (`rareTheme`) with an aligned clause
   * pair of at least `relatedClause`. Two measures of one field that share a generic noun
   * (培训, 信用约束, 可穿戴设备, 银行业金融机构) score in the same range as true relatives.
   */
  relatedScore?: number;
  relatedClause?: number;
  /** …or, without a rare theme, an aligned clause pair of at least this that shares two phrases. */
  nameClause?: number;
  /** …or two words or phrases each in at most this share of the measures. */
  rareWord?: number;
  /** A theme carried by at most this share of the measures is rare enough to vouch for a related link. */
  rareTheme?: number;
  /** At most this many `RESEMBLES` per measure (diffusion: the closest few, not every look-alike). */
  maxResembles?: number;
  /**
   * Drop a link to an older version that a nearer version already carries (`reduceChains`).
   * Default on. An incremental run sees only its own links, so it may keep a link that a run
   * over the whole corpus drops.
   */
  reduce?: boolean;
}

export const LINK_DEFAULTS = {
  threshold: 0.06,
  maxLinks: Infinity,
  relativeFloor: 0.3,
  perDocument: 2,
  strongScore: 0.1,
  postingCap: 150,
  maxCandidates: 200,
  // Raised from 0.5 / 0.15 when the judged links of the 2026-12-01b sample joined pairs.json: the
  // related pairs tiered `same` aligned one clause at 0.51–0.55 (one shared programme or phrase).
  sameClause: 0.56,
  sameScore: 0.17,
  sameScoreClause: 0.4,
  // Calibrated on eval/lineage, where it does not pay: 0.25 gives precision 0.893 (direct false
  // positives 25 → 7) but recall 0.728 (related 0.58), and in the blind sample it keeps 20 of 40
  // links with the same share judged wrong (5 of 20); 0.1 loses two true pairs and no false one.
  minClause: 0,
  // Calibrated on eval/lineage and the blind sample of 2026-12-01b (README): of the labelled
  // related-tier links below 0.12, those judged wrong share a generic noun; those kept by a rare
  // theme and an aligned clause are nearly all the same measure or a true relative.
  relatedScore: 0.12,
  relatedClause: 0.25,
  nameClause: 0.4,
  rareTheme: 0.035,
  rareWord: 0.015,
  maxResembles: 3,
} as const;

/** Link kinds in the order a later measure's links are selected (EVOLVES_FROM first). */
const KINDS: readonly LinkKind[] = ['EVOLVES_FROM', 'RESEMBLES'];
/** A bundled measure is looked at down to this fraction of the threshold (see `linkMeasures`). */
const BUNDLE_FLOOR = 0.5;
/** Clause pairs kept as a link's evidence. */
const CLAUSE_EVIDENCE = 2;
/** A clause with fewer weighted features than this is damped (√(n/4)): one shared word is not a clause match. */
const SHORT_CLAUSE = 4;
/** Clause boundaries: 。；！？, line ends, and list markers ((1), ①, 一是). */
const CLAUSE_BREAK = /[。；;！？!?\t]|(?=[（(][一二三四五六七八九十\d]{1,2}[）)])|(?=[①-⑳])|(?=[一二三四五六七八九十]是)/gu;
/** A clause longer than this is also cut at its commas: a bundled sentence lists several subjects. */
const LONG_CLAUSE = 40;

/** A measure's clauses with their offsets in its text (empty clauses dropped). */
export function splitClauses(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let start = 0;
  const push = (end: number) => {
    let a = start;
    let b = end;
    while (a < b && /[\s,，、:：]/u.test(text[a]!)) a++;
    while (b > a && /\s/u.test(text[b - 1]!)) b--;
    if (b - a < 4) return;
    if (b - a <= LONG_CLAUSE) {
      out.push({ text: text.slice(a, b), start: a, end: b });
      return;
    }
    // Comma parts of a long clause, each at least 8 characters (short ones join the next).
    let p = a;
    for (const c of text.slice(a, b).matchAll(/[，,]/gu)) {
      const cut = a + c.index + 1;
      if (cut - p >= 8 && b - cut >= 8) {
        out.push({ text: text.slice(p, cut - 1), start: p, end: cut - 1 });
        p = cut;
      }
    }
    out.push({ text: text.slice(p, b), start: p, end: b });
  };
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    const end = m.index + m[0].length;
    if (end <= start) continue;
    push(m[0].length ? m.index + m[0].length : m.index);
    start = end;
  }
  push(text.length);
  return out;
}

/**
 * A word in more than this share of measures is a genre word (推动, 加快, 支持, 建设, 部门…), with
 * a floor so that a tiny corpus does not declare its only topics generic.
 */
const STOP_SHARE = 0.05;
const STOP_MIN_DF = 12;
/** Strongest features of a measure used as index keys, and how many of them are paired. */
const SIGNATURE_SIZE = 12;
const PAIR_SOURCE = 6;
/** Weight multipliers of the non-word signals relative to a word of the same rarity. */
const BOOST = { phrase: 1, initiative: 1.5, theme: 0.5, metric: 1.0 } as const;
const EVIDENCE_SIZE = 8;
const SHORT_FEATURES = 8;

type Kind = 'w' | 'p' | 'i' | 't' | 'k';
interface Vector {
  features: Int32Array; // feature ids, ascending
  weights: Float64Array; // L2-normalised
  signature: Int32Array; // strongest features by weight
}

/**
 * Links each measure to the earlier measures it continues. `existing` are measures already in
 * the graph: they can be linked to (and, when a new document is older than them, from), and are
 * not relinked among themselves (incremental ingest).
 *
 * Ordering: `to` is in a strictly earlier year. Two documents of the same year are ordered only
 * when both carry `issuedOn`; otherwise their measures are not linked, because a guessed
 * direction would put a wrong arrow in a researcher's chain. Measures of the same document are
 * never linked. Measures without a year are never linked.
 */
export function linkMeasures(
  measures: LinkableMeasure[],
  opts: LinkOptions = {},
): { links: LineageLink[]; stats: LinkStats } {
  const started = performance.now();
  const existing = opts.existing ?? [];
  const threshold = opts.threshold ?? LINK_DEFAULTS.threshold;
  const maxLinks = opts.maxLinks ?? LINK_DEFAULTS.maxLinks;
  const relativeFloor = opts.relativeFloor ?? LINK_DEFAULTS.relativeFloor;
  const perDocument = opts.perDocument ?? LINK_DEFAULTS.perDocument;
  const postingCap = opts.postingCap ?? LINK_DEFAULTS.postingCap;
  const maxCandidates = opts.maxCandidates ?? LINK_DEFAULTS.maxCandidates;
  const strongScore = opts.strongScore ?? LINK_DEFAULTS.strongScore;
  const sameClause = opts.sameClause ?? LINK_DEFAULTS.sameClause;
  const sameScore = opts.sameScore ?? LINK_DEFAULTS.sameScore;
  const sameScoreClause = opts.sameScoreClause ?? LINK_DEFAULTS.sameScoreClause;
  const minClause = opts.minClause ?? LINK_DEFAULTS.minClause;
  const relatedScore = opts.relatedScore ?? LINK_DEFAULTS.relatedScore;
  const relatedClause = opts.relatedClause ?? LINK_DEFAULTS.relatedClause;
  const nameClause = opts.nameClause ?? LINK_DEFAULTS.nameClause;
  const rareWord = opts.rareWord ?? LINK_DEFAULTS.rareWord;
  const rareTheme = opts.rareTheme ?? LINK_DEFAULTS.rareTheme;
  const maxResembles = opts.maxResembles ?? LINK_DEFAULTS.maxResembles;

  // All measures in one array: new ones first, existing after. A measure id present in both is
  // taken as new (it is being re-ingested).
  // Sorted by id, so that the links depend on the set of measures, never on the order they came
  // in: a re-ingest that links the whole stored corpus gives exactly the links of a clean run.
  const newIds = new Set(measures.map((m) => m.id));
  const byId = (a: LinkableMeasure, b: LinkableMeasure) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const all = [...measures].sort(byId).concat(existing.filter((m) => !newIds.has(m.id)).sort(byId));
  const nNew = measures.length;
  const N = all.length;
  // Measures of one document are never linked: a single file (a dry run) has no pair to score,
  // and need not load the segmenter.
  if (new Set(all.map((m) => m.documentId)).size < 2) {
    return { links: [], stats: { measures: nNew, candidatePairs: 0, links: 0, ms: Math.round(performance.now() - started), existing: N - nNew } };
  }

  // --- features --------------------------------------------------------------------------
  const segStart = performance.now();
  const featureId = new Map<string, number>();
  const featureName: string[] = [];
  const featureKind: Kind[] = [];
  const phraseParts = new Map<number, [number, number]>();
  const df: number[] = [];
  /** Programme features that some measure carries as an Initiative node (not only a quoted name). */
  const nodeInitiative = new Set<number>();
  const intern = (kind: Kind, name: string): number => {
    const key = kind + name;
    let id = featureId.get(key);
    if (id === undefined) {
      id = featureName.length;
      featureId.set(key, id);
      featureName.push(name);
      featureKind.push(kind);
      df.push(0);
    }
    return id;
  };
  const rawFeatures: Int32Array[] = new Array(N);
  const rawCounts: Uint16Array[] = new Array(N);
  const tf = new Map<number, number>();
  for (let i = 0; i < N; i++) {
    const m = all[i]!;
    const terms = measureTerms(m.normText, [...m.departments].sort().map(departmentName));
    tf.clear();
    for (const w of terms.words) {
      const f = intern('w', w);
      tf.set(f, (tf.get(f) ?? 0) + 1);
    }
    for (const [a, b] of terms.phrases) {
      const f = intern('p', a + b);
      if (!phraseParts.has(f)) phraseParts.set(f, [intern('w', a), intern('w', b)]);
      tf.set(f, (tf.get(f) ?? 0) + 1);
    }
    // Supplied initiative ids and quoted names meet on the same key, so whichever the extractor
    // provides (or neither, on a bare corpus) the programme is still recognised.
    for (const name of terms.quoted) tf.set(intern('i', name), 1);
    for (const id of [...m.initiatives].sort()) {
      const f = intern('i', initiativeName(id));
      tf.set(f, 1);
      nodeInitiative.add(f);
    }
    // Sorted: stored measures list these in whatever order the database returns them.
    for (const t of [...m.themes].sort()) tf.set(intern('t', t), 1);
    for (const k of [...m.targetMetrics].sort()) tf.set(intern('k', k), 1);
    const fs = new Int32Array(tf.size);
    const cs = new Uint16Array(tf.size);
    let n = 0;
    for (const [f, c] of tf) {
      fs[n] = f;
      cs[n++] = Math.min(c, 65535);
      df[f]!++;
    }
    rawFeatures[i] = fs;
    rawCounts[i] = cs;
  }
  const segmentMs = performance.now() - segStart;
  const F = featureName.length;

  const stopDf = Math.max(STOP_MIN_DF, Math.ceil(STOP_SHARE * N));
  const stop = new Uint8Array(F);
  let stopWords = 0;
  for (let f = 0; f < F; f++) {
    if (featureKind[f] === 'w' && (df[f]! > stopDf || isStockWord(featureName[f]!))) {
      stop[f] = 1;
      stopWords++;
    }
  }
  const idf = new Float64Array(F);
  for (let f = 0; f < F; f++) {
    const kind = featureKind[f]!;
    if (kind === 'w' && stop[f]) continue;
    if (kind === 'p') {
      // A phrase with a stock word in it (加快冷链, 实施农产品) says no more than its other
      // word. Two common words can still make a specific name (国际消费 + 中心城市), so a
      // phrase is otherwise judged by its own frequency.
      const [a, b] = phraseParts.get(f)!;
      if (isStockWord(featureName[a]!) || isStockWord(featureName[b]!) || df[f]! > stopDf) {
        stop[f] = 1;
        continue;
      }
    }
    const boost = kind === 'i' ? BOOST.initiative : kind === 't' ? BOOST.theme : kind === 'k' ? BOOST.metric : kind === 'p' ? BOOST.phrase : 1;
    idf[f] = Math.log((N + 1) / df[f]!) * boost;
  }

  const vectors: Vector[] = new Array(N);
  for (let i = 0; i < N; i++) {
    const fs = rawFeatures[i]!;
    const cs = rawCounts[i]!;
    const entries: [number, number][] = [];
    let norm = 0;
    for (let k = 0; k < fs.length; k++) {
      const f = fs[k]!;
      const w = (1 + Math.log(cs[k]!)) * idf[f]!;
      if (w <= 0) continue;
      entries.push([f, w]);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    // Signature: the strongest features that another measure could share (df ≥ 2).
    const signature = entries
      .filter(([f]) => df[f]! >= 2)
      .sort((a, b) => b[1] - a[1])
      .slice(0, SIGNATURE_SIZE)
      .map(([f]) => f);
    entries.sort((a, b) => a[0] - b[0]);
    vectors[i] = {
      features: Int32Array.from(entries, ([f]) => f),
      weights: Float64Array.from(entries, ([, w]) => w / norm),
      signature: Int32Array.from(signature),
    };
  }
  // Two very short measures agree on their one or two subject words too easily (a one-line
  // "加强消费统计相关培训" against a long statistics system): damp cosines by how few weighted
  // features a measure has.
  const shortness = Float64Array.from(vectors, (v) => Math.min(1, Math.sqrt(v.features.length / SHORT_FEATURES)));
  rawFeatures.length = 0;
  rawCounts.length = 0;

  // --- ordering --------------------------------------------------------------------------
  const docIndex = new Map<string, number>();
  const docOf = new Int32Array(N);
  const yearOf = new Float64Array(N); // NaN when unknown
  const dateOf = new Float64Array(N); // NaN when no usable issue date
  /** 1 when the year is only the earliest the text's clues allow (yearSource 'inferred'). */
  const lowerBound = new Uint8Array(N);
  let unordered = 0;
  for (let i = 0; i < N; i++) {
    const m = all[i]!;
    let d = docIndex.get(m.documentId);
    if (d === undefined) docIndex.set(m.documentId, (d = docIndex.size));
    docOf[i] = d;
    const year = m.year === null || !Number.isFinite(m.year) ? NaN : m.year;
    yearOf[i] = year;
    if (Number.isNaN(year) && i < nNew) unordered++;
    lowerBound[i] = m.yearSource === 'inferred' ? 1 : 0;
    const date = m.issuedOn ? Date.parse(m.issuedOn) : NaN;
    dateOf[i] = Number.isFinite(date) && new Date(date).getUTCFullYear() === year ? date : NaN;
  }
  // A corpus that names no places is one jurisdiction. A document of unknown place among documents
  // of known places may be from any place: neither a version of another's measure nor a copy of
  // it elsewhere can be told, so it is linked to none (nor to another of unknown place).
  const placed = all.some((m) => !!m.jurisdiction);
  /** The kind of link between i and j, or undefined when they are at different levels or a place is unknown. */
  const kindOf = (i: number, j: number): LinkKind | undefined => {
    const a = all[i]!;
    const b = all[j]!;
    if (!placed) return 'EVOLVES_FROM';
    if (!a.jurisdiction || !b.jurisdiction) return undefined;
    if (a.jurisdiction === b.jurisdiction) return 'EVOLVES_FROM';
    if (a.level && b.level && a.level !== b.level) return undefined;
    return 'RESEMBLES';
  };

  // --- clauses ---------------------------------------------------------------------------
  // Every measure's clauses as vectors in flat typed arrays, segmented on first use and kept:
  // a cache that forgets (it did, past 200,000 measures) segments the same clauses again and
  // again, three times the linking time at 1,000 documents when made to forget, and clause objects
  // cost more memory than the numbers.
  const clauseFirst = new Int32Array(N).fill(-1); // first clause of measure i; -1 not segmented yet
  const clauseCount = new Uint16Array(N);
  let clauseStart = new Int32Array(1024); // offsets in the measure's text
  let clauseEnd = new Int32Array(1024);
  let clauseFrom = new Int32Array(1024); // the clause's features: clauseFeature[from, from + len)
  let clauseLen = new Int32Array(1024);
  let clauseDamp = new Float64Array(1024);
  let clauseFeature = new Int32Array(16_384);
  let clauseWeight = new Float64Array(16_384);
  let clauses = 0;
  let clauseFeatures = 0;
  const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, need: number): T => {
    if (need <= a.length) return a;
    const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
    b.set(a);
    return b;
  };
  /** Segments measure i's clauses (once) and returns its first clause; it has clauseCount[i]. */
  const clausesOf = (i: number): number => {
    if (clauseFirst[i]! >= 0) return clauseFirst[i]!;
    const m = all[i]!;
    const names = m.departments.map(departmentName);
    const first = clauses;
    for (const c of splitClauses(m.text)) {
      const terms = measureTerms(normalise(c.text), names);
      const w = new Map<number, number>();
      const add = (key: string) => {
        const f = featureId.get(key);
        if (f !== undefined && idf[f]! > 0) w.set(f, idf[f]!);
      };
      for (const x of terms.words) add('w' + x);
      for (const [a, b] of terms.phrases) add('p' + a + b);
      for (const q of terms.quoted) add('i' + q);
      if (w.size === 0) continue;
      const entries = [...w].sort((x, y) => x[0] - y[0]);
      const norm = Math.sqrt(entries.reduce((t, [, v]) => t + v * v, 0)) || 1;
      clauseStart = grow(clauseStart, clauses + 1);
      clauseEnd = grow(clauseEnd, clauses + 1);
      clauseFrom = grow(clauseFrom, clauses + 1);
      clauseLen = grow(clauseLen, clauses + 1);
      clauseDamp = grow(clauseDamp, clauses + 1);
      clauseFeature = grow(clauseFeature, clauseFeatures + entries.length);
      clauseWeight = grow(clauseWeight, clauseFeatures + entries.length);
      clauseStart[clauses] = c.start;
      clauseEnd[clauses] = c.end;
      clauseFrom[clauses] = clauseFeatures;
      clauseLen[clauses] = entries.length;
      clauseDamp[clauses] = Math.min(1, Math.sqrt(entries.length / SHORT_CLAUSE));
      for (const [f, v] of entries) {
        clauseFeature[clauseFeatures] = f;
        clauseWeight[clauseFeatures++] = v / norm;
      }
      clauses++;
    }
    clauseFirst[i] = first;
    clauseCount[i] = clauses - first;
    return first;
  };
  /** A clause as the vector `sharedFeatures` reads (views, no copies). */
  const clauseVector = (c: number) => ({
    features: clauseFeature.subarray(clauseFrom[c]!, clauseFrom[c]! + clauseLen[c]!),
    weights: clauseWeight.subarray(clauseFrom[c]!, clauseFrom[c]! + clauseLen[c]!),
  });
  // One measure's clauses indexed by feature (a linked list per feature: head → entry → next),
  // kept while consecutive alignments involve that measure: candidates and decisions come
  // grouped by measure, so each of its ~70 partners costs a walk over the partner's clause
  // features instead of a merge walk per clause pair.
  const indexHead = new Int32Array(F).fill(-1);
  let indexClause = new Int32Array(256); // the indexed measure's clause, 0-based
  let indexWeight = new Float64Array(256);
  let indexNext = new Int32Array(256);
  let indexed = -1;
  const indexMeasure = (i: number) => {
    if (indexed === i) return;
    if (indexed >= 0) {
      const first = clauseFirst[indexed]!;
      for (let c = first; c < first + clauseCount[indexed]!; c++) {
        for (let k = clauseFrom[c]!; k < clauseFrom[c]! + clauseLen[c]!; k++) indexHead[clauseFeature[k]!] = -1;
      }
    }
    const first = clausesOf(i);
    const n = clauseCount[i]!;
    // A measure's clauses, and their features, are contiguous.
    const size = n > 0 ? clauseFrom[first + n - 1]! + clauseLen[first + n - 1]! - clauseFrom[first]! : 0;
    indexClause = grow(indexClause, size);
    indexWeight = grow(indexWeight, size);
    indexNext = grow(indexNext, size);
    let e = 0;
    // Backwards, so each feature's list runs in clause order.
    for (let c = first + n - 1; c >= first; c--) {
      for (let k = clauseFrom[c]!; k < clauseFrom[c]! + clauseLen[c]!; k++) {
        const f = clauseFeature[k]!;
        indexClause[e] = c - first;
        indexWeight[e] = clauseWeight[k]!;
        indexNext[e] = indexHead[f]!;
        indexHead[f] = e++;
      }
    }
    indexed = i;
  };
  /**
   * Clause-pair scores of later i and earlier j into `alignScores` (row: a clause of i, column:
   * one of j), rounded to three places, -1 where they share nothing. Each cell sums its products
   * in ascending feature order, as a merge walk of the two clauses would: the same floating-point
   * result whichever of the two measures is indexed.
   */
  let alignScores = new Float64Array(64);
  const scoreClauses = (i: number, j: number): void => {
    const a0 = clausesOf(i);
    const b0 = clausesOf(j);
    const na = clauseCount[i]!;
    const nb = clauseCount[j]!;
    if (alignScores.length < na * nb) alignScores = new Float64Array(na * nb * 2);
    alignScores.fill(0, 0, na * nb);
    // Index whichever is already indexed (else i), walk the other's clause features.
    const iIndexed = indexed !== j;
    indexMeasure(iIndexed ? i : j);
    const w0 = iIndexed ? b0 : a0;
    const nw = iIndexed ? nb : na;
    for (let y = 0; y < nw; y++) {
      const c = w0 + y;
      for (let k = clauseFrom[c]!; k < clauseFrom[c]! + clauseLen[c]!; k++) {
        const w = clauseWeight[k]!;
        for (let e = indexHead[clauseFeature[k]!]!; e >= 0; e = indexNext[e]!) {
          if (iIndexed) alignScores[indexClause[e]! * nb + y]! += indexWeight[e]! * w;
          else alignScores[y * nb + indexClause[e]!]! += w * indexWeight[e]!;
        }
      }
    }
    for (let x = 0; x < na; x++) {
      const da = clauseDamp[a0 + x]!;
      for (let y = 0; y < nb; y++) {
        const score = alignScores[x * nb + y]! * da * clauseDamp[b0 + y]!;
        alignScores[x * nb + y] = score > 0 ? Math.round(score * 1000) / 1000 : -1;
      }
    }
  };
  /**
   * The best-aligned clause pairs of later i and earlier j, strongest first (score rounded to three
   * places, then text order), each clause once: the second pair aligns other clauses than the first.
   * Scores go to a reused matrix, not to an object per clause pair: this runs for every candidate
   * link, millions of times on a large corpus.
   */
  const alignClauses = (i: number, j: number): AlignedClause[] => {
    scoreClauses(i, j);
    const a0 = clauseFirst[i]!;
    const b0 = clauseFirst[j]!;
    const na = clauseCount[i]!;
    const nb = clauseCount[j]!;
    const kept: AlignedClause[] = [];
    let skipX = -1;
    let skipY = -1;
    const laterText = all[i]!.text;
    const earlierText = all[j]!.text;
    while (kept.length < CLAUSE_EVIDENCE) {
      let bx = -1;
      let by = -1;
      let best = -1;
      for (let x = 0; x < na; x++) {
        if (x === skipX) continue;
        for (let y = 0; y < nb; y++) {
          if (y === skipY) continue;
          const score = alignScores[x * nb + y]!;
          if (score > best) {
            best = score;
            bx = x;
            by = y;
          }
        }
      }
      if (bx < 0) break;
      const a = a0 + bx;
      const b = b0 + by;
      kept.push({
        later: laterText.slice(clauseStart[a]!, clauseEnd[a]!),
        laterStart: clauseStart[a]!,
        laterEnd: clauseEnd[a]!,
        earlier: earlierText.slice(clauseStart[b]!, clauseEnd[b]!),
        earlierStart: clauseStart[b]!,
        earlierEnd: clauseEnd[b]!,
        score: best,
      });
      skipX = bx;
      skipY = by;
    }
    return kept;
  };
  /**
   * The first best clause pair of later i and earlier j (row by row, as `alignClauses` picks its
   * first pair): [clause of i, clause of j, score], or [-1, -1, 0] when no clause pair shares a feature.
   */
  const bestClausePair = (i: number, j: number): [number, number, number] => {
    scoreClauses(i, j);
    const nb = clauseCount[j]!;
    let best = -1;
    let at = -1;
    for (let k = 0; k < clauseCount[i]! * nb; k++) {
      if (alignScores[k]! > best) {
        best = alignScores[k]!;
        at = k;
      }
    }
    return at < 0 ? [-1, -1, 0] : [clauseFirst[i]! + Math.floor(at / nb), clauseFirst[j]! + (at % nb), best];
  };

  /** -1: j is earlier than i, 1: later, 0: not comparable (same document, same undated year). */
  const direction = (i: number, j: number): number => {
    if (docOf[i] === docOf[j]) return 0;
    const a = yearOf[i]!;
    const b = yearOf[j]!;
    if (a !== b) return a !== a || b !== b ? 0 : b < a ? -1 : 1; // x !== x: NaN
    const da = dateOf[i]!;
    const db = dateOf[j]!;
    if (da !== da || db !== db || da === db) return 0;
    return db < da ? -1 : 1;
  };

  // --- scoring ---------------------------------------------------------------------------
  // Above-threshold pairs, as parallel typed arrays (millions of candidates must not mean millions
  // of small objects, nor arrays of boxed numbers).
  let pairs = 0;
  let pairLater = new Int32Array(1024);
  let pairEarlier = new Int32Array(1024);
  let pairScore = new Float64Array(1024);
  let pairKindCode = new Uint8Array(1024); // index in KINDS
  let pairBundled = new Uint8Array(1024);
  /** Clauses aligned while a pair was scored (bundled ones), by pair. */
  const pairClauses = new Map<number, AlignedClause[]>();
  let candidatePairs = 0;

  const { indexKeys, cappedKeys } = forEachCandidateList(
    {
      n: N,
      nNew,
      featureCount: F,
      features: vectors.map((v) => v.features),
      signatures: vectors.map((v) => v.signature),
      df,
      idf,
      docOf,
      yearOf,
      dateOf,
      postingCap,
      maxCandidates,
      pairSource: PAIR_SOURCE,
    },
    (i, list, count) => {
      const v = vectors[i]!;
      candidatePairs += count;
      for (let c = 0; c < count; c++) {
        const j = list[c]!;
        const kind = kindOf(i, j);
        if (!kind) continue;
        const whole = dot(v, vectors[j]!) * shortness[i]! * shortness[j]!;
        if (whole < threshold * BUNDLE_FLOOR) continue;
        const earlierIsJ = direction(i, j) < 0;
        const later = earlierIsJ ? i : j;
        const earlier = earlierIsJ ? j : i;
        // A diffusion link says which place wrote the measure first: a year that is only a lower
        // bound (the document may be later) cannot say so. Within one jurisdiction the version
        // order is still taken from it, as the document's own best estimate.
        if (kind === 'RESEMBLES' && lowerBound[earlier]) continue;
        const score = whole;
        // A bundled measure (a 2017 section listing twenty subjects) scores low as a whole against
        // the one-line measure that continues one of them: within one jurisdiction it may still be
        // linked when one clause of each aligns on a rare theme.
        let bundled = false;
        if (whole < threshold) {
          if (kind !== 'EVOLVES_FROM' || !sharesRareTheme(v, vectors[j]!)) continue;
          const aligned = alignClauses(later, earlier);
          if ((aligned[0]?.score ?? 0) < relatedClause) continue;
          bundled = true;
        }
        if (!bundled && score < strongScore && !sharesMoreThanWords(v, vectors[j]!)) continue;
        // The shared subject must sit in one clause of each: words scattered over two long
        // measures (银行业金融机构 here, 风险 there) are two measures of one field, not one measure.
        const clauses = minClause > 0 || bundled ? alignClauses(later, earlier) : undefined;
        if (minClause > 0 && (clauses?.[0]?.score ?? 0) < minClause) continue;
        // Existing measures are not relinked among themselves; a new, older document may still
        // give an existing measure a new predecessor.
        if (pairs === pairs) {
          pairLater = grow(pairLater, pairs + 1);
          pairEarlier = grow(pairEarlier, pairs + 1);
          pairScore = grow(pairScore, pairs + 1);
          pairKindCode = grow(pairKindCode, pairs + 1);
          pairBundled = grow(pairBundled, pairs + 1);
        }
        pairLater[pairs] = later;
        pairEarlier[pairs] = earlier;
        pairScore[pairs] = score;
        pairKindCode[pairs] = KINDS.indexOf(kind);
        pairBundled[pairs] = bundled ? 1 : 0;
        if (clauses?.length) pairClauses.set(pairs, clauses);
        pairs++;
      }
    },
  );

  // Runs for every pair just under the threshold: a merge walk, no arrays.
  function sharesRareTheme(a: Vector, b: Vector): boolean {
    const rare = rareTheme * N;
    return sharesFeature(a, b, (f) => featureKind[f] === 't' && df[f]! <= rare);
  }

  /** A shared programme node, or a rare shared theme with an aligned clause pair (see `relatedScore`). */
  function distinctiveSubject(link: Decision, later: number, earlier: number): boolean {
    // Most candidates share no programme node: a merge walk says so before any list is built.
    if (sharesNodeInitiative(vectors[later]!, vectors[earlier]!)) {
      link.sharedInitiatives ??= sharedInitiativesOf(sharedFeatures(vectors[later]!, vectors[earlier]!), all[later]!, all[earlier]!);
      if (link.sharedInitiatives.length) return true;
    }
    // The best clause pair by position and score only: the evidence is aligned if the link survives.
    const [a, b, score] = bestClausePair(later, earlier);
    if (a < 0 || score < relatedClause) return false;
    if (sharesRareTheme(vectors[later]!, vectors[earlier]!)) return true;
    // A name of several words in one clause of each (信息进村入户, 一刻钟便民生活圈): two shared
    // phrases, where the generic compound nouns of the wrong links (信用约束, 穿戴设备) are one.
    const inClause = sharedFeatures(clauseVector(a), clauseVector(b)).map(([f]) => f);
    if (score >= nameClause && inClause.filter((f) => featureKind[f] === 'p').length >= 2) return true;
    // Or two rare subjects side by side (外贸 … 内销): a phrase counts once with its words.
    const rareDf = rareWord * N;
    const parts = new Set(inClause.flatMap((f) => phraseParts.get(f) ?? []));
    const units = inClause.filter((f) => df[f]! <= rareDf && (featureKind[f] !== 'w' || !parts.has(f)));
    return units.length >= 2;
  }

  /** True when the two share a programme feature that some measure carries as an Initiative node. */
  function sharesNodeInitiative(a: Vector, b: Vector): boolean {
    return sharesFeature(a, b, (f) => featureKind[f] === 'i' && nodeInitiative.has(f));
  }

  /** True when the two share a phrase, programme or target metric (see `strongScore`). */
  function sharesMoreThanWords(a: Vector, b: Vector): boolean {
    // A phrase, a programme or a target metric is specific enough to vouch for a weak link; a
    // theme only when it is rare (冷链 yes, 旅游 or 教育 no).
    return sharesFeature(a, b, (f) => {
      const kind = featureKind[f];
      return kind === 'p' || kind === 'k' || (kind === 'i' && nodeInitiative.has(f)) || (kind === 't' && df[f]! <= stopDf);
    });
  }

  // --- mutual best matches -------------------------------------------------------------
  // A measure carried into the next version of a plan is, in that version, the best match of its
  // predecessor and vice versa; a look-alike usually loses to the true successor on one side.
  // Decided per pair through a counting sort by measure and a per-document maximum (a map keyed
  // by measure × document held an entry per pair: a gigabyte at 10,000 documents).
  const docs = docIndex.size;
  /** For each pair, the best score among the pairs of the same `own` measure and the same document of `other`. */
  const bestPerDocument = (own: Int32Array, other: Int32Array): Float64Array => {
    const start = new Int32Array(N + 1);
    for (let p = 0; p < pairs; p++) start[own[p]! + 1]!++;
    for (let i = 0; i < N; i++) start[i + 1]! += start[i]!;
    const byOwn = new Int32Array(pairs);
    const fill = start.slice(0, N);
    for (let p = 0; p < pairs; p++) byOwn[fill[own[p]!]!++] = p;
    const best = new Float64Array(pairs);
    const docBest = new Float64Array(docs);
    for (let i = 0; i < N; i++) {
      for (let k = start[i]!; k < start[i + 1]!; k++) {
        const p = byOwn[k]!;
        const d = docOf[other[p]!]!;
        if (pairScore[p]! > docBest[d]!) docBest[d] = pairScore[p]!;
      }
      for (let k = start[i]!; k < start[i + 1]!; k++) best[byOwn[k]!] = docBest[docOf[other[byOwn[k]!]!]!]!;
      for (let k = start[i]!; k < start[i + 1]!; k++) docBest[docOf[other[byOwn[k]!]!]!] = 0;
    }
    return best;
  };
  const mutualPair = new Uint8Array(pairs);
  {
    const bestOfLater = bestPerDocument(pairLater, pairEarlier);
    const bestOfEarlier = bestPerDocument(pairEarlier, pairLater);
    for (let p = 0; p < pairs; p++) mutualPair[p] = pairScore[p]! >= bestOfLater[p]! && pairScore[p]! >= bestOfEarlier[p]! ? 1 : 0;
  }

  // --- selection -------------------------------------------------------------------------
  // Pairs by later measure (a counting sort: a comparator over all pairs would be called tens of
  // millions at 1,000 documents), then within a later measure by kind, score (best first), earlier.
  const order = new Int32Array(pairs);
  {
    const start = new Int32Array(N + 1);
    for (let p = 0; p < pairs; p++) start[pairLater[p]! + 1]!++;
    for (let i = 0; i < N; i++) start[i + 1]! += start[i]!;
    const fill = start.slice(0, N);
    for (let p = 0; p < pairs; p++) order[fill[pairLater[p]!]!++] = p;
    const byKindScore = (a: number, b: number) =>
      pairKindCode[a]! - pairKindCode[b]! || pairScore[b]! - pairScore[a]! || pairEarlier[a]! - pairEarlier[b]!;
    for (let i = 0; i < N; i++) if (start[i + 1]! - start[i]! > 1) order.subarray(start[i]!, start[i + 1]!).sort(byKindScore);
  }
  // Each pair is first decided on what its tier and the related rule need (the clauses only when
  // the tier or the rule asks for them); the chain reduction then runs on those decisions, and
  // only the links that survive it are written out with their evidence. On a corpus where a
  // measure recurs in hundreds of documents, most candidate links end in the reduction.
  const decided: Decision[] = [];
  for (let start = 0; start < order.length; ) {
    const later = pairLater[order[start]!]!;
    const kindCode = pairKindCode[order[start]!]!;
    const kind = KINDS[kindCode]!;
    let end = start;
    while (end < order.length && pairLater[order[end]!] === later && pairKindCode[order[end]!] === kindCode) end++;
    const best = pairScore[order[start]!]!;
    const perDoc = new Map<number, number>();
    const cap = kind === 'RESEMBLES' ? Math.min(maxLinks, maxResembles) : maxLinks;
    let kept = 0;
    for (let k = start; k < end && kept < cap; k++) {
      const p = order[k]!;
      if (pairScore[p]! < best * relativeFloor && !pairBundled[p]) continue;
      const d = docOf[pairEarlier[p]!]!;
      if ((perDoc.get(d) ?? 0) >= perDocument) continue;
      const decision = decide(p, later, kind);
      // The rule reads the score as the link reports it (three places).
      if (decision.tier === 'related' && Math.round(pairScore[p]! * 1000) / 1000 < relatedScore && !distinctiveSubject(decision, later, pairEarlier[p]!)) continue;
      perDoc.set(d, (perDoc.get(d) ?? 0) + 1);
      kept++;
      decided.push(decision);
    }
    start = end;
  }
  const chained = (opts.reduce === false ? decided : reduceChains(decided)).map((x) => {
    const link = toLink(x);
    if (pairBundled[x.pair]) link.reason += '; one clause of a bundled measure, on a rare shared theme';
    return link;
  });
  chained.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0) || b.score - a.score || (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));

  interface Decision {
    pair: number;
    from: string;
    to: string;
    kind: LinkKind;
    tier: LinkTier;
    /** Aligned clauses, when the decision needed them (else aligned when the link is written). */
    clauses: AlignedClause[] | undefined;
    /** Shared programmes, when the related rule needed them (else found when the link is written). */
    sharedInitiatives: string[] | undefined;
    byClause: boolean;
  }

  function decide(p: number, laterIndex: number, kind: LinkKind): Decision {
    const earlierIndex = pairEarlier[p]!;
    const clauses = pairClauses.get(p);
    const mutual = mutualPair[p] === 1;
    let byClause = false;
    let byWhole = false;
    if (mutual) {
      // The tier needs only the best score; most decided links end in the chain reduction, so
      // their evidence is aligned when a link is written.
      const best = clauses ? (clauses[0]?.score ?? 0) : bestClausePair(laterIndex, earlierIndex)[2];
      const whole = Math.round(pairScore[p]! * 1000) / 1000;
      byClause = best >= sameClause;
      byWhole = whole >= sameScore && best >= sameScoreClause;
    }
    const later = all[laterIndex]!;
    const earlier = all[earlierIndex]!;
    return {
      pair: p,
      from: later.id,
      to: earlier.id,
      kind,
      tier: byClause || byWhole ? 'same' : 'related',
      clauses,
      sharedInitiatives: undefined,
      byClause,
    };
  }

  /** Only programmes that exist as Initiative nodes; a quoted name that is not one stays in the evidence. */
  function sharedInitiativesOf(shared: [number, number][], later: LinkableMeasure, earlier: LinkableMeasure): string[] {
    return shared
      .filter(([f]) => featureKind[f] === 'i' && nodeInitiative.has(f))
      .map(([f]) => initiativeId(featureName[f]!, later, earlier))
      .filter((id) => later.initiatives.includes(id) || earlier.initiatives.includes(id))
      .sort();
  }

  function toLink(x: Decision): LineageLink {
    const laterIndex = pairLater[x.pair]!;
    const earlierIndex = pairEarlier[x.pair]!;
    const score = pairScore[x.pair]!;
    const kind = x.kind;
    const clauses = x.clauses ?? alignClauses(laterIndex, earlierIndex);
    const later = all[laterIndex]!;
    const earlier = all[earlierIndex]!;
    const shared = sharedFeatures(vectors[laterIndex]!, vectors[earlierIndex]!);
    const kinds = new Set(shared.map(([f]) => featureKind[f]!));
    const method = ['tfidf', kinds.has('p') && 'phrase', kinds.has('i') && 'initiative', kinds.has('t') && 'theme', kinds.has('k') && 'target']
      .filter(Boolean)
      .join('+');
    // Themes are reported in sharedThemes (by id, which readers resolve to names); the evidence
    // names the words, phrases, programmes and target metrics the two texts share.
    const evidence = shared
      .filter(([f]) => featureKind[f] !== 't')
      .slice(0, EVIDENCE_SIZE)
      .map(([f]) => describe(f));
    const earlierThemes = new Set(earlier.themes);
    const sharedThemes = later.themes.filter((t) => earlierThemes.has(t)).sort();
    const best = clauses[0]?.score ?? 0;
    const whole = Math.round(score * 1000) / 1000;
    const tier = x.tier;
    const distinctive = shared.filter(([f]) => featureKind[f] === 'p' || featureKind[f] === 'i').map(([f]) => describe(f));
    const reason =
      tier === 'same'
        ? x.byClause
          ? `clauses align (${best}), each the other's best match: “${clauses[0]!.later.slice(0, 30)}” ~ “${clauses[0]!.earlier.slice(0, 30)}”`
          : `whole measures agree (${whole}, best clause ${best})`
        : `same topic, different measure (best clause ${best}, whole ${whole})` +
          (sharedThemes.length ? `; shared themes ${sharedThemes.join(', ')}` : '') +
          (distinctive.length ? `; shared ${distinctive.slice(0, 3).join(', ')}` : '');
    return {
      from: later.id,
      to: earlier.id,
      score: Math.round(score * 1000) / 1000,
      method,
      evidence,
      sharedThemes,
      sharedInitiatives: x.sharedInitiatives ?? sharedInitiativesOf(shared, later, earlier),
      kind,
      tier,
      reason,
      clauses,
      ...(kind === 'RESEMBLES' ? { earlierIssuedOn: earlier.issuedOn ?? (earlier.year === null ? undefined : String(earlier.year)) } : {}),
    };
  }

  function describe(f: number): string {
    const name = featureName[f]!;
    switch (featureKind[f]) {
      case 'i':
        return `“${name}”`;
      case 'k':
        return `${name} (target)`;
      default:
        return name;
    }
  }

  return {
    links: chained,
    stats: {
      measures: nNew,
      candidatePairs,
      links: chained.length,
      ms: Math.round(performance.now() - started),
      existing: N - nNew,
      unordered,
      stopWords,
      indexKeys,
      cappedKeys,
      segmentMs: Math.round(segmentMs),
    },
  };
}

/**
 * Researchers trace a measure version by version: a link to an older document is dropped when a
 * nearer version already carries the measure there (later → nearer → older, both links kept).
 * A `same` link gives way only to a path of `same` links; a `related` one to a path with at most
 * one `related` step (two `related` steps may have drifted to another subject).
 */
export function reduceChains<T extends Pick<LineageLink, 'from' | 'to' | 'kind' | 'tier'>>(links: T[]): T[] {
  const out = new Map<string, Map<string, LinkTier | undefined>>();
  for (const l of links) {
    if ((l.kind ?? 'EVOLVES_FROM') !== 'EVOLVES_FROM') continue;
    let m = out.get(l.from);
    if (!m) out.set(l.from, (m = new Map()));
    m.set(l.to, l.tier);
  }
  return links.filter((l) => {
    if ((l.kind ?? 'EVOLVES_FROM') !== 'EVOLVES_FROM') return true;
    for (const [via, first] of out.get(l.from)!) {
      if (via === l.to) continue;
      const second = out.get(via)?.get(l.to);
      if (second === undefined && !out.get(via)?.has(l.to)) continue;
      const sames = (first === 'same' ? 1 : 0) + (second === 'same' ? 1 : 0);
      if (sames === 2 || (sames === 1 && l.tier !== 'same')) return false;
    }
    return true;
  });
}

function dot(a: { features: Int32Array; weights: Float64Array }, b: { features: Int32Array; weights: Float64Array }): number {
  const fa = a.features;
  const fb = b.features;
  const wa = a.weights;
  const wb = b.weights;
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < fa.length && j < fb.length) {
    const x = fa[i]!;
    const y = fb[j]!;
    if (x === y) sum += wa[i++]! * wb[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** True when a feature both carry passes `test`: a merge walk, no arrays. */
function sharesFeature(a: { features: Int32Array }, b: { features: Int32Array }, test: (feature: number) => boolean): boolean {
  const fa = a.features;
  const fb = b.features;
  let i = 0;
  let j = 0;
  while (i < fa.length && j < fb.length) {
    const x = fa[i]!;
    const y = fb[j]!;
    if (x === y) {
      if (test(x)) return true;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return false;
}

/** Shared features with their contribution to the cosine, strongest first: the evidence. */
function sharedFeatures(a: { features: Int32Array; weights: Float64Array }, b: { features: Int32Array; weights: Float64Array }): [number, number][] {
  const shared: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.features.length && j < b.features.length) {
    const x = a.features[i]!;
    const y = b.features[j]!;
    if (x === y) shared.push([x, a.weights[i++]! * b.weights[j++]!]);
    else if (x < y) i++;
    else j++;
  }
  return shared.sort((p, q) => q[1] - p[1]);
}

/** 'dept:天津市/市商务局' → '市商务局'; the text names departments as written, so strip the prefix. */
function departmentName(id: string): string {
  const name = id.startsWith('dept:') ? id.slice(5) : id;
  return name.slice(name.indexOf('/') + 1);
}

function initiativeName(id: string): string {
  return nameKey(id.startsWith('init:') ? id.slice(5) : id);
}

/** Report a supplied initiative id when one matches the shared name, else the conventional id. */
function initiativeId(name: string, a: LinkableMeasure, b: LinkableMeasure): string {
  for (const id of [...a.initiatives, ...b.initiatives]) if (initiativeName(id) === name) return id;
  return `init:${name}`;
}
