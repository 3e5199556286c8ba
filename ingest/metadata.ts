// metadata: what a document says about itself (title, issuer, date, number) and which national
// directives it cites. Read from the preamble: the part before the first outline item or table.
// A year is never invented: it is stated in the text, given by a manifest entry, or inferred
// from dated clues in the content with the reasoning recorded; otherwise it stays unknown.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { nameKey, normalise, toSimplified } from './normalise.js';
import { normView, originalRange, squeeze, trimRange, chineseNumber } from './segment.js';
import { span, type ParseContext } from './parse/common.js';
import { dateLine } from './structure/dates.js';
import { placeFromText, placeOf, placeOfDocument } from './structure/jurisdiction.js';
import { markerAt } from './structure/markers.js';
import { isPageNumber } from './structure/furniture.js';
import { readPortalBlock } from './structure/portal.js';
import type { Citation, Level, YearSource } from './types.js';

export interface CitationRef extends Citation {
  /** The title was cut off at the start of the file: only its end is known. */
  titleTruncated?: boolean;
}

export interface Metadata {
  title: string;
  /** The full title of a notice that issues the plan (关于印发……的通知), when there is one. */
  noticeTitle?: string;
  issuer?: string;
  /** Every issuing organ, in order (a joint notice names each). */
  issuers?: string[];
  level?: Level;
  jurisdiction?: string;
  issuedOn?: string;
  year?: number;
  yearSource: YearSource;
  yearReason?: string;
  docNumber?: string;
  citations: CitationRef[];
  /** The directive the document implements (贯彻落实《X》), for its requirement clauses. */
  implements?: CitationRef;
}

export interface ManifestEntry {
  file?: string;
  sha256?: string;
  year?: number;
  issuedOn?: string;
  title?: string;
  issuer?: string;
  docNumber?: string;
  /** Where the document is from, when its text does not say (淮北市, 杭州市西湖区, 国家). */
  jurisdiction?: string;
  level?: Level;
  reason?: string;
}

const ORG = /(人民政府办公厅|人民政府|办公厅|办公室|委员会|委|局|办|厅|部|署|行|会|院|中心|关|站|队|社|团|所|电视台|总台)$/u;
const DOC_NO = /([\p{Script=Han}]{1,12})[〔[［【(（](\d{4})[〕\]］】)）](\d{1,4})号/u;
const LOCAL_PREFIX = /^(津|京|沪|渝|冀|晋|辽|吉|黑|苏|浙|皖|闽|赣|鲁|豫|鄂|湘|粤|琼|川|蜀|黔|贵|滇|云|陕|秦|甘|陇|青|蒙|桂|藏|宁|新|港|澳)/u;
const PLACE_TITLE = /^(天津|北京|上海|重庆)市|^[\p{Script=Han}]{2,3}省|^[\p{Script=Han}]{2,4}(市|区|县)人民政府/u;

export function normaliseDocNumber(s: string): string | undefined {
  const m = DOC_NO.exec(squeeze(normalise(s)));
  return m ? `${m[1]}〔${m[2]}〕${m[3]}号` : undefined;
}

/** Reads title, issuer, date, number and citations from the text before `preambleEnd`. */
export function readMetadata(ctx: ParseContext, preambleEnd: number, manifest?: ManifestEntry): Metadata {
  const text = ctx.source.text;
  // A traditional-script copy (東府〔2021〕54號, 關于印發) is read with the simplified words of the genre.
  const sq = (s: string) => squeeze(toSimplified(s));
  const portal = readPortalBlock(ctx.lines, ctx.source.meta);
  // The head without what portals, databases and mastheads add around it, and without a title
  // printed twice (a page title above the document's own).
  const lines = ctx.lines.filter((l, i, all) => {
    if (l.start >= preambleEnd || l.text.trim() === '' || portal.lines.has(l.index) || isChrome(sq(l.text)) || isPageNumber(l.text)) return false;
    const prev = all.slice(0, i).reverse().find((p) => p.text.trim() !== '');
    return !prev || sq(prev.text) !== sq(l.text);
  });
  const allLines = ctx.lines.filter((l) => l.text.trim() !== '');

  // Title: the lines above the addressee (各区人民政府，各委、局……：), or the first line that
  // reads as a title when the first page is missing.
  let noticeTitle: string | undefined;
  const addressee = lines.findIndex((l, i) => i < 12 && /[：:]$/u.test(l.text.trim()) && /各|有关|人民政府|单位/u.test(l.text));
  if (addressee > 0) {
    const parts = titleBlock(lines.slice(0, addressee).map((l) => sq(l.text)).filter((t) => !isHeadLine(t) && !LABELLED.test(t)));
    if (parts.length > 0 && !parts.some((p) => /[。，,；;]/u.test(p))) noticeTitle = parts.join('');
  }
  if (!noticeTitle && portal.fields.title) noticeTitle = sq(portal.fields.title);
  if (noticeTitle) noticeTitle = bareTitle(noticeTitle);
  // A portal's heading may end with the number: …的通知(岳办发〔2017〕2号).
  let titleNumber: string | undefined;
  const numbered = noticeTitle ? /[(（]([^()（）]{2,24}号)[)）]$/u.exec(noticeTitle) : null;
  if (numbered && normaliseDocNumber(numbered[1]!) && numbered.index > 0 && noticeTitle![numbered.index - 1] !== '》') {
    titleNumber = normaliseDocNumber(numbered[1]!);
    noticeTitle = noticeTitle!.slice(0, numbered.index);
  }
  let title = noticeTitle;
  const issued = noticeTitle ? /(?:关于)?印发[《]?(.+?)[》]?的通知$/u.exec(noticeTitle) : null;
  // The issued title in its brackets: 《…》, or 〈…〉 inside a title that was itself in 《》.
  // A notice that encloses several documents (印发《A》《B》的通知) is titled by the notice itself.
  if (issued && !/》[、，,和及与]?《/u.test(issued[1]!)) title = issued[1]!.replace(/^[《〈]([^《》〈〉]+)[》〉]$/u, '$1');
  let titleLine: (typeof lines)[number] | undefined;
  let lineTitle: string | undefined;
  if (!title) {
    // A copy may give its title in book-title brackets on a line of its own (《关于…的实施细则》).
    titleLine = lines.find((l) => {
      const t = bareTitle(sq(l.text));
      return t.length >= 6 && t.length <= 90 && !/[。，,；;：:]/u.test(t) && /(方案|意见|通知|措施|办法|规划|计划|要点|清单|决定|细则|规定)$/u.test(t);
    });
    title = titleLine ? bareTitle(sq(titleLine.text)) : basename(ctx.source.file).replace(/\.[^.]+$/u, '');
    // A title broken over two lines (重庆市构建分型分类精准培育机制 / 促进个体工商户高质量发展实施方案):
    // the line above is its first part when it is a bare phrase, not a heading, signature or date.
    const above = titleLine ? lines[lines.indexOf(titleLine) - 1] : undefined;
    const first = above ? sq(above.text) : '';
    if (above && first.length >= 4 && first.length + title.length <= 90 && !/[。，,；;：:()（）《》“”|]/u.test(first) && !isHeadLine(first) && !ORG.test(first) && !markerAt(first) && !LABELLED.test(first)) {
      title = first + title;
    }
    lineTitle = title;
    // A notice line found this way (below page chrome, its addressee line without the colon, or the
    // number glued before it: 金政发〔2021〕1号关于印发…的通知) issues a document too.
    // Its brackets are dropped only when they hold the whole title (印发《政府工作报告》重点工作任务分工 keeps them).
    const issuedHere = titleLine ? /(?:关于)?印发(.+?)的通知$/u.exec(title) : null;
    if (issuedHere && !/》[、，,和及与]?《/u.test(issuedHere[1]!)) title = issuedHere[1]!.replace(/^[《〈]([^《》〈〉]+)[》〉]$/u, '$1');
  }

  // Issuer: the body named before 关于 in the title, else the signature lines above the date.
  let issuer: string | undefined;
  // The title found further down a page (after its chrome) names its issuer the same way.
  const head = noticeTitle ?? (titleLine ? lineTitle : undefined);
  const before = head ? /^(.+?)(关于|转发|印发)/u.exec(head) : null;
  if (before && ORG.test(before[1]!)) issuer = before[1];

  let issuedOn: string | undefined;
  // The signature date (成文日期): in the head, else the portal's, else any date line of the text
  // (a notice signs after its own items).
  let dated = lines;
  let dateLineIdx = lines.findIndex((l) => dateLine(l.text)?.printed === false);
  if (dateLineIdx >= 0) issuedOn = dateLine(lines[dateLineIdx]!.text)!.iso;
  if (!issuedOn && portal.fields.date) issuedOn = dateLine(portal.fields.date)?.iso;
  if (!issuedOn) {
    dated = allLines;
    dateLineIdx = allLines.findIndex((l) => dateLine(l.text)?.printed === false);
    if (dateLineIdx >= 0) issuedOn = dateLine(allLines[dateLineIdx]!.text)!.iso;
  }
  if (!issuedOn) {
    const printed = allLines.find((l) => dateLine(l.text)?.printed);
    if (printed) issuedOn = dateLine(printed.text)!.iso;
  }
  if (!issuedOn && portal.fields.published) issuedOn = dateLine(portal.fields.published)?.iso;
  const signers: string[] = [];
  if (dateLineIdx > 0) {
    for (let i = dateLineIdx - 1; i >= 0; i--) {
      const t = sq(dated[i]!.text);
      if (t.length > 30 || /[。，,；;：:]/u.test(t) || !ORG.test(t)) break;
      signers.unshift(t);
    }
  }
  // The signature block may stand after the notice's own items, when the date came from elsewhere.
  if (signers.length === 0) signers.push(...signatureAnywhere(allLines));
  if (!issuer && signers.length > 0) issuer = signers.join('、');

  let docNumber: string | undefined;
  let garbledNumber: { text: string; year: number; at: number } | undefined;
  for (const l of lines.slice(0, 15)) {
    // A gazette or law-database copy puts the number alone in brackets under the title: (越府办规〔2020〕2号).
    const t = sq(l.text).replace(BRACKETED_NUMBER_LINE, '$1');
    const m = DOC_NO_START.exec(t);
    if (m && normaliseDocNumber(m[0])) {
      docNumber = normaliseDocNumber(m[0]);
      break;
    }
    const g = GARBLED_NUMBER.exec(t);
    if (g && !garbledNumber) garbledNumber = { text: t, year: Number(g[1]), at: l.start };
  }
  docNumber ??= titleNumber;
  // A head flattened to one line keeps the number standing alone between spaces after the title
  // (…的通知 豫政〔2023〕5号 现将…); a cited number stands in brackets or after 《》.
  if (!docNumber) {
    for (const l of lines.slice(0, 3)) {
      const m = SPACED_DOC_NO.exec(toSimplified(l.text));
      if (m && normaliseDocNumber(m[1]!)) {
        docNumber = normaliseDocNumber(m[1]!);
        break;
      }
    }
  }
  if (!docNumber && portal.fields.number) docNumber = normaliseDocNumber(portal.fields.number);
  if (docNumber) garbledNumber = undefined;

  let issuers = splitIssuers(before && ORG.test(before[1]!) ? before[1]! : undefined) ?? (signers.length > 0 ? signers : undefined) ?? splitIssuers(portal.fields.issuer);
  // Joint issuers a title separates only by spaces (商务部 中央广播电视总台关于…) are named apart.
  if (issuers && issuers.length > 1 && issuer === issuers.join('')) issuer = issuers.join('、');
  // A heading that names its issuer without the place (区人民政府办公室) is completed by the
  // signature that names it in full (蔡甸区人民政府办公室).
  if (issuers?.some(isRelative)) {
    const full = issuers.map((i) => (isRelative(i) ? signers.find((s) => s.length > i.length && s.endsWith(i)) : undefined) ?? i);
    if (full.some((f, k) => f !== issuers![k])) {
      if (issuer === issuers.join('、')) issuer = full.join('、');
      issuers = full;
    }
  }
  if (!issuer && issuers) issuer = issuers.join('、');
  // A portal's 来源 line (来源:华容县政府, chrome to the title) names the government that published
  // the page: the last evidence of the place, after the issuer, the title and the signature.
  const source = allLines.filter((l) => l.start < preambleEnd).map((l) => sq(l.text)).find((t) => /^来源[:：]/u.test(t));
  let place: { level?: Level; jurisdiction?: string } | undefined = placeOfDocument(issuers ?? [], noticeTitle ?? title, portal.fields.issuer, ...signers, ...lines.slice(0, 8).map((l) => sq(l.text)).filter((t) => !/[，,。；;]/u.test(t)), source);
  const given = manifest?.jurisdiction?.trim();
  if (place?.jurisdiction && given && given !== place.jurisdiction) {
    ctx.sink.atLine(1, 1, 'warning', 'manifest-conflict', `the manifest gives the jurisdiction ${given} but the text names ${place.jurisdiction}; the text's was kept: correct the manifest entry`);
  } else if (!place?.jurisdiction && given) {
    // The manifest says what the text does not: its relative names (市商务局) are placed there.
    place = { jurisdiction: given, level: manifest?.level ?? place?.level ?? placeOf(given)?.level };
  } else if (!place) {
    // No issuer, title or signature names a place: how the text speaks of itself and the places it names.
    const read = placeFromText(text);
    const fix = `: add "jurisdiction" (e.g. 杭州市西湖区) to the file's entry in manifest.json next to it`;
    if (read?.jurisdiction) {
      ctx.sink.atLine(1, 1, 'info', 'jurisdiction-inferred', `no issuer, title or signature names the document's place; read as ${read.jurisdiction} (${read.level}) because ${read.evidence}: check it`);
    } else if (read) {
      ctx.sink.atLine(1, 1, 'warning', 'jurisdiction-unknown', `no issuer, title or signature names the document's place, and the text does not fix one: ${read.evidence}; the level ${read.level} is kept, the jurisdiction is unknown, so its relative party names (市商务局) are not placed${fix}`);
    } else {
      ctx.sink.atLine(1, 1, 'warning', 'jurisdiction-unknown', `no issuer, title or signature names the document's place, and the text neither says 本市 / 全区 / 全省 nor clearly names one place: its level and jurisdiction are unknown, so its relative party names (市商务局) are not placed${fix}`);
    }
    place = read;
  }
  if (place && manifest?.level && place.level !== manifest.level) {
    if (!place.level) place.level = manifest.level;
    else ctx.sink.atLine(1, 1, 'warning', 'manifest-conflict', `the manifest gives the level ${manifest.level} but the text reads as ${place.level}; the text's was kept: correct the manifest entry`);
  }

  // An issuer named without its place (省人民政府关于…, 市商务委) and no signature to complete it:
  // the place the document was read to be from, when its level is the issuer's.
  if (issuer && (!issuers || issuers.length <= 1) && place?.jurisdiction) {
    const full = withPlace(issuer, place.jurisdiction);
    if (full) {
      issuer = full;
      if (issuers) issuers = [full];
    }
  }

  const citations = readCitations(ctx, preambleEnd, [title, noticeTitle].filter((t): t is string => !!t));
  // A title of the form 贯彻落实《X》… names the directive the document implements.
  let implementsRef: CitationRef | undefined;
  const inner = /[《<〈]([^《》<>〈〉]+)[》>〉]/u.exec(title);
  if (inner && !PLACE_TITLE.test(inner[1]!) && !KIND_ONLY.test(nameKey(inner[1]!))) {
    const line = titleLine ?? lines[0]!;
    const at = text.indexOf(inner[1]!.slice(0, 4), line.start);
    const s = at >= 0 && at < line.end ? at : line.start;
    implementsRef = { title: inner[1], span: span(ctx, s, Math.min(line.end, s + inner[1]!.length)) };
    citations.unshift(implementsRef);
  }
  implementsRef ??= citations.find((c) => c.docNumber) ?? citations[0];

  const meta: Metadata = { title, noticeTitle: noticeTitle !== title ? noticeTitle : undefined, issuer, issuers, level: place?.level, jurisdiction: place?.jurisdiction, issuedOn, yearSource: 'unknown', docNumber, citations, implements: implementsRef };
  if (garbledNumber) {
    ctx.sink.at(garbledNumber.at, 'warning', 'garbled-doc-number', `"${garbledNumber.text}" reads as this document's number with its closing bracket lost; only its year ${garbledNumber.year} is used: correct the number in the file if it matters`);
  }
  settleYear(ctx, meta, manifest, garbledNumber?.year);
  return meta;
}

/** A number that lost its closing bracket (and its 号) in copying: 沙政〔2012478. Only its year is trusted. */
const GARBLED_NUMBER = /^[\p{Script=Han}]{1,12}[〔[［【(（](\d{4})\d{1,4}号?$/u;

/** A title that ends as a notice, opinion or decision does: nothing of it is left for the next line. */
const COMPLETE_TITLE = /的(?:通知|意见|决定|批复|函)$/u;

/** Page chrome among the lines above a title: breadcrumbs (首页 > …), bullets, separators, times. */
const CHROME_MARK = /[|>•]|\d{1,2}:\d{2}/u;

/**
 * The title among the lines above the addressee: the block right above it, back to the line that
 * starts it — an organ's name before 关于 / 印发 / 转发 (the issuer may stand on its own line
 * above 关于…), else as far as no page chrome intervenes. A page title printed above the
 * document's own, and the portal's breadcrumbs and toolbars, are left out.
 */
function titleBlock(parts: string[]): string[] {
  const block: string[] = [];
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i]!;
    if (CHROME_MARK.test(p)) {
      if (block.length === 0) continue;
      break;
    }
    // A page title above the document's own (疫情应对丨关于…的通知 over 商务部 中央广播电视总台关于…的通知):
    // both lines are whole titles, so the upper one starts no part of the lower one.
    if (block.length > 0 && COMPLETE_TITLE.test(p) && /关于/u.test(block[0]!) && COMPLETE_TITLE.test(block[0]!)) break;
    block.unshift(p);
    const joined = block.join('');
    const organ = /^(.+?)(关于|转发|印发)/u.exec(joined);
    if (organ && ORG.test(organ[1]!)) break;
    if (/^(关于|转发|印发)/u.test(joined)) {
      const prev = parts[i - 1];
      if (prev && prev.length <= 30 && ORG.test(prev) && !CHROME_MARK.test(prev) && !/[。，,；;：:]/u.test(prev)) block.unshift(prev);
      break;
    }
  }
  return block;
}

/**
 * A title without what a page wraps it in: the cells of a flattened table (| … | ||), the number
 * printed before it (盘政发〔2016〕30号 盘锦市人民政府关于…), book-title brackets around the
 * whole (《北京市人民政府办公厅关于印发〈…〉的通知》).
 */
function bareTitle(t: string): string {
  const s = t.replace(/^[|｜\s]+|[|｜\s]+$/gu, '').replace(DOC_NO_START, '');
  const inner = /^《([^《》]+)》$/u.exec(s);
  return inner ? inner[1]! : s;
}

/** A labelled line of a page (归档时间:…, 当前位置:…, 浏览量:): never part of a title. */
const LABELLED = /^[\p{Script=Han}]{2,6}[:：]/u;

/** The level word a name relative to its own place opens with: 区人民政府办公室, 市商务局, 自治区人民政府办公厅. */
const RELATIVE = /^(自治区|[省市区县])/u;

function isRelative(name: string): boolean {
  return RELATIVE.test(name);
}

/** 省人民政府 of 湖北省 → 湖北省人民政府; undefined when the name is not relative or the levels differ. */
function withPlace(name: string, jurisdiction: string): string | undefined {
  const m = RELATIVE.exec(name);
  // Two organs run together (市发展改革委市商务局) are two issuers, not one name to complete.
  if (!m || !/^\p{Script=Han}{2}/u.test(name.slice(m[1]!.length)) || !jurisdiction.endsWith(m[1]!) || jurisdiction === name || /[局委办厅府室部](?=[省市区县])/u.test(name)) return undefined;
  return jurisdiction + name.slice(m[1]!.length);
}

/** The organ lines right above the first date line that has them (a signature block), anywhere in the text. */
function signatureAnywhere(lines: ParseContext['lines']): string[] {
  for (let k = 1; k < lines.length; k++) {
    if (dateLine(lines[k]!.text)?.printed !== false) continue;
    const block: string[] = [];
    for (let i = k - 1; i >= 0; i--) {
      const t = squeeze(lines[i]!.text);
      if (t.length > 30 || /[。，,；;：:]/u.test(t) || !ORG.test(t)) break;
      block.unshift(t);
    }
    if (block.length > 0) return block;
  }
  return [];
}

// A copy may space the number's parts too (大政办发 〔2022〕 29号).
const SPACED_DOC_NO = /(?:^|[ \t\u3000])([\p{Script=Han}]{1,12}[ \t\u3000]?[〔[［【(（]\d{4}[〕\]］】)）][ \t\u3000]?\d{1,4}号)(?=[ \t\u3000]|$)/u;

/** A line that holds only a number in round brackets. */
const BRACKETED_NUMBER_LINE = /^[(（]([\p{Script=Han}]{1,12}[〔[［【](\d{4})[〕\]］】]\d{1,4}号)[)）]$/u;

/** A line that starts with this document's number: 渝府办发〔2022〕72号 (签发人…, or a title glued after it). */
const DOC_NO_START = /^[\p{Script=Han}]{1,12}[〔[［【(（](\d{4})[〕\]］】)）]\d{1,4}号/u;

/** Lines around a copied document that are not part of it: database headers, portal chrome, notes. */
function isChrome(t: string): boolean {
  return (
    /^【[^】]{1,10}】/u.test(t) || // 【法宝引证码】… 【时效性】…
    /^(行政规范性文件|扫描二维码|来源[:：]|字号[:：]|打印|关闭|分享到|【打印】|浏览次数|访问量|当前位置|无障碍|有效性)/u.test(t) ||
    // A portal's share button or section name on a line of its own, or its breadcrumb (> 政务公开 > …).
    /^(分享|政府信息公开)$/u.test(t) ||
    /^[>›»]/u.test(t) ||
    /^\d{4}-\d{1,2}-\d{1,2}(\d{1,2}:\d{2}(:\d{2})?)?(来源[:：]?.*)?/u.test(t) ||
    /^[(（]此件(公开发布|主动公开|不公开|依申请公开)[)）]$/u.test(t) ||
    /^[(（]?(征求意见稿|送审稿)/u.test(t)
  );
}

/** Lines of the head that are not part of the title: the number, a date, a masthead (…文件). */
function isHeadLine(t: string): boolean {
  return DOC_NO_START.test(t) || GARBLED_NUMBER.test(t) || /^[(（][^()（）]{2,24}号[)）]$/u.test(t) || dateLine(t) !== undefined || /文件$/u.test(t) || /^签发人/u.test(t);
}

const ORGAN_END = /(人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|管理委员会|管委会|总局|总署|委|局|厅|部|署|银行|办)/u;

/** 吕梁市商务局吕梁市财政局 → [吕梁市商务局, 吕梁市财政局]; 国家发展改革委、商务部 → both. */
export function splitIssuers(s: string | undefined): string[] | undefined {
  if (!s) return undefined;
  const out: string[] = [];
  for (const part of squeeze(s).split(/[、，,;；\s]+/u)) {
    let rest = part;
    while (rest.length > 0) {
      const re = new RegExp(`^(.+?${ORGAN_END.source})(?=$|(?!办公|委员|人民|政府|管委)[\\p{Script=Han}]{2,5}?(?:省|市|区|县|自治区)|国务院|国家|中共|中国|中央)`, 'u');
      const m = re.exec(rest);
      if (!m) {
        out.push(rest);
        break;
      }
      out.push(m[1]!);
      rest = rest.slice(m[1]!.length);
    }
  }
  return out.length > 0 ? out : undefined;
}

/** 《X》已经市政府同意 / 已经区政府常务会议审议通过，现印发给你们: a notice announcing the document it encloses, whatever title it gives it. */
const ENCLOSED = /^[,，]?已(?:经)?[^，,。;；《》]{0,16}(?:同意|通过|批准)/u;

/**
 * A title that names only a kind of document (《纲要》, 《规划》, 《政府工作报告》): a short name the
 * text gave a document it cited in full (以下简称《纲要》), or the issuing government's own report.
 * It identifies no document, so it is no citation: as one, every plan's 《纲要》 was one node.
 */
const KIND_ONLY = /^(?:(?:规划)?纲要|规划|(?:实施)?意见|(?:实施|工作)?方案|通知|决定|(?:实施)?办法|条例|(?:行动)?计划|(?:政府)?工作报告|报告|(?:实施)?细则|(?:工作)?要点)$/u;

/** Angle brackets inside a title as the genre nests them: 《关于贯彻落实〈X〉的方案》 and 《…<X>…》 are one title. */
const titleKey = (title: string) => nameKey(title.replace(/[〈<]/gu, '《').replace(/[〉>]/gu, '》'));

function readCitations(ctx: ParseContext, end: number, ownTitles: string[]): CitationRef[] {
  const text = ctx.source.text;
  const [s, e] = trimRange(text, 0, end);
  if (s >= e) return [];
  const view = normView(text, s, e);
  const t = view.text;
  const own = new Set(ownTitles.map(titleKey));
  // Short names the text gives a document it cites (以下简称《纲要》): later uses refer back to it.
  const shortNames = new Set([...t.matchAll(/简称“?《([^《》]{1,12})》/gu)].map((m) => titleKey(m[1]!)));
  const out: CitationRef[] = [];
  const at = (i: number, j: number) => {
    const [os, oe] = originalRange(text, view, i, j);
    return span(ctx, os, oe);
  };

  // 《title》 optionally followed by (number).
  const consumedNumbers = new Set<number>();
  const titleRe = /《((?:[^《》]|《[^《》]*》)+)》(?:\(([^()]{2,30}?号)\))?/gu;
  for (let m = titleRe.exec(t); m; m = titleRe.exec(t)) {
    const raw = m[1]!;
    const precededBy = t.slice(Math.max(0, m.index - 3), m.index);
    const followedBy = t.slice(m.index + m[0].length, m.index + m[0].length + 24);
    if (own.has(titleKey(raw)) || /(现将|制定|印发)$/u.test(precededBy) || ENCLOSED.test(followedBy)) continue;
    if (KIND_ONLY.test(nameKey(raw)) || shortNames.has(titleKey(raw))) continue;
    const docNumber = m[2] ? normaliseDocNumber(m[2]) : undefined;
    if (docNumber) consumedNumbers.add(m.index + m[0].length - m[2]!.length - 1);
    if (docNumber ? LOCAL_PREFIX.test(docNumber) : PLACE_TITLE.test(raw)) continue;
    const unwrapped = !docNumber ? /(?:印发|转发)[^〈<]*[〈<]([^〉>]+)[〉>]的通知$/u.exec(raw) : null;
    const title = (unwrapped ? unwrapped[1]! : raw).replace(/[〈〉<>]/gu, (c) => (c === '〈' || c === '<' ? '《' : '》'));
    const issuer = /^(.+?)(关于|转发|印发)/u.exec(raw)?.[1];
    out.push({ docNumber, title, issuer: issuer && issuer.length <= 30 ? issuer : undefined, span: at(m.index, m.index + m[0].length) });
  }
  // Numbers without a complete 《title》 before them (the first page was cut: …意见》(号)).
  const numRe = /\(([\p{Script=Han}]{1,12}〔\d{4}〕\d{1,4}号)\)/gu;
  for (let m = numRe.exec(t); m; m = numRe.exec(t)) {
    const docNumber = normaliseDocNumber(m[1]!);
    if (!docNumber || LOCAL_PREFIX.test(docNumber)) continue;
    if (out.some((c) => c.docNumber === docNumber)) continue;
    let title: string | undefined;
    let truncated = false;
    if (t[m.index - 1] === '》' && !t.slice(0, m.index).includes('《')) {
      title = t.slice(0, m.index - 1);
      truncated = true;
    }
    out.push({ docNumber, title, titleTruncated: truncated || undefined, span: at(m.index, m.index + m[0].length) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Years.

/** Events that date a text that mentions them: the first year documents can cite them in. */
interface Clue {
  re: RegExp;
  year: (m: RegExpExecArray) => number | undefined;
  say: (m: RegExpExecArray) => string;
  /** Only in documents of this place (local programmes). */
  place?: RegExp;
}

const CONGRESS: Record<number, number> = { 15: 1997, 16: 2002, 17: 2007, 18: 2012, 19: 2017, 20: 2022, 21: 2027 };

/** Years of the 1st, 2nd, … plenary sessions of each Central Committee. */
const PLENUMS: Record<number, number[]> = {
  16: [2002, 2003, 2003, 2004, 2005, 2006, 2007],
  17: [2007, 2008, 2008, 2009, 2010, 2011, 2012],
  18: [2012, 2013, 2013, 2014, 2015, 2016, 2017],
  19: [2017, 2018, 2018, 2019, 2020, 2021, 2022],
  20: [2022, 2023, 2024, 2025],
};

const CLUES: Clue[] = [
  {
    // A national Party congress is held in the autumn; plans that implement its spirit follow
    // from the next year on.
    re: /(?:党的)?(十[五六七八九]|二十[一]?)大(?!学)/u,
    year: (m) => (chineseNumber(m[1]!) !== undefined ? CONGRESS[chineseNumber(m[1]!)!]! + 1 : undefined),
    say: (m) => `mentions the ${chineseNumber(m[1]!)}th Party Congress (党的${m[1]}大, held ${CONGRESS[chineseNumber(m[1]!)!]})`,
  },
  {
    // Plenary sessions of the k-th Central Committee: the last one named dates the text.
    re: /(十[五六七八九]|二十)届[一二三四五六七八九]中(?:、[一二三四五六七八九]中)*全会/u,
    year: (m) => {
      const plenums = [...m[0].matchAll(/([一二三四五六七八九])中/gu)].map((x) => chineseNumber(x[1]!)!);
      return PLENUMS[chineseNumber(m[1]!)!]?.[Math.max(...plenums) - 1];
    },
    say: (m) => `mentions ${m[0]}`,
  },
  {
    re: /“?十项行动”?/u,
    place: /天津/u,
    year: () => 2023,
    say: () => 'mentions the city’s “十项行动” (Tianjin’s ten actions, launched in 2023)',
  },
];

/** A document number in normal form (brackets of any kind): 昆政发〔2016〕13号. */
const CITED_NUMBER = /([\p{Script=Han}]{1,12})[〔[［【(（](\d{4})[〕\]］】)）](\d{1,4})号/gu;

function inferYear(norm: string): { year?: number; reasons: string[] } {
  const reasons: string[] = [];
  let lower: number | undefined;
  for (const clue of CLUES) {
    if (clue.place && !clue.place.test(norm)) continue;
    const m = clue.re.exec(norm);
    if (!m) continue;
    const y = clue.year(m);
    if (y === undefined) continue;
    reasons.push(`${clue.say(m)} → not before ${y}`);
    lower = lower === undefined ? y : Math.max(lower, y);
  }
  // A document is issued after every document it cites: the latest cited number's year is a floor.
  const cited = [...norm.matchAll(CITED_NUMBER)];
  if (cited.length > 0) {
    const latest = cited.reduce((a, b) => (Number(b[2]) > Number(a[2]) ? b : a));
    const y = Number(latest[2]);
    reasons.push(`cites ${latest[1]}〔${y}〕${latest[3]}号 → not before ${y}`);
    lower = lower === undefined ? y : Math.max(lower, y);
  }
  const targets = [...norm.matchAll(/到(\d{4})年/gu)].map((m) => Number(m[1]));
  const upper = targets.length > 0 ? Math.min(...targets) : undefined;
  if (upper !== undefined) reasons.push(`sets targets for ${upper} → issued before ${upper}`);
  if (lower === undefined) return { reasons };
  if (upper !== undefined && lower >= upper) return { reasons: [...reasons, 'the clues contradict each other'] };
  return { year: lower, reasons };
}

/** The one year a title names for its activity or plan (2020年全国…), not a span (2022-2024年) or a horizon (到2025年). */
function yearOfTitle(title: string): number | undefined {
  const years = [...normalise(title).matchAll(/(?<![\d\-—–~至到])((?:19|20)\d{2})年(?![\d\-—–~至到])/gu)];
  if (years.length !== 1 || /(?:19|20)\d{2}\s*[-—–~至到]/u.test(normalise(title)) || /(?:到|至|前)(?:19|20)\d{2}年/u.test(normalise(title))) return undefined;
  return Number(years[0]![1]);
}

function settleYear(ctx: ParseContext, meta: Metadata, manifest?: ManifestEntry, garbledYear?: number): void {
  if (manifest) {
    meta.issuer ??= manifest.issuer;
    meta.docNumber ??= manifest.docNumber;
    if (manifest.title && meta.title === basename(ctx.source.file).replace(/\.[^.]+$/u, '')) meta.title = manifest.title;
  }
  // A copy that starts inside the document (a pasted excerpt) names itself nowhere: say so, since
  // the file name then stands in every list and chain a researcher reads.
  if (meta.title === basename(ctx.source.file).replace(/\.[^.]+$/u, '')) {
    ctx.sink.atLine(1, 1, 'info', 'title-from-file-name', `no title line was found (the copy may start inside the document); it is titled by its file name "${meta.title}": add a "title" to its manifest.json entry to set it`);
  }
  if (meta.issuedOn) {
    meta.year = Number(meta.issuedOn.slice(0, 4));
    meta.yearSource = 'stated';
    const my = manifest?.year ?? (manifest?.issuedOn ? Number(manifest.issuedOn.slice(0, 4)) : undefined);
    if (my !== undefined && my !== meta.year) {
      ctx.sink.atLine(1, 1, 'warning', 'manifest-conflict', `the manifest gives ${my} but the text states ${meta.issuedOn}; the text's date was kept: correct the manifest entry`);
    }
    return;
  }
  // Without a date, the year of the document's own number (渝府办发〔2022〕72号) is when it was issued.
  const numbered = meta.docNumber ? /〔(\d{4})〕/u.exec(meta.docNumber) : null;
  if (numbered && !manifest?.year && !manifest?.issuedOn) {
    meta.year = Number(numbered[1]);
    meta.yearSource = 'stated';
    meta.yearReason = `the year of its number ${meta.docNumber}`;
    return;
  }
  if (garbledYear !== undefined && !manifest?.year && !manifest?.issuedOn) {
    meta.year = garbledYear;
    meta.yearSource = 'stated';
    meta.yearReason = `the year of its number, whose closing bracket was lost in copying`;
    return;
  }
  if (manifest && (manifest.year !== undefined || manifest.issuedOn)) {
    meta.issuedOn = manifest.issuedOn;
    meta.year = manifest.year ?? Number(manifest.issuedOn!.slice(0, 4));
    meta.yearSource = 'manifest';
    meta.yearReason = manifest.reason ?? 'given in the manifest';
    return;
  }
  const norm = normalise(ctx.source.text);
  const inferred = inferYear(norm);
  const { reasons } = inferred;
  let year = inferred.year;
  // A title that names one year for its activity or plan (关于组织开展2020年全国消费促进月活动的通知,
  // 2022年多彩贵州…工作方案) is that year's, unless a clue puts the text later.
  const titled = yearOfTitle(meta.title);
  if (titled !== undefined && (year === undefined || year <= titled)) {
    reasons.push(`its title names ${titled} → ${titled}`);
    year = titled;
  }
  if (year !== undefined) {
    meta.year = year;
    meta.yearSource = 'inferred';
    meta.yearReason = `no issue date in the text; ${reasons.join('; ')}; earliest year consistent with these clues: ${year}`;
    ctx.sink.atLine(1, 1, 'info', 'year-inferred', `the text states no issue date; year ${year} was inferred (${reasons.join('; ')}): add a manifest entry to set it`);
  } else {
    ctx.sink.atLine(1, 1, 'warning', 'year-unknown', `the text states no issue date and no clue dates it${reasons.length ? ` (${reasons.join('; ')})` : ''}: add an entry with its year to manifest.json next to the file`);
  }
}

// ---------------------------------------------------------------------------------------
// Manifest: optional `manifest.json` beside the documents.
//   { "documents": [ { "file": "004_x.txt", "year": 2023, "reason": "…" }, { "sha256": "…", … } ] }

const manifestCache = new Map<string, ManifestEntry[]>();

export function loadManifest(dir: string): ManifestEntry[] {
  const cached = manifestCache.get(dir);
  if (cached) return cached;
  const file = join(dir, 'manifest.json');
  let entries: ManifestEntry[] = [];
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { documents?: ManifestEntry[] } | ManifestEntry[];
    entries = Array.isArray(parsed) ? parsed : (parsed.documents ?? []);
  }
  manifestCache.set(dir, entries);
  return entries;
}

export function manifestEntryFor(file: string, sha256: string, entries = loadManifest(dirname(file))): ManifestEntry | undefined {
  const name = basename(file);
  return entries.find((e) => (e.sha256 && e.sha256 === sha256) || (e.file && basename(e.file) === name));
}
