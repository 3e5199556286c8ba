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
// 3. Candidates: an inverted index over each measure's strongest features, and over pairs of
//    them, with a posting cap; a key whose posting list exceeds the cap is dropped (it is generic
//    at this corpus size). Each measure then scores at most `maxCandidates` candidates, the ones
//    sharing the most key weight. Cost is O(N · keys · cap): linear in the corpus.
// 4. Score: cosine of the weighted feature vectors. Evidence: the shared features that
//    contribute most to the cosine, so a reader can see at a glance why a link was drawn.
// 5. Selection: above the calibrated threshold, only the best measure per earlier document, at
//    most `maxLinks` per later measure, and not far below that measure's best link.
import { nameKey } from '../normalise.js';
import { GENRE_STOPWORDS, measureTerms } from './terms.js';

// CONTRACT: the pipeline calls these; fields below the comment line are optional additions.
export interface LinkableMeasure {
  id: string;
  documentId: string;
  year: number | null;
  text: string;
  normText: string;
  themes: string[]; // theme ids
  initiatives: string[]; // initiative ids
  targetMetrics: string[];
  departments: string[]; // department ids
  // -- optional --
  /** ISO date of the document's issue: orders two documents of the same year (see below). */
  issuedOn?: string | null;
}

export interface LineageLink {
  from: string; // the later measure's id
  to: string; // the earlier measure's id
  score: number;
  method: string;
  evidence: string[];
  sharedThemes: string[];
  sharedInitiatives: string[];
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
  /** At most this many predecessors per measure. */
  maxLinks?: number;
  /** A link below this fraction of the measure's best link is dropped (keeps only clear peers). */
  relativeFloor?: number;
  /** At most this many predecessors per measure in any one earlier document. */
  perDocument?: number;
  /** Posting lists longer than this are dropped from candidate generation. */
  postingCap?: number;
  /** Candidates scored per measure. */
  maxCandidates?: number;
}

export const LINK_DEFAULTS = {
  threshold: 0.06,
  maxLinks: 3,
  relativeFloor: 0.3,
  perDocument: 2,
  postingCap: 150,
  maxCandidates: 200,
} as const;

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

type Kind = 'w' | 'p' | 'i' | 't' | 'k';
interface Vector {
  features: number[]; // feature ids, ascending
  weights: Float64Array; // L2-normalised
  signature: number[]; // strongest features by weight
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

  // All measures in one array: new ones first, existing after. A measure id present in both is
  // taken as new (it is being re-ingested).
  const newIds = new Set(measures.map((m) => m.id));
  const all = [...measures, ...existing.filter((m) => !newIds.has(m.id))];
  const nNew = measures.length;
  const N = all.length;

  // --- features --------------------------------------------------------------------------
  const segStart = performance.now();
  const featureId = new Map<string, number>();
  const featureName: string[] = [];
  const featureKind: Kind[] = [];
  const df: number[] = [];
  const counts: Map<number, number>[] = new Array(N);
  const intern = (kind: Kind, name: string): number => {
    const key = `${kind}:${name}`;
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
  for (let i = 0; i < N; i++) {
    const m = all[i]!;
    const terms = measureTerms(m.normText, m.departments.map(departmentName));
    const tf = new Map<number, number>();
    for (const w of terms.words) {
      const f = intern('w', w);
      tf.set(f, (tf.get(f) ?? 0) + 1);
    }
    for (const w of terms.phrases) {
      const f = intern('p', w);
      tf.set(f, (tf.get(f) ?? 0) + 1);
    }
    // Supplied initiative ids and quoted names meet on the same key, so whichever the extractor
    // provides (or neither, on a bare corpus) the programme is still recognised.
    const initiatives = new Set(terms.quoted);
    for (const id of m.initiatives) initiatives.add(initiativeName(id));
    for (const name of initiatives) tf.set(intern('i', name), 1);
    for (const t of m.themes) tf.set(intern('t', t), 1);
    for (const k of m.targetMetrics) tf.set(intern('k', k), 1);
    for (const f of tf.keys()) df[f]!++;
    counts[i] = tf;
  }
  const segmentMs = performance.now() - segStart;

  const stopDf = Math.max(STOP_MIN_DF, Math.ceil(STOP_SHARE * N));
  let stopWords = 0;
  const idf = new Float64Array(featureName.length);
  for (let f = 0; f < featureName.length; f++) {
    const d = df[f]!;
    // Only word features become stop-words: a theme or programme shared by many measures is
    // still a real subject, its low idf is enough.
    const isText = featureKind[f] === 'w' || featureKind[f] === 'p';
    if (isText && (d > stopDf || GENRE_STOPWORDS.has(featureName[f]!))) {
      stopWords++;
      continue;
    }
    const kind = featureKind[f]!;
    const boost = kind === 'i' ? BOOST.initiative : kind === 't' ? BOOST.theme : kind === 'k' ? BOOST.metric : kind === 'p' ? BOOST.phrase : 1;
    idf[f] = Math.log((N + 1) / d) * boost;
  }

  const vectors: Vector[] = new Array(N);
  for (let i = 0; i < N; i++) {
    const entries: [number, number][] = [];
    let norm = 0;
    for (const [f, c] of counts[i]!) {
      const w = (1 + Math.log(c)) * idf[f]!;
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
      features: entries.map(([f]) => f),
      weights: Float64Array.from(entries, ([, w]) => w / norm),
      signature,
    };
  }

  // --- ordering --------------------------------------------------------------------------
  const docIndex = new Map<string, number>();
  const docOf = new Int32Array(N);
  const order = new Float64Array(N); // year + day-of-year fraction when a date is known
  const dated = new Uint8Array(N);
  let unordered = 0;
  for (let i = 0; i < N; i++) {
    const m = all[i]!;
    let d = docIndex.get(m.documentId);
    if (d === undefined) docIndex.set(m.documentId, (d = docIndex.size));
    docOf[i] = d;
    if (m.year === null || !Number.isFinite(m.year)) {
      order[i] = NaN;
      if (i < nNew) unordered++;
      continue;
    }
    const date = m.issuedOn ? Date.parse(m.issuedOn) : NaN;
    if (Number.isFinite(date) && new Date(date).getUTCFullYear() === m.year) {
      order[i] = m.year + (date - Date.UTC(m.year, 0, 1)) / (366 * 86_400_000);
      dated[i] = 1;
    } else {
      order[i] = m.year;
    }
  }
  /** -1: j is earlier than i, 1: later, 0: not comparable (same document, same undated year). */
  const direction = (i: number, j: number): number => {
    if (docOf[i] === docOf[j]) return 0;
    const a = order[i]!;
    const b = order[j]!;
    if (Number.isNaN(a) || Number.isNaN(b)) return 0;
    if (Math.floor(a) !== Math.floor(b)) return b < a ? -1 : 1;
    if (!dated[i] || !dated[j] || a === b) return 0;
    return b < a ? -1 : 1;
  };

  // --- candidate index -------------------------------------------------------------------
  // A pair is a candidate when a strong feature of one (its signature) occurs anywhere in the
  // other, or when both share a pair of top features. The rule is symmetric, so each pair of new
  // measures is met from both sides and scored once, from the lower index. Looking up every
  // feature of the other side matters: a long 2017 measure mentions 5G once among twenty
  // subjects, and only the short 2020 measure has 5G among its strongest words.
  const allPostings: number[][] = Array.from({ length: featureName.length }, () => []);
  const sigPostings: number[][] = Array.from({ length: featureName.length }, () => []);
  const inRange = (f: number) => df[f]! >= 2 && df[f]! <= postingCap && idf[f]! > 0;
  const pairKeyId = new Map<string, number>();
  const pairPostings: number[][] = [];
  const pairWeight: number[] = [];
  const pairKeysOf: number[][] = new Array(N);
  let cappedKeys = 0;
  for (let f = 0; f < featureName.length; f++) if (df[f]! > postingCap && idf[f]! > 0) cappedKeys++;
  for (let i = 0; i < N; i++) {
    const v = vectors[i]!;
    for (const f of v.features) if (inRange(f)) allPostings[f]!.push(i);
    for (const f of v.signature) if (inRange(f)) sigPostings[f]!.push(i);
    // Pairs of strong features stay selective when each feature alone has become common
    // (冷链 in a national corpus): the co-occurrence is what identifies the subject.
    const top = v.signature.slice(0, PAIR_SOURCE);
    const keys: number[] = [];
    for (let a = 0; a < top.length; a++) {
      for (let b = a + 1; b < top.length; b++) {
        const [x, y] = top[a]! < top[b]! ? [top[a]!, top[b]!] : [top[b]!, top[a]!];
        const name = `${x}&${y}`;
        let k = pairKeyId.get(name);
        if (k === undefined) {
          k = pairPostings.length;
          pairKeyId.set(name, k);
          pairPostings.push([]);
          pairWeight.push(idf[x]! + idf[y]!);
        }
        pairPostings[k]!.push(i);
        keys.push(k);
      }
    }
    pairKeysOf[i] = keys;
  }
  let indexKeys = 0;
  for (let f = 0; f < featureName.length; f++) if (allPostings[f]!.length > 1) indexKeys++;
  for (let k = 0; k < pairPostings.length; k++) {
    const p = pairPostings[k]!;
    if (p.length > postingCap) {
      pairPostings[k] = [];
      cappedKeys++;
    } else if (p.length > 1) indexKeys++;
  }

  // --- scoring ---------------------------------------------------------------------------
  interface Scored {
    later: number;
    earlier: number;
    score: number;
    shared: [number, number][]; // feature, contribution
  }
  const byLater = new Map<number, Scored[]>();
  const accumulator = new Float64Array(N);
  const touched: number[] = [];
  let candidatePairs = 0;

  for (let i = 0; i < nNew; i++) {
    if (Number.isNaN(order[i]!)) continue;
    const visit = (j: number, w: number) => {
      if (j === i) return;
      if (j < nNew && j < i) return; // met from j's side already (the rule is symmetric)
      if (direction(i, j) === 0) return;
      if (accumulator[j] === 0) touched.push(j);
      accumulator[j] = accumulator[j]! + w;
    };
    const v = vectors[i]!;
    const signature = new Set(v.signature);
    for (const f of v.features) {
      const list = signature.has(f) ? allPostings[f]! : sigPostings[f]!;
      for (const j of list) visit(j, idf[f]!);
    }
    for (const k of pairKeysOf[i]!) for (const j of pairPostings[k]!) visit(j, pairWeight[k]!);
    let chosen = touched;
    if (touched.length > maxCandidates) {
      chosen = [...touched].sort((a, b) => accumulator[b]! - accumulator[a]!).slice(0, maxCandidates);
    }
    for (const j of chosen) {
      candidatePairs++;
      const { score, shared } = cosine(vectors[i]!, vectors[j]!);
      if (score < threshold) continue;
      const dir = direction(i, j);
      const later = dir < 0 ? i : j;
      const earlier = dir < 0 ? j : i;
      // Existing measures are not relinked among themselves; a new, older document may still
      // give an existing measure a new predecessor.
      let list = byLater.get(later);
      if (!list) byLater.set(later, (list = []));
      list.push({ later, earlier, score, shared });
    }
    for (const j of touched) accumulator[j] = 0;
    touched.length = 0;
  }

  // --- selection -------------------------------------------------------------------------
  const links: LineageLink[] = [];
  for (const list of byLater.values()) {
    list.sort((a, b) => b.score - a.score || all[a.earlier]!.id.localeCompare(all[b.earlier]!.id));
    const best = list[0]!.score;
    const perDoc = new Map<number, number>();
    const seen = new Set<number>();
    let kept = 0;
    for (const s of list) {
      if (kept >= maxLinks) break;
      if (s.score < best * relativeFloor) break;
      const d = docOf[s.earlier]!;
      if ((perDoc.get(d) ?? 0) >= perDocument || seen.has(s.earlier)) continue;
      perDoc.set(d, (perDoc.get(d) ?? 0) + 1);
      seen.add(s.earlier);
      kept++;
      links.push(toLink(all[s.later]!, all[s.earlier]!, s.score, s.shared));
    }
  }
  links.sort((a, b) => a.from.localeCompare(b.from) || b.score - a.score);

  function toLink(later: LinkableMeasure, earlier: LinkableMeasure, score: number, shared: [number, number][]): LineageLink {
    shared.sort((a, b) => b[1] - a[1]);
    const kinds = new Set(shared.map(([f]) => featureKind[f]!));
    const method = ['tfidf', kinds.has('p') && 'phrase', kinds.has('i') && 'initiative', kinds.has('t') && 'theme', kinds.has('k') && 'target']
      .filter(Boolean)
      .join('+');
    const evidence = shared.slice(0, EVIDENCE_SIZE).map(([f]) => describe(f));
    const earlierThemes = new Set(earlier.themes);
    const sharedThemes = later.themes.filter((t) => earlierThemes.has(t));
    const sharedInitiatives = shared
      .filter(([f]) => featureKind[f] === 'i')
      .map(([f]) => initiativeId(featureName[f]!, later, earlier));
    return {
      from: later.id,
      to: earlier.id,
      score: Math.round(score * 1000) / 1000,
      method,
      evidence,
      sharedThemes,
      sharedInitiatives,
    };
  }

  function describe(f: number): string {
    const name = featureName[f]!;
    switch (featureKind[f]) {
      case 'i':
        return `“${name}”`;
      case 't':
        return `theme ${name}`;
      case 'k':
        return `target ${name}`;
      default:
        return name;
    }
  }

  return {
    links,
    stats: {
      measures: nNew,
      candidatePairs,
      links: links.length,
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

function cosine(a: Vector, b: Vector): { score: number; shared: [number, number][] } {
  let i = 0;
  let j = 0;
  let dot = 0;
  const shared: [number, number][] = [];
  while (i < a.features.length && j < b.features.length) {
    const fa = a.features[i]!;
    const fb = b.features[j]!;
    if (fa === fb) {
      const c = a.weights[i]! * b.weights[j]!;
      dot += c;
      shared.push([fa, c]);
      i++;
      j++;
    } else if (fa < fb) i++;
    else j++;
  }
  return { score: dot, shared };
}

/** 'dept:市商务局' → '市商务局'; the text names departments as written, so strip the prefix. */
function departmentName(id: string): string {
  return id.startsWith('dept:') ? id.slice(5) : id;
}

function initiativeName(id: string): string {
  return nameKey(id.startsWith('init:') ? id.slice(5) : id);
}

/** Report a supplied initiative id when one matches the shared name, else the conventional id. */
function initiativeId(name: string, a: LinkableMeasure, b: LinkableMeasure): string {
  for (const id of [...a.initiatives, ...b.initiatives]) if (initiativeName(id) === name) return id;
  return `init:${name}`;
}
