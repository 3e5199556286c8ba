// HTML, as saved from a government portal (or produced from a DOCX by mammoth). Three jobs:
// - find the main text: a container the portals commonly use (#zoom, .TRS_Editor, #UCAP-CONTENT…)
//   when it holds most of the page's text, else the smallest element that holds most of the
//   page's Chinese text outside links (navigation is links; footers are short);
// - render it as lines: blocks and <br> break lines, table rows are lines with tab-separated cells;
// - read the portal's metadata table (索引号, 发布机构, 文号, 成文日期…) into `meta`, and keep that
//   table out of the text, since it is page furniture and the values are in `meta`.
import { createRequire } from 'node:module';
import type * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import iconv from 'iconv-lite';
import type { Extraction, Issue } from './extraction.js';
import { decodeText, replacementIssues } from './text.js';

// cheerio is loaded on the first HTML or DOCX: its entry point also loads an HTTP client (undici),
// which costs a text-only run (the common case, and `npm run ingest -- --dry-run`) ~0.2 s of CPU.
// require, not import(): extractHtml is synchronous (decodeBuffer), and both give the same API.
let cheerioModule: typeof cheerio | undefined;
export function loadHtml(html: string): cheerio.CheerioAPI {
  cheerioModule ??= createRequire(import.meta.url)('cheerio') as typeof cheerio;
  return cheerioModule.load(html);
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'select', 'option', 'button', 'input', 'textarea', 'head', 'title', 'meta', 'link', 'map', 'area']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'legend',
  'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

/** Containers of the main text on many government portals (TRS, UCAP and common CMS templates). */
const KNOWN_CONTAINERS = [
  '#zoom', '#Zoom', '.TRS_Editor', '.trs_editor_view', '.TRS_UEDITOR', '#UCAP-CONTENT', '.article-content', '.pages_content',
  '.pages-content', '#fontzoom', '.zoom', '.article_con', '.article-con', '#content', '.content', 'article',
];

/** Labels of the metadata table portals put above a document; keys of `meta` are these, as written. */
const META_LABELS = [
  '索引号', '索取号', '发布机构', '发文机关', '发文单位', '文号', '发文字号', '成文日期', '发文日期', '产生日期', '发布日期',
  '主题分类', '主题词', '关键词', '标题', '名称', '公文种类', '体裁分类', '组配分类', '信息来源', '有效性', '生效日期', '废止日期',
];
// Portals space labels out to align them (索 引 号, 文  号 with ideographic spaces): whitespace inside a label is layout.
const LABEL_SRC = META_LABELS.slice()
  .sort((a, b) => b.length - a.length)
  .map((l) => [...l].join('[\\s\\u3000]*'))
  .join('|');
const LABEL_AT = new RegExp(`(${LABEL_SRC})[\\s\\u3000]*[:：]`, 'gu');
const LABEL_ONLY = new RegExp(`^(?:${LABEL_SRC})[\\s\\u3000]*[:：]?$`, 'u');

const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/gu;
const cjkCount = (s: string) => s.match(CJK_CHAR)?.length ?? 0;
const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

// ---------------------------------------------------------------------------------------
// Charset.

const CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i;
const LEGACY_LABELS: Record<string, string> = { gb2312: 'GB18030', gbk: 'GB18030', gb18030: 'GB18030', 'x-gbk': 'GB18030', 'euc-cn': 'GB18030', big5: 'Big5', 'big5-hkscs': 'Big5' };

/** The page's markup as a string: BOM, then the declared charset when the bytes agree with it, else detection. */
export function decodeHtmlBytes(bytes: Uint8Array): { html: string; encoding: string; issues: Issue[] } | Extraction {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const declared = CHARSET.exec(head)?.[1]?.toLowerCase();
  const legacy = declared ? LEGACY_LABELS[declared] : undefined;
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || bytes[0] === 0xff || bytes[0] === 0xfe;
  if (legacy && !hasBom) {
    const html = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), legacy);
    if (!html.includes('\ufffd')) return { html, encoding: legacy, issues: [] };
  }
  // UTF-8 declared, nothing declared, or a declaration the bytes contradict: detect as for text.
  const t = decodeText(bytes);
  if (!t.ok) return t;
  return { html: t.text, encoding: t.encoding, issues: t.issues.filter((i) => i.rule !== 'replacement-character') };
}

// ---------------------------------------------------------------------------------------
// Rendering to lines.

class Lines {
  private out: string[] = [];
  private pendingBreak = 0; // 0 none, 1 line break, 2 blank line

  /** Text runs written so far: tells whether an element produced any. */
  runs = 0;

  text(s: string): void {
    if (s.length === 0) return;
    if (this.out.length > 0 && this.pendingBreak > 0) this.out.push(this.pendingBreak === 2 ? '\n\n' : '\n');
    this.pendingBreak = 0;
    this.out.push(s);
    this.runs++;
  }

  /** A line break: block boundaries ask softly (no empty lines), <br> and empty paragraphs hard. */
  brk(blank = false): void {
    this.pendingBreak = Math.max(this.pendingBreak, blank ? 2 : 1);
  }

  toString(): string {
    return this.out.join('');
  }
}

function collapse(s: string): string {
  return s.replace(/[ \t\n\r\f]+/gu, ' ');
}

/** Trim layout whitespace (spaces, NBSP, ideographic space used for indenting) from every line. */
export function tidyLines(s: string): string {
  return s
    .split('\n')
    .map((l) => l.replace(/^[ \u00a0\u3000]+|[ \u00a0\u3000]+$/gu, '').replace(/ *\t */gu, '\t'))
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .replace(/^\n+|\n+$/gu, '');
}

function inPre(node: AnyNode): boolean {
  for (let n = node.parent; n; n = n.parent) if (isElement(n) && n.name.toLowerCase() === 'pre') return true;
  return false;
}

function renderCell(cell: Element, skip: Set<AnyNode>): string {
  const inner = new Lines();
  for (const c of cell.children) render(c, inner, skip);
  // A cell is one field of its row: its paragraphs stay in it, separated by a space.
  return tidyLines(inner.toString()).replace(/[\t\n]+/gu, ' ');
}

function render(node: AnyNode, out: Lines, skip: Set<AnyNode>): void {
  if (skip.has(node)) return;
  if (node.type === 'text') {
    // Inside <pre> the line breaks are the author's (some portals publish plain text that way).
    if (inPre(node)) {
      node.data.split(/\r?\n/u).forEach((l, i) => {
        if (i > 0) out.brk(l.trim().length === 0);
        if (l.trim().length > 0) out.text(l);
      });
      return;
    }
    const t = collapse(node.data);
    if (t.trim().length > 0) out.text(t);
    return;
  }
  if (!isElement(node)) return;
  const name = node.name.toLowerCase();
  if (SKIP.has(name)) return;
  if (name === 'br') {
    out.brk();
    return;
  }
  if (name === 'tr') {
    const cells = node.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'));
    out.brk();
    const row = cells.map((c) => renderCell(c, skip));
    // An empty row of a multi-column table is still a row (a layout's parser may count on it).
    if (row.length > 1 || row.some((c) => c.length > 0)) out.text(row.join('\t'));
    out.brk();
    return;
  }
  const block = BLOCK.has(name);
  if (block) out.brk();
  const before = out.runs;
  for (const c of node.children) render(c, out, skip);
  // An empty paragraph is a blank line the author typed.
  if (name === 'p' && out.runs === before) out.brk(true);
  if (block) out.brk();
}

export function renderText(nodes: AnyNode[], skip: Set<AnyNode> = new Set()): string {
  const out = new Lines();
  for (const n of nodes) render(n, out, skip);
  return tidyLines(out.toString());
}

// ---------------------------------------------------------------------------------------
// Main content.

// Page furniture announces itself in class and id names across templates: navigation, header and
// footer bars, breadcrumbs, print/share/font-size tools, related-link boxes.
const FURNITURE = /(?:^|[\s_-])(?:nav|navbar|menu|header|top|footer|foot|bottom|crumbs?|breadcrumb|position|location|tools?|share|print|related|relate|xgwj|xglj|links?|friend|sidebar|side|banner|copyright|search|login|logo|qrcode|ewm)(?:[\s_-]|\d|$)/iu;

function isFurniture(el: Element): boolean {
  const name = el.name.toLowerCase();
  if (name === 'nav' || name === 'footer' || name === 'header') return true;
  return FURNITURE.test(`${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`);
}

/**
 * CJK characters outside links and furniture, per element: navigation is made of links and
 * furniture, a document of text. Elements that hold a known text container are never furniture.
 */
function scoreTree(root: AnyNode, scores: Map<AnyNode, number>, keep: Set<AnyNode>): number {
  if (root.type === 'text') return cjkCount(root.data);
  if (!isElement(root)) return 0;
  const name = root.name.toLowerCase();
  if (SKIP.has(name)) return 0;
  let s = 0;
  for (const c of root.children) s += scoreTree(c, scores, keep);
  scores.set(root, s);
  return name === 'a' || (!keep.has(root) && isFurniture(root)) ? 0 : s;
}

function knownContainers($: cheerio.CheerioAPI): Element[] {
  const found: Element[] = [];
  for (const sel of KNOWN_CONTAINERS) for (const el of $(sel).toArray()) if (isElement(el) && !found.includes(el)) found.push(el);
  return found;
}

function withAncestors(els: Element[]): Set<AnyNode> {
  const out = new Set<AnyNode>();
  for (const el of els) for (let n: AnyNode | null = el; n; n = n.parent) out.add(n);
  return out;
}

/** The score an element contributes to its parent (furniture and links contribute nothing). */
function contribution(el: Element, scores: Map<AnyNode, number>, keep: Set<AnyNode>): number {
  return el.name.toLowerCase() === 'a' || (!keep.has(el) && isFurniture(el)) ? 0 : (scores.get(el) ?? 0);
}

function mainContainer(known: Element[], body: Element, scores: Map<AnyNode, number>, keep: Set<AnyNode>): Element {
  const total = scores.get(body) ?? 0;
  // A known container counts when it holds a fair share of the page's text (a short notice on a
  // busy page holds little); the first of the list that does wins, the list going from specific to generic.
  for (const el of known) {
    const s = scores.get(el) ?? 0;
    if (s >= 10 && s >= 0.25 * total) return el;
  }
  // Descend while one child holds most of the text: stops at the element whose children share it.
  let node = body;
  for (;;) {
    const own = scores.get(node) ?? 0;
    let top: Element | undefined;
    let topScore = 0;
    for (const c of node.children) {
      if (!isElement(c)) continue;
      const cs = contribution(c, scores, keep);
      if (!top || cs > topScore) {
        top = c;
        topScore = cs;
      }
    }
    if (!top || own === 0 || topScore < 0.8 * own) return node;
    node = top;
  }
}

/** Furniture inside the chosen container (a print tool, a share bar) is not text either. */
function furnitureInside($: cheerio.CheerioAPI, container: Element, keep: Set<AnyNode>): AnyNode[] {
  return $(container)
    .find('*')
    .toArray()
    .filter((el): el is Element => isElement(el) && !keep.has(el) && isFurniture(el));
}

// ---------------------------------------------------------------------------------------
// Metadata table.

const normLabel = (l: string) => l.replace(/[\s\u3000]+/gu, '');
const oneLine = (s: string) => s.replace(/[\s\u00a0\u3000]+/gu, ' ').trim();

function nextElement(el: Element): Element | undefined {
  for (let n = el.next; n; n = n.next) if (isElement(n)) return n;
  return undefined;
}

/** Label/value pairs anywhere on the page, and the elements they came from. */
function readMeta($: cheerio.CheerioAPI): { meta: Record<string, string>; sources: Element[] } {
  const meta: Record<string, string> = {};
  const sources: Element[] = [];
  const els = $('body *').toArray().filter(isElement);
  // Innermost first (descendants follow their ancestors in document order), so a wrapper's text,
  // which runs on into the next fields, never wins over the cell that holds just the value.
  for (let i = els.length - 1; i >= 0; i--) {
    const el = els[i]!;
    if (SKIP.has(el.name)) continue;
    const text = oneLine($(el).text());
    if (text.length === 0 || text.length > 300) continue;
    if (LABEL_ONLY.test(text)) {
      const next = nextElement(el);
      const value = next ? oneLine($(next).text()) : '';
      const key = normLabel(text.replace(/[:：]$/u, ''));
      if (value && !LABEL_ONLY.test(value) && !(key in meta)) {
        meta[key] = value;
        sources.push(el);
      }
      continue;
    }
    const hits = [...text.matchAll(LABEL_AT)];
    if (hits.length === 0 || hits[0]!.index !== 0) continue;
    hits.forEach((h, k) => {
      const end = k + 1 < hits.length ? hits[k + 1]!.index : text.length;
      const value = text.slice(h.index + h[0].length, end).trim();
      const key = normLabel(h[1]!);
      if (value && !(key in meta)) meta[key] = value;
    });
    sources.push(el);
  }
  return { meta, sources };
}

/**
 * The table (or list) holding two or more metadata fields: furniture to keep out of the text. Fields
 * written as paragraphs of the text itself (发文机关：…, 文号：… above the body, in the same <div>)
 * stay in the text, as in a text copy: a block that is not a table or list is furniture only when
 * the fields are most of it.
 */
function metaBlocks($: cheerio.CheerioAPI, sources: Element[]): Set<AnyNode> {
  const blocks = new Set<AnyNode>();
  const counts = new Map<Element, number>();
  const fieldText = new Map<Element, number>();
  for (const s of sources) {
    const block = $(s).closest('table, ul, ol, dl').get(0) ?? s.parent;
    if (!block || !isElement(block)) continue;
    counts.set(block, (counts.get(block) ?? 0) + 1);
    fieldText.set(block, (fieldText.get(block) ?? 0) + cjkCount($(s).text()));
  }
  for (const block of [...counts.keys()]) {
    if (!/^(?:table|ul|ol|dl)$/iu.test(block.name) && fieldText.get(block)! < 0.5 * cjkCount($(block).text())) counts.delete(block);
  }
  for (const [block, n] of counts) if (n >= 2) blocks.add(block);
  return blocks;
}

// ---------------------------------------------------------------------------------------

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/gu, '');

function inFurniture(el: Element): boolean {
  for (let n: AnyNode | null = el; n; n = n.parent) if (isElement(n) && isFurniture(n)) return true;
  return false;
}

function pageTitle($: cheerio.CheerioAPI, container: Element, meta: Record<string, string>): string | undefined {
  const inside = (el: Element) => $(container).find(el).length > 0 || el === container;
  const candidates = [
    ...$('h1').toArray(),
    ...$('[class*="title" i], [id*="title" i]').toArray(),
  ].filter((el): el is Element => isElement(el) && !inside(el) && !$(el).is('title') && $(el).find('a').length === 0 && !inFurniture(el));
  for (const el of candidates) {
    const t = oneLine($(el).text());
    // A document's title is a sentence (事由 + 文种); a column's name (政策文件) is not.
    if (cjkCount(t) >= 8 && t.length <= 200) return t;
  }
  return meta['标题'] ?? meta['名称'];
}

export function extractHtml(bytes: Uint8Array): Extraction {
  const decoded = decodeHtmlBytes(bytes);
  if ('ok' in decoded) return decoded;
  const { html, encoding } = decoded;
  const $ = loadHtml(html);
  const body = $('body').get(0);
  if (!body || !isElement(body)) return { ok: false, rule: 'empty-html', message: 'the HTML page has no body; nothing was ingested from it: save the page again, complete', offset: 0 };
  const known = knownContainers($);
  const keep = withAncestors(known);
  const scores = new Map<AnyNode, number>();
  scoreTree(body, scores, keep);
  const { meta, sources } = readMeta($);
  const container = mainContainer(known, body, scores, keep);
  const skip = metaBlocks($, sources);
  for (const el of furnitureInside($, container, keep)) skip.add(el);
  let text = renderText([container], skip);
  // The title often sits above the text container (an <h1> of the page); it belongs to the document.
  const title = pageTitle($, container, meta);
  if (title && !squash(text.slice(0, 600)).includes(squash(title))) text = `${title}\n\n${text}`;
  const issues: Issue[] = decoded.issues.map((i) => ({ ...i, offset: 0, message: `${i.message} (line numbers of the HTML file)` }));
  issues.push(...replacementIssues(text, encoding));
  return { ok: true, text, encoding, format: 'html', meta: Object.keys(meta).length > 0 ? meta : undefined, issues };
}
