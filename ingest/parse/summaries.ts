// A plan with an annex task list states its tasks twice: as prose in the body (1．促进升级类
// 商品消费。扩大…) and as rows of the annex, which carry the departments. The body's prose is a
// summary of annex rows, not a second set of measures. Each body paragraph is matched to the
// annex group it summarises, then each of its sentences to the row it restates, by shared
// character bigrams weighted by rarity (so 消费 counts little and 以旧换新 much).
import { normView, originalRange, trimRange } from '../segment.js';
import { span, type Measure, type ParseContext } from './common.js';
import type { OutlineItem } from '../structure/outline.js';

export interface AnnexGroup {
  name: string;
  measures: Measure[];
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const t = s.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '');
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

class Weights {
  private readonly df = new Map<string, number>();
  private n = 0;
  add(grams: Set<string>): void {
    this.n++;
    for (const g of grams) this.df.set(g, (this.df.get(g) ?? 0) + 1);
  }
  w(g: string): number {
    return Math.log(1 + this.n / (this.df.get(g) ?? 0.5));
  }
  /** Share of the query's weight found in the candidate. */
  cover(query: Set<string>, candidate: Set<string>): number {
    let hit = 0;
    let all = 0;
    for (const g of query) {
      const w = this.w(g);
      all += w;
      if (candidate.has(g)) hit += w;
    }
    return all === 0 ? 0 : hit / all;
  }
}

const GROUP_MIN = 0.35;
const ROW_MIN = 0.2;
const SENTENCE_WEIGHT = 0.6;

/** Attaches body paragraphs (items with no measures of their own) to the annex rows they summarise. */
export function attachSummaries(ctx: ParseContext, bodyItems: OutlineItem[], groups: AnnexGroup[], hasMeasures: (item: OutlineItem) => boolean): number {
  const text = ctx.source.text;
  const weights = new Weights();
  const rowGrams = new Map<Measure, Set<string>>();
  for (const g of groups) {
    for (const m of g.measures) {
      const grams = bigrams(`${m.title ?? ''}${m.text}`);
      rowGrams.set(m, grams);
      weights.add(grams);
    }
  }
  const groupGrams = groups.map((g) => {
    const all = bigrams(g.name);
    for (const m of g.measures) for (const x of rowGrams.get(m)!) all.add(x);
    return all;
  });

  let attached = 0;
  for (const item of bodyItems) {
    if (item.kind === 'root' || hasMeasures(item) || item.children.length > 0) continue;
    const [s, e] = trimRange(text, item.bodyStart, item.ownEnd);
    if (e - s < 4) continue;
    const view = normView(text, s, e);
    const paragraph = bigrams(`${item.title ?? ''}${view.text}`);

    // Sentences of the paragraph: later each is assigned to its closest row.
    const sentences: { a: number; b: number; grams: Set<string>; row?: Measure }[] = [];
    const t = view.text;
    let a = 0;
    for (let i = 0; i < t.length; i++) {
      if (t[i] === '。' || t[i] === ';' || i === t.length - 1) {
        const b = i + 1;
        if (b - a > 1) sentences.push({ a, b, grams: bigrams(t.slice(a, b)) });
        a = b;
      }
    }

    // The group a paragraph summarises: by the whole paragraph, or by one sentence restating a
    // row nearly word for word (a paragraph may add a long list the annex spreads elsewhere).
    let best = -1;
    let bestScore = 0;
    groupGrams.forEach((gg, i) => {
      let score = weights.cover(paragraph, gg);
      for (const sen of sentences) {
        if (sen.grams.size >= 10) score = Math.max(score, SENTENCE_WEIGHT * weights.cover(sen.grams, gg));
      }
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    if (best < 0 || bestScore < GROUP_MIN) continue;
    const rows = groups[best]!.measures;
    for (const sen of sentences) {
      const grams = sen.grams;
      let top: Measure | undefined;
      let topScore = ROW_MIN;
      for (const m of rows) {
        const score = weights.cover(grams, rowGrams.get(m)!);
        if (score > topScore) {
          topScore = score;
          top = m;
        }
      }
      sen.row = top;
    }
    for (let i = 0; i < sentences.length; i++) sentences[i]!.row ??= sentences[i - 1]?.row;
    for (let i = sentences.length - 1; i >= 0; i--) sentences[i]!.row ??= sentences[i + 1]?.row;

    for (let i = 0; i < sentences.length; ) {
      let j = i;
      while (j + 1 < sentences.length && sentences[j + 1]!.row === sentences[i]!.row) j++;
      const row = sentences[i]!.row;
      if (row) {
        const [os, oe] = originalRange(text, view, sentences[i]!.a, sentences[j]!.b);
        (row.summaries ??= []).push({ text: text.slice(os, oe), span: span(ctx, os, oe), path: item.path });
        attached++;
      }
      i = j + 1;
    }
  }
  return attached;
}
