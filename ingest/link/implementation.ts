// Implementation of higher-level clauses: a local measure that carries out a clause of a national
// or provincial document its own document cites is linked to that clause's measure
// (IMPLEMENTS_CLAUSE, local → higher), and a requirement quoted in a division-of-labour table is
// linked to the clause of the cited document it quotes (QUOTES, requirement → measure).
//
// Candidates are restricted to the documents a document cites: a citation is the author's own
// statement of which directive the plan carries out, while "same theme, same period" would join
// every city's consumption plan to every national one. A citation counts only upwards (a city
// citing another city's document is diffusion, not implementation, and lineage.ts handles it).
//
// Similarity uses the lineage linker's features (terms.ts: jieba words without the genre's stock
// words, adjacent-word phrases, quoted names; lineage.ts: the clause splitter), weighted by TF-IDF
// over the whole corpus given, so the links depend on the stored set only and a re-ingest in any
// order gives the same links. A national measure is often a bundled paragraph of several
// sentences and the local measure carries out one of them, so the score is the better of the
// whole-measure cosine and the best clause of the national measure against the local measure.
import { citedDocumentId } from '../../model/graph.js';
import { normalise } from '../normalise.js';
import { splitClauses } from './lineage.js';
import { isStockWord, measureTerms } from './terms.js';

/** A measure as the implementation linker needs it (a subset of the model's StoredMeasure). */
export interface ImplementableMeasure {
  id: string;
  documentId: string;
  text: string;
  normText: string;
  departments: string[];
}

/** A document with what identifies it to a citation and what it cites. */
export interface ImplementationDocument {
  id: string;
  /** 'national' | 'provincial' | 'municipal' | 'district'; absent when not known. */
  level?: string | null;
  /** Placeholder ids a citation of this document gets (nat:<number>, nat:<title>): see citationKeys. */
  keys: string[];
  /** Ids of the documents it cites, as stored: a source document's id or a placeholder's. */
  cites: string[];
}

/** A requirement quoted from a directive (division-of-labour tables), with the directive it is PART_OF. */
export interface QuotedRequirement {
  id: string;
  normText: string;
  directive: string;
}

export interface ImplementationLink {
  from: string; // the local measure (or, for QUOTES, the requirement)
  to: string; // the higher-level measure
  /** The cited document the clause belongs to. */
  document: string;
  score: number;
  /** `same`: the local text carries out this clause nearly as written; `related`: the same subject. */
  tier: 'same' | 'related';
  /** Shared distinctive terms, strongest first, and the best-aligned clause pair. */
  evidence: string[];
  localClause: string;
  clause: string;
  /** Offsets of `clause` in the higher-level measure's text. */
  clauseStart: number;
  clauseEnd: number;
}

export const IMPLEMENTATION_DEFAULTS = {
  // Calibrated on real pairs (eval/implementation/calibrate.ts): the division-of-labour table of
  // seeds/001 writes 84 Tianjin measures beside the clause of 发改就业〔2020〕293号 each implements
  // (test/fixtures/national). Over the seeds' corpus, the share of links that point at the row's own
  // clause and the share of rows so linked: 0.1 → 0.905 / 0.798, 0.15 → 0.926 / 0.750,
  // 0.2 → 0.938 / 0.726, 0.3 → 0.964 / 0.643, 0.4 → 1.0 / 0.5. Without the clause-agreement damping
  // (AGREEMENT) 0.15 gave 0.865 / 0.762: one or two shared words made short clauses look alike.
  threshold: 0.15,
  sameScore: 0.4,
  /** A requirement matches a clause below the verbatim case only above this. */
  requirementThreshold: 0.3,
} as const;

export interface ImplementationOptions {
  threshold?: number;
  sameScore?: number;
  requirementThreshold?: number;
}

const LEVEL_RANK: Record<string, number> = { national: 3, provincial: 2, municipal: 1, district: 0 };
const STOP_SHARE = 0.05;
const STOP_MIN_DF = 12;
const SHORT_CLAUSE = 4;
const EVIDENCE_SIZE = 6;
/** Shared features from which a clause pair counts fully. */
const AGREEMENT = 3;

/** The ids a citation of a document with this number and title gets (assemble's NationalDocuments). */
export function citationKeys(docNumber: string | null | undefined, title: string | null | undefined): string[] {
  const keys: string[] = [];
  if (docNumber) keys.push(citedDocumentId(docNumber.replace(/\s+/gu, '')));
  if (title) keys.push(citedDocumentId(title.replace(/\s+/gu, '')));
  return keys;
}

interface Vec {
  keys: string[]; // ascending
  weights: number[]; // L2-normalised
}

function cosine(a: Vec, b: Vec): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.keys.length && j < b.keys.length) {
    if (a.keys[i] === b.keys[j]) sum += a.weights[i++]! * b.weights[j++]!;
    else if (a.keys[i]! < b.keys[j]!) i++;
    else j++;
  }
  return sum;
}

function sharedCount(a: Vec, b: Vec): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.keys.length && j < b.keys.length) {
    if (a.keys[i] === b.keys[j]) {
      n++;
      i++;
      j++;
    } else if (a.keys[i]! < b.keys[j]!) i++;
    else j++;
  }
  return n;
}

function shared(a: Vec, b: Vec): [string, number][] {
  const out: [string, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.keys.length && j < b.keys.length) {
    if (a.keys[i] === b.keys[j]) out.push([a.keys[i]!, a.weights[i++]! * b.weights[j++]!]);
    else if (a.keys[i]! < b.keys[j]!) i++;
    else j++;
  }
  return out.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
}

/** Feature keys of a text: 'w' words, 'p' phrases, 'q' quoted names (stock words and their phrases left out). */
function featureCounts(normText: string, departmentNames: string[] = []): Map<string, number> {
  const terms = measureTerms(normText, departmentNames);
  const tf = new Map<string, number>();
  const add = (k: string) => tf.set(k, (tf.get(k) ?? 0) + 1);
  for (const w of terms.words) if (!isStockWord(w)) add('w' + w);
  for (const [a, b] of terms.phrases) if (!isStockWord(a) && !isStockWord(b)) add('p' + a + b);
  for (const q of terms.quoted) add('q' + q);
  return tf;
}

/** 'dept:天津市/市商务局' → '市商务局': the text names departments as written. */
function departmentName(id: string): string {
  const name = id.startsWith('dept:') ? id.slice(5) : id;
  return name.slice(name.indexOf('/') + 1);
}

/**
 * Links local measures to the clauses of the higher-level documents their documents cite, and
 * quoted requirements to the clause they quote. Deterministic: the result depends on the sets
 * given, not their order.
 */
export function linkImplementations(
  input: { measures: ImplementableMeasure[]; documents: ImplementationDocument[]; requirements?: QuotedRequirement[] },
  opts: ImplementationOptions = {},
): { links: ImplementationLink[]; quotes: ImplementationLink[] } {
  const threshold = opts.threshold ?? IMPLEMENTATION_DEFAULTS.threshold;
  const sameScore = opts.sameScore ?? IMPLEMENTATION_DEFAULTS.sameScore;
  const requirementThreshold = opts.requirementThreshold ?? IMPLEMENTATION_DEFAULTS.requirementThreshold;
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  // The first of two entries with one id wins: this run's version of a document before a stored one.
  const firstById = <T extends { id: string }>(xs: T[]): T[] => {
    const seen = new Map<string, T>();
    for (const x of xs) if (!seen.has(x.id)) seen.set(x.id, x);
    return [...seen.values()].sort(byId);
  };
  const measures = firstById(input.measures);
  const documents = firstById(input.documents);

  const measuresOf = new Map<string, ImplementableMeasure[]>();
  for (const m of measures) {
    if (!measuresOf.has(m.documentId)) measuresOf.set(m.documentId, []);
    measuresOf.get(m.documentId)!.push(m);
  }
  // A citation names a placeholder until the document arrives: resolve both to the document.
  const resolve = new Map<string, string>();
  for (const d of documents) {
    if (!measuresOf.has(d.id)) continue;
    resolve.set(d.id, d.id);
    for (const k of d.keys) if (!resolve.has(k)) resolve.set(k, d.id);
  }
  const docById = new Map(documents.map((d) => [d.id, d]));
  const rank = (d: ImplementationDocument | undefined) => (d?.level ? LEVEL_RANK[d.level] : undefined);

  /** Cited documents present with measures, each a level above the citing one. */
  const higherCited = (d: ImplementationDocument): string[] => {
    const out = new Set<string>();
    for (const c of d.cites) {
      const target = resolve.get(c);
      if (!target || target === d.id) continue;
      const above = rank(docById.get(target));
      const own = rank(d);
      // A document of unknown level implements only a national one.
      if (above === undefined || (own === undefined ? above < LEVEL_RANK.national! : above <= own)) continue;
      out.add(target);
    }
    return [...out].sort();
  };

  const pairs = documents.map((d) => [d, higherCited(d)] as const).filter(([, h]) => h.length > 0 && measuresOf.has(h[0]!));
  const quoted = (input.requirements ?? []).filter((r) => resolve.has(r.directive));
  if (pairs.length === 0 && quoted.length === 0) return { links: [], quotes: [] };

  // --- weights: document frequencies over the whole corpus given ------------------------------
  const counts = new Map<string, Map<string, number>>();
  const df = new Map<string, number>();
  for (const m of measures) {
    const tf = featureCounts(m.normText, [...m.departments].sort().map(departmentName));
    counts.set(m.id, tf);
    for (const k of tf.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  }
  const N = Math.max(1, measures.length);
  const stopDf = Math.max(STOP_MIN_DF, Math.ceil(STOP_SHARE * N));
  const idf = (k: string): number => {
    const n = df.get(k) ?? 0;
    if (k[0] === 'w' && n > stopDf) return 0;
    return Math.log((N + 1) / (n + 1)) + 1;
  };
  const vector = (tf: Map<string, number>): Vec => {
    const entries: [string, number][] = [];
    for (const [k, c] of tf) {
      const w = (1 + Math.log(c)) * idf(k);
      if (w > 0) entries.push([k, w]);
    }
    entries.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const norm = Math.sqrt(entries.reduce((t, [, w]) => t + w * w, 0)) || 1;
    return { keys: entries.map(([k]) => k), weights: entries.map(([, w]) => w / norm) };
  };
  const vectors = new Map<string, Vec>();
  const vectorOf = (m: ImplementableMeasure) => {
    let v = vectors.get(m.id);
    if (!v) vectors.set(m.id, (v = vector(counts.get(m.id)!)));
    return v;
  };
  const clauseCache = new Map<string, { text: string; start: number; end: number; v: Vec; damp: number }[]>();
  const clausesOf = (id: string, text: string) => {
    let cs = clauseCache.get(id);
    if (!cs) {
      cs = splitClauses(text).map((c) => {
        const v = vector(featureCounts(normalise(c.text)));
        return { ...c, v, damp: Math.min(1, Math.sqrt(v.keys.length / SHORT_CLAUSE)) };
      });
      clauseCache.set(id, cs);
    }
    return cs;
  };

  /** One or two shared words make a short clause look alike: a clause pair counts fully from three shared features. */
  const agreement = (a: Vec, b: Vec) => Math.sqrt(Math.min(1, sharedCount(a, b) / AGREEMENT));
  /** The score of a local text against a higher-level measure, with the clauses that carry it. */
  const score = (localId: string, localText: string, local: Vec, higher: ImplementableMeasure) => {
    const hv = vectorOf(higher);
    const whole = cosine(local, hv);
    let best = { s: 0, lc: localText, hc: { text: higher.text, start: 0, end: higher.text.length } };
    const localClauses = clausesOf(localId, localText);
    for (const hc of clausesOf(higher.id, higher.text)) {
      // The whole local measure against one national clause: a local row carries out one sentence
      // of a bundled national paragraph, often in several sentences of its own.
      const s = cosine(local, hc.v) * hc.damp * agreement(local, hc.v);
      if (s > best.s) best = { s, lc: localText, hc };
      for (const lc of localClauses) {
        const t = cosine(lc.v, hc.v) * lc.damp * hc.damp * agreement(lc.v, hc.v);
        if (t > best.s) best = { s: t, lc: lc.text, hc };
      }
    }
    return { score: Math.max(whole, best.s), whole, clause: best };
  };

  const toLink = (from: string, higher: ImplementableMeasure, s: ReturnType<typeof score>, local: Vec, tier?: 'same'): ImplementationLink => {
    const evidence = shared(local, vectorOf(higher))
      .slice(0, EVIDENCE_SIZE)
      .map(([k]) => (k[0] === 'q' ? `“${k.slice(1)}”` : k.slice(1)));
    const rounded = Math.round(s.score * 1000) / 1000;
    return {
      from,
      to: higher.id,
      document: higher.documentId,
      score: rounded,
      tier: tier ?? (s.score >= sameScore ? 'same' : 'related'),
      evidence,
      localClause: s.clause.lc,
      clause: s.clause.hc.text,
      clauseStart: s.clause.hc.start,
      clauseEnd: s.clause.hc.end,
    };
  };

  const links: ImplementationLink[] = [];
  for (const [doc, cited] of pairs) {
    const candidates = cited.flatMap((c) => measuresOf.get(c) ?? []);
    for (const m of measuresOf.get(doc.id) ?? []) {
      const v = vectorOf(m);
      let best: { higher: ImplementableMeasure; s: ReturnType<typeof score> } | undefined;
      for (const h of candidates) {
        const s = score(m.id, m.text, v, h);
        if (!best || s.score > best.s.score + 1e-12) best = { higher: h, s };
      }
      if (best && best.s.score >= threshold) links.push(toLink(m.id, best.higher, best.s, v));
    }
  }

  // A quoted requirement: the clause that contains its text (verbatim after normalisation), else
  // the most similar one above the requirement threshold.
  const quotes: ImplementationLink[] = [];
  const squeeze = (s: string) => s.replace(/[\s,，。；;、:：]/gu, '');
  for (const r of firstById(quoted)) {
    const candidates = measuresOf.get(resolve.get(r.directive)!) ?? [];
    const v = vector(featureCounts(r.normText));
    const text = squeeze(r.normText);
    let best: { higher: ImplementableMeasure; s: ReturnType<typeof score>; verbatim: boolean } | undefined;
    for (const h of candidates) {
      const verbatim = text.length >= 8 && squeeze(h.normText).includes(text);
      const s = score(r.id, r.normText, v, h);
      const better = !best || (verbatim && !best.verbatim) || (verbatim === best.verbatim && s.score > best.s.score + 1e-12);
      if (better) best = { higher: h, s, verbatim };
    }
    if (!best) continue;
    if (best.verbatim) quotes.push({ ...toLink(r.id, best.higher, best.s, v, 'same'), score: 1, evidence: ['verbatim', ...toLink(r.id, best.higher, best.s, v).evidence] });
    else if (best.s.score >= requirementThreshold) quotes.push(toLink(r.id, best.higher, best.s, v));
  }
  return { links, quotes };
}
