// Shared types of the ingest pipeline. Every stage is a pure function from one of these
// shapes to the next; the graph at the end is what the dry run prints and the writer stores.

export type { Diagnostic, Graph, GraphNode, GraphRelationship, PropertyValue, Severity } from '../model/graph.js';

/** Where a fact sits in the original file (offsets in UTF-16 code units of the decoded text). */
export interface SourceSpan {
  file: string;
  startLine: number;
  endLine: number;
  startOffset: number;
  endOffset: number;
}

// ---------------------------------------------------------------------------------------
// Intermediate shapes between stages.

export type YearSource = 'stated' | 'inferred' | 'manifest' | 'unknown';

/** decode → normalise: the file's text exactly as decoded, plus line starts for positions. */
export interface SourceText {
  file: string; // path as given, relative to the working directory (e.g. 'seeds/000_x.txt')
  text: string; // decoded, original (provenance: never altered)
  encoding: string; // e.g. 'UTF-8', 'GB18030', 'UTF-16LE'
  sha256: string; // of the decoded text
  /** The format the text was extracted from (told from the content); absent means 'text'. */
  format?: 'text' | 'html' | 'docx' | 'pdf';
  /** PDF: offset in `text` where each page starts (page N = index N-1), for provenance. */
  pages?: number[];
  /** Labelled metadata the format carried (an HTML portal's 索引号/发布机构/文号/成文日期… table): keys as written without layout spaces, values trimmed. */
  meta?: Record<string, string>;
}

/** A reference to a document cited by another (a national directive, usually). */
export interface Citation {
  docNumber?: string; // e.g. '国发〔2017〕40号', normalised brackets
  title?: string; // e.g. '关于进一步扩大和升级信息消费持续释放内需潜力的指导意见', without 《》
  issuer?: string;
  span: SourceSpan;
}

/** A clause of a national document that a measure implements (001's 国家要求 cells). */
export interface ParsedRequirement {
  key: string; // stable within the document, e.g. 'req-12'
  text: string; // as written
  section?: string; // the national section heading, e.g. '（五）丰富特色文化旅游产品'
  span: SourceSpan;
}

/** A measure as the parser finds it: the smallest unit with its own responsible parties. */
export interface ParsedMeasure {
  path: string; // structural path: '三、（四）#2' for prose, 'row 52' for a table row
  section?: string; // nearest heading as written, for the outline
  text: string; // as written in the source (layout line breaks kept)
  span: SourceSpan;
  responsibleText: string; // the department list as written, e.g. '市商务局牵头，相关部门按职责分工负责'
  responsibleSpan?: SourceSpan;
  requirementKey?: string; // → ParsedRequirement.key
  /** Target cells of table layouts, e.g. the 2025/2027 columns of an annex. */
  targetCells?: { year: number; text: string; span: SourceSpan }[];
  /** Prose elsewhere in the document that summarises this measure (002's body tasks). */
  summaries?: { text: string; span: SourceSpan; path: string }[];
  /**
   * The responsibility cut into lists of names, each with the role its field label gives
   * (牵头单位 → lead, 配合单位 → support); set when labels or a deadline field were written, so
   * that resolve never reads a label or a date as a party. Absent: resolve reads responsibleText.
   */
  responsibleClauses?: { text: string; span: SourceSpan; role?: 'lead' | 'support'; inherited?: boolean }[];
  /**
   * The parties were read from the subjects of the item's sentences (市商务局要……), not from a
   * list of its responsibility: a document's 列第一位者为牵头单位 governs such lists, not subjects.
   */
  responsibleBySubject?: boolean;
  deadline?: string; // as written: 2023年底前, 长期坚持
  deadlineDate?: string; // ISO, where the deadline names a day (2023年底前 → 2023-12-31)
}

export type Level = 'national' | 'provincial' | 'municipal' | 'district';

export interface ParsedDocument {
  source: SourceText;
  title: string;
  issuer?: string;
  issuedOn?: string; // ISO date
  year?: number;
  yearSource: YearSource;
  yearReason?: string; // why, when inferred or from the manifest
  docNumber?: string;
  level?: Level;
  jurisdiction?: string; // '天津市', '浙江省', '杭州市西湖区', '国家' for national documents
  issuers?: string[]; // every issuing organ, in order
  /** Numbered targets of 总体要求 / 主要目标 sections: aims of the document, not measures. */
  targets?: { path: string; text: string; span: SourceSpan }[];
  genre: string; // which layout rule read it, e.g. 'outline', 'division-table', 'annex-fields'
  citations: Citation[];
  requirements: ParsedRequirement[];
  measures: ParsedMeasure[];
}
