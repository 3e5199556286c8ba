// The outline of a document: its numbered items (一、 > （一） > 1. > （1） > ①, or 第一章 >
// 第一条 …) as a tree, in parts. The depth of each marker style is learned from the order the
// document uses it: a style already open is a sibling (its deeper items close), a new one is a
// child. A signature date or an annex header (附件1) ends a part, so the plan after a notice, and
// each annex, numbers from the top again. Attachment notes (附件：1. …) and the closing block
// (抄送 / 印发) hold no items. Page furniture is skipped.
import { squeeze, trimRange, type Line } from '../segment.js';
import { FIELD_LINE } from '../responsibility/clauses.js';
import { dateLine } from './dates.js';
import { markerAt, type Marker, type MarkerKind } from './markers.js';

export interface OutlineItem {
  kind: MarkerKind | 'root';
  /** Depth in its part's tree: 0 for the root, 1 for the first style the part uses. */
  level: number;
  label: string;
  /** Structural path: '二、(五)', '附件1/(一)1.'; '' for the root. */
  path: string;
  start: number;
  end: number;
  /** End of the item's own text (start of its first child, or its end). */
  ownEnd: number;
  parent?: OutlineItem;
  children: OutlineItem[];
  /** 0 for the document's first part; +1 at each signature date or annex header. */
  part: number;
  /** Set by the reader of the item: original offset where its text after the heading begins. */
  bodyStart: number;
  heading?: string;
  title?: string;
}

/** A sentence, clause or bracket closes here: a new item may begin on the next line. */
const BLOCK_END = /[。！？；：:;!?）)”」』\]】〕]$/u;
const ANNEX_HEADER = /^附\s*件\s*(\d{1,2}|[一二三四五六七八九十]{1,2})?\s*[:：]?\s*$/u;
const ANNEX_NOTES = /^附\s*件\s*[:：]\s*\S/u;
const CLOSING = /^(抄送|抄报|主送)[:：]|^[\p{Script=Han}\s]{2,30}\s\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$/u;

/** An issuing organ's name on a line of its own, above the signature date. */
const SIGNATURE = /^[\p{Script=Han}()（）\s]{2,40}(政府|办公厅|办公室|委员会|委|局|厅|部|署|行|会|院|中心|办)$/u;

/** Conventional depth of each style; only used to tell a step up from a step down. */
const RANK: Record<MarkerKind, number> = { chapter: 0, article: 1, cn: 2, 'cn-paren': 3, arabic: 4, 'arabic-paren': 5, circled: 6 };
const SHORT_LINE = 40;

export interface OutlineOptions {
  /** Lines to skip (page furniture). */
  skip?: ReadonlySet<number>;
}

export function buildOutline(text: string, lines: Line[], start: number, end: number, opts: OutlineOptions = {}): OutlineItem[] {
  const root: OutlineItem = { kind: 'root', level: 0, label: '', path: '', start, end, ownEnd: end, children: [], part: 0, bodyStart: start };
  const items: OutlineItem[] = [root];
  let stack: OutlineItem[] = [root];
  let part = 0;
  let prefix = '';
  let inNotes = false;
  let prevBlockEnd = true;
  const recent: [number, string][] = [];

  const closeTo = (depth: number, at: number) => {
    while (stack.length > depth) stack.pop()!.end = at;
  };
  const newPart = (at: number, annex?: string) => {
    closeTo(1, at);
    stack = [root];
    part++;
    prefix = annex !== undefined ? `附件${annex}/` : prefix;
    prevBlockEnd = true;
  };

  for (const line of lines) {
    if (line.end <= start || line.start >= end) continue;
    if (opts.skip?.has(line.index)) continue;
    const [ls, le] = trimRange(text, Math.max(line.start, start), Math.min(line.end, end));
    if (ls >= le) continue;
    const trimmed = text.slice(ls, le);
    recent.push([ls, trimmed]);

    if (dateLine(trimmed) || CLOSING.test(trimmed)) {
      // The signature lines above the date belong to no item.
      let at = ls;
      for (let k = recent.length - 2; k >= 0 && k >= recent.length - 5 && SIGNATURE.test(recent[k]![1]); k--) at = recent[k]![0];
      newPart(at);
      inNotes = false;
      continue;
    }
    const annex = ANNEX_HEADER.exec(trimmed);
    if (annex) {
      newPart(ls, annex[1] ?? '');
      inNotes = false;
      continue;
    }
    if (ANNEX_NOTES.test(trimmed)) {
      inNotes = true;
      closeTo(1, ls);
      continue;
    }
    if (inNotes) continue;

    const marker: Marker | undefined = prevBlockEnd ? markerAt(trimmed) : undefined;
    if (marker) {
      const same = stack.findIndex((it, i) => i > 0 && it.kind === marker.kind);
      if (same > 0) closeTo(same, ls);
      // A style new to the stack nests under the open item, unless the convention (GB/T 9704:
      // 一、 above （一） above 1. above （1）) puts it above it: an excerpt that starts at （十七）
      // and reaches 六、 has gone up, not down.
      else while (stack.length > 1 && RANK[stack[stack.length - 1]!.kind as MarkerKind] > RANK[marker.kind]) closeTo(stack.length - 1, ls);
      const parent = stack[stack.length - 1]!;
      const item: OutlineItem = {
        kind: marker.kind,
        level: stack.length,
        label: marker.label,
        path: (parent === root ? prefix : parent.path) + marker.label,
        start: ls,
        end,
        ownEnd: end,
        children: [],
        part,
        bodyStart: ls + marker.length,
        parent,
      };
      if (parent.children.length === 0 && parent !== root) parent.ownEnd = ls;
      parent.children.push(item);
      items.push(item);
      stack.push(item);
    }
    const isHeadingLine: boolean = marker !== undefined && !/[。，,；;]/u.test(trimmed);
    // A short line that does not stop mid-clause is a title or heading of its own.
    const isShortLine = trimmed.length <= SHORT_LINE && !/[、，,；;：:“‘《（(—-]$/u.test(trimmed) && !/[。；;]/u.test(trimmed);
    // A field line (责任单位：…, 牵头领导：…) is a record of its own, closed without punctuation as often
    // as not: the next item may start on the line after it.
    prevBlockEnd = isHeadingLine || isShortLine || BLOCK_END.test(trimmed) || FIELD_LINE.test(squeeze(trimmed).normalize('NFKC'));
  }
  closeTo(1, end);
  for (const item of items) if (item.children.length === 0) item.ownEnd = item.end;
  // The root's own text is what precedes its first item.
  root.ownEnd = root.children[0]?.start ?? end;
  return items;
}
