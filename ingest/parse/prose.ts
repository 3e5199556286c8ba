// Prose genre: an outline (一、 > （一） > 1．) whose items hold measures, each closed by a
// parenthetical naming the responsible departments: （市商务局负责）, （X、Y等部门按职责分工
// 负责）, （X牵头，相关部门按职责分工负责）. One item may hold several measures (a PDF text
// layer of a plan) or exactly one (an item per measure). Works line by line for the outline and
// on a normalised view for everything inside an item, so PDF line breaks never split a match.
import { isBlank, normView, originalRange, squeeze, trimRange, type NormView } from '../segment.js';
import {
  BLOCK_END,
  MARKER_LEVEL,
  closingParen,
  isResponsibility,
  markerAt,
  span,
  type Marker,
  type Measure,
  type MarkerKind,
  type ParseContext,
} from './common.js';

export interface ProseItem {
  kind: MarkerKind | 'root';
  level: number;
  label: string;
  /** Structural path: '二、(五)', '二、(一)1.'; '' for text before the first marker. */
  path: string;
  start: number;
  end: number;
  /** End of the item's own text (start of its first child, or its end). */
  ownEnd: number;
  /** The heading as written minus layout: '（五）发展新型信息产品'. */
  heading?: string;
  title?: string;
  /** Original offset where the item's text after its heading begins. */
  bodyStart: number;
  parent?: ProseItem;
  children: ProseItem[];
  measureCount: number;
}

export interface ProseResult {
  measures: Measure[];
  /** Every item in document order (the root first). */
  items: ProseItem[];
}

const LEADING_JUNK = /[。；;，,、:：\s]/u;
const TERMINAL = /[。！？；：:;!?）)”」』\]】]$/u;
const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/u;

export function parseProse(ctx: ParseContext, start: number, end: number): ProseResult {
  const text = ctx.source.text;
  const root: ProseItem = {
    kind: 'root', level: 0, label: '', path: '', start, end, ownEnd: end, bodyStart: start, children: [], measureCount: 0,
  };
  const items: ProseItem[] = [root];
  const stack: ProseItem[] = [root];

  // Outline: a marker opens an item only at the start of a line that follows the end of a block
  // (a sentence end, a closing bracket, or a heading line), so a numeral that a PDF line break
  // happens to put first on a line is not mistaken for a heading.
  let prevBlockEnd = true;
  for (const line of ctx.lines) {
    if (line.end <= start || line.start >= end) continue;
    const [ls, le] = trimRange(text, Math.max(line.start, start), Math.min(line.end, end));
    if (ls >= le) continue;
    const trimmed = text.slice(ls, le);
    const marker: Marker | undefined = prevBlockEnd ? markerAt(trimmed) : undefined;
    if (marker) {
      const level = MARKER_LEVEL[marker.kind];
      while (stack.length > 1 && stack[stack.length - 1]!.level >= level) {
        const closed = stack.pop()!;
        closed.end = ls;
      }
      const parent = stack[stack.length - 1]!;
      const item: ProseItem = {
        kind: marker.kind,
        level,
        label: marker.label,
        path: parent.path + marker.label,
        start: ls,
        end,
        ownEnd: end,
        bodyStart: ls + marker.length,
        parent,
        children: [],
        measureCount: 0,
      };
      if (parent.children.length === 0) parent.ownEnd = ls;
      parent.children.push(item);
      items.push(item);
      stack.push(item);
    }
    const isHeadingLine: boolean = marker !== undefined && !/[。，,；;]/u.test(trimmed);
    prevBlockEnd = isHeadingLine || BLOCK_END.test(trimmed);
  }
  for (const item of items) if (item.children.length === 0) item.ownEnd = item.end;

  const measures: Measure[] = [];
  for (const item of items) readItem(ctx, item, measures);

  // An item without a responsibility parenthetical among siblings that have one is most likely
  // a measure whose parenthetical was lost; say so rather than drop it silently.
  for (const item of items) {
    if (item.kind === 'root' || item.measureCount > 0 || item.children.length > 0) continue;
    const siblings = item.parent!.children;
    if (!siblings.some((s) => s.measureCount > 0)) continue;
    const [bs, be] = trimRange(text, item.bodyStart, item.ownEnd);
    if (be - bs < 2) continue;
    ctx.sink.at(
      item.start,
      'warning',
      'no-responsible-party',
      `item ${item.path} names no responsible department (no parenthetical such as （市商务局负责） closes it) while its sibling items do; it is not counted as a measure: add the responsible departments`,
    );
  }

  checkTruncatedEnd(ctx, start, end, measures.length > 0);
  return { measures, items };
}

function readItem(ctx: ParseContext, item: ProseItem, out: Measure[]): void {
  const text = ctx.source.text;
  const [s, e] = trimRange(text, item.start, item.ownEnd);
  if (s >= e) return;
  const view = normView(text, s, e);
  let pos = 0;
  if (item.kind !== 'root') {
    const m = markerAt(view.text);
    pos = m ? m.length : 0;
    readHeading(ctx, item, view, pos);
    pos = item.bodyStart > s ? indexAtOrAfter(view, item.bodyStart) : pos;
  }

  const t = view.text;
  let cursor = pos;
  let k = 0;
  for (let i = t.indexOf('(', pos); i !== -1; i = t.indexOf('(', i + 1)) {
    const close = closingParen(t, i);
    if (close === -1) break;
    const inner = t.slice(i + 1, close);
    if (!isResponsibility(inner)) {
      i = close;
      continue;
    }
    let a = cursor;
    while (a < i && LEADING_JUNK.test(t[a]!)) a++;
    if (a < i) {
      k++;
      const [ms, me] = originalRange(text, view, a, i);
      const [rs, re] = originalRange(text, view, i + 1, close);
      out.push({
        path: `${item.path}#${k}`,
        section: item.heading ?? nearestHeading(item),
        title: item.title,
        text: text.slice(ms, me),
        span: span(ctx, ms, me),
        responsibleText: text.slice(rs, re),
        responsibleSpan: span(ctx, rs, re),
      });
    } else {
      const [ps] = originalRange(text, view, i, close + 1);
      ctx.sink.at(ps, 'warning', 'empty-measure', `a responsibility parenthetical in ${item.path || 'the text'} follows no measure text; it was ignored: check the layout around it`);
    }
    cursor = close + 1;
    i = close;
  }
  item.measureCount = k;

  let a = cursor;
  while (a < t.length && LEADING_JUNK.test(t[a]!)) a++;
  if (k > 0 && a < t.length && !isClosingRemarks(ctx, item, view.map[a]!)) {
    const at = view.map[a]!;
    ctx.sink.at(
      at,
      'warning',
      'no-responsible-party',
      `text after the last responsibility parenthetical of ${item.path} names no responsible department; it is not counted as a measure: add the responsible departments in parentheses`,
    );
  }
}

/**
 * Plans end with closing remarks (各区、各部门要……) in a paragraph of their own after the last
 * item; the outline cannot tell where the last item ends, so a new paragraph after the last
 * measure of the last item is read as those remarks, not as a measure that lost its departments.
 */
function isClosingRemarks(ctx: ParseContext, item: ProseItem, at: number): boolean {
  const text = ctx.source.text;
  if (item.end < ctx.source.text.length && !isBlank(text.slice(item.end))) {
    // Not the last item of the whole text: remarks cannot be here unless only an annex follows.
    let p: ProseItem | undefined = item;
    while (p && p.parent) {
      const sibs: ProseItem[] = p.parent.children;
      if (sibs[sibs.length - 1] !== p) return false;
      p = p.parent;
    }
  }
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return isBlank(text.slice(lineStart, at));
}

/** Title sentence (（五）发展新型信息产品。) or heading line (（一）促进商品消费扩容升级). */
function readHeading(ctx: ParseContext, item: ProseItem, view: NormView, pos: number): void {
  const text = ctx.source.text;
  const rest = view.text.slice(pos);
  const stop = rest.indexOf('。');
  let titleEnd = -1; // normalised index just after the title
  let bodyPos = pos;
  if (stop > 0 && stop <= 40 && !/[，,；;：:]/u.test(rest.slice(0, stop))) {
    titleEnd = pos + stop;
    bodyPos = titleEnd + 1;
  } else {
    // A heading line: the marker's own line carries no sentence punctuation.
    const lineEnd = text.indexOf('\n', item.start);
    const [ls, le] = trimRange(text, item.start, lineEnd === -1 || lineEnd > item.ownEnd ? item.ownEnd : lineEnd);
    const line = text.slice(ls, le);
    if (!/[。，,；;]/u.test(line) && le - ls <= 60) {
      titleEnd = indexAtOrAfter(view, le);
      bodyPos = titleEnd;
    }
  }
  if (titleEnd > pos) {
    const [hs, he] = originalRange(ctx.source.text, view, 0, titleEnd);
    item.heading = squeeze(text.slice(hs, he));
    item.title = view.text.slice(pos, titleEnd).trim();
  } else {
    const [hs, he] = originalRange(ctx.source.text, view, 0, pos);
    item.heading = squeeze(text.slice(hs, he));
  }
  item.bodyStart = bodyPos < view.map.length ? view.map[bodyPos]! : item.ownEnd;
}

function indexAtOrAfter(view: NormView, offset: number): number {
  let lo = 0;
  let hi = view.map.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (view.map[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function nearestHeading(item: ProseItem): string | undefined {
  for (let p: ProseItem | undefined = item; p; p = p.parent) if (p.heading) return p.heading;
  return undefined;
}

/**
 * A document cut off while copying ends mid-sentence. A signature or date line may close a
 * document without punctuation, so only a last line that reads as running text counts.
 */
function checkTruncatedEnd(ctx: ParseContext, start: number, end: number, hasMeasures: boolean): void {
  const text = ctx.source.text;
  if (!hasMeasures || !isBlank(text.slice(end))) return;
  const [s, e] = trimRange(text, start, end);
  if (s >= e) return;
  const lastNl = text.lastIndexOf('\n', e - 1);
  const [ls, le] = trimRange(text, Math.max(s, lastNl + 1), e);
  const last = text.slice(ls, le);
  if (TERMINAL.test(last) || DATE_LINE.test(squeeze(last))) return;
  if (last.length <= 25 && !/[，,、；;（(]/u.test(last)) return;
  ctx.sink.at(
    e,
    'error',
    'truncated-file',
    'the document ends in the middle of a sentence: the file seems cut off; nothing was ingested from it: copy the complete document again',
  );
}
