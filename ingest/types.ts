// Shared types of the ingest pipeline. Every stage is a pure function from one of these
// shapes to the next; the graph at the end is what the dry run prints and the writer stores.

export type Severity = 'error' | 'warning' | 'info';

/** A finding about the input, always anchored to a place a person can open. */
export interface Diagnostic {
  file: string;
  line: number; // 1-based
  column: number; // 1-based, in characters of the decoded text
  severity: Severity;
  rule: string; // kebab-case id, e.g. 'unknown-department'
  message: string; // says what is wrong and what to do
}

/** Where a fact sits in the original file (offsets in UTF-16 code units of the decoded text). */
export interface SourceSpan {
  file: string;
  startLine: number;
  endLine: number;
  startOffset: number;
  endOffset: number;
}

export interface GraphNode {
  id: string;
  labels: string[];
  properties: Record<string, PropertyValue>;
}

export interface GraphRelationship {
  type: string;
  start: string;
  end: string;
  properties: Record<string, PropertyValue>;
}

/** Neo4j properties are flat: scalars or homogeneous lists of scalars. */
export type PropertyValue = string | number | boolean | null | string[] | number[];

/** The dry-run JSON, and the writer's input. */
export interface Graph {
  nodes: GraphNode[];
  relationships: GraphRelationship[];
  diagnostics: Diagnostic[];
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
}

export interface ParsedDocument {
  source: SourceText;
  title: string;
  issuer?: string;
  issuedOn?: string; // ISO date
  year?: number;
  yearSource: YearSource;
  yearReason?: string; // why, when inferred or from the manifest
  docNumber?: string;
  genre: string; // which parser handled it, e.g. 'prose-parenthetical', 'division-table', 'annex-fields'
  // Set by the structure parser (contracts); absent → derived from issuer/title downstream.
  level?: 'national' | 'provincial' | 'municipal' | 'district';
  jurisdiction?: string; // '天津市', '浙江省', '杭州市西湖区', '国家'
  issuers?: string[]; // every issuing organ, in order
  citations: Citation[];
  requirements: ParsedRequirement[];
  measures: ParsedMeasure[];
}
