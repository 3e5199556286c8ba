// assemble: parsed documents + the results of the other stages → the Graph (README's model).
// Ids are derived from content and position only, so a rerun yields the same graph and the
// writer can MERGE on them: Document doc:<sha16>, Measure m:<sha16>:<NNN>, Target <measure>:t<N>,
// Requirement req:<sha12 of its normalised text>, national documents nat:<number or title>
// (formats in model/graph.ts).
import { citedDocumentId, documentId, measureId, requirementId } from '../model/graph.js';
import { pageAt } from './formats/pages.js';
import { nameKey } from './normalise.js';
import { fastNormaliseText as normalise, squeeze } from './segment.js';
import { endsWithPlaceName } from './structure/places.js';

import type { Measure } from './parse/common.js';
import type { ParseOutcome } from './parse/document.js';
import type { CitationRef } from './metadata.js';
import type { Diagnostic, GraphNode, GraphRelationship, PropertyValue, SourceSpan } from './types.js';
import {
  departmentGraph,
  detectFirstIsLead,
  documentJurisdiction,
  jurisdictionOf,
  NATIONAL,
  type DepartmentReference,
  type ResolvedParty,
} from './resolve/departments.js';
import { resolveMeasureParties } from './responsibility/resolve-clauses.js';
import { extractThemes, themeNodes, type ThemeTaxonomy } from './extract/themes.js';
import { extractInitiatives } from './extract/initiatives.js';
import { extractTargets, type ExtractedTarget } from './extract/targets.js';
import { linkMeasures, type LineageLink, type LinkableMeasure, type LinkStats } from './link/lineage.js';
import { citationKeys, linkImplementations, type ImplementationDocument, type ImplementationLink, type QuotedRequirement } from './link/implementation.js';

export interface AssembleDocument {
  parsed: ParseOutcome;
  /** Other file names under which the same content was found. */
  aliasFiles: string[];
}

export interface AssembleInput {
  documents: AssembleDocument[];
  ref: DepartmentReference;
  taxonomy: ThemeTaxonomy;
  /** Measures already in the database, for incremental lineage. */
  existing?: LinkableMeasure[];
}

export interface AssembleResult {
  nodes: GraphNode[];
  relationships: GraphRelationship[];
  diagnostics: Diagnostic[];
  linkStats: LinkStats;
}

type Props = Record<string, PropertyValue | undefined>;

/** Neo4j stores no nulls: absent facts are left out rather than written as null. */
function props(p: Props): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== null) out[k] = v;
  return out;
}

function spanProps(s: SourceSpan): Props {
  return { sourceFile: s.file, startLine: s.startLine, endLine: s.endLine, startOffset: s.startOffset, endOffset: s.endOffset };
}

const NATIONAL_ISSUER = /^(国务院|中共中央|全国人大|国家|中华人民共和国|中央)/u;

/** Document numbers of provincial-level governments start with the place's one-character abbreviation (津政办发, 浙政发, 沪府发). */
const LOCAL_NUMBER = /^[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀贵黔云滇陕秦甘陇青蒙桂藏宁新][^〔]{0,6}〔/u;

const PLACE_LED = /^\p{Script=Han}{2,8}?(?:省|市(?!场)|自治区)/u;
/** 市 closing a common noun (推进城市…, 连锁超市…), a place only when the gazetteer knows the name (运城市, 成都市). */
const NOUN_IN_SHI = /(?:城|超|都|夜|集|门|上|股)市$/u;

/** A title led by a place name (天津市…, 关于印发某省…). */
function placeLed(title: string): boolean {
  const m = PLACE_LED.exec(title);
  return !!m && (!NOUN_IN_SHI.test(m[0]) || endsWithPlaceName(m[0]));
}

/**
 * The level of a cited document: local when its number or its issuer names a place, else national
 * (the genre cites national directives by title alone; a city's own documents carry its number).
 */
export function citedLevel(c: Pick<CitationRef, 'issuer' | 'docNumber' | 'title'>): 'national' | 'local' {
  const place = jurisdictionOf(c.issuer);
  if (place && place !== NATIONAL) return 'local';
  if (c.docNumber && LOCAL_NUMBER.test(c.docNumber)) return 'local';
  if (c.title && placeLed(c.title) && !NATIONAL_ISSUER.test(c.title)) return 'local';
  return 'national';
}

/** The parser's level when it gives one; else from the jurisdiction's kind of place. */
function documentLevel(doc: { level?: string }, jurisdiction: string | undefined): string {
  if (doc.level) return doc.level;
  if (jurisdiction === NATIONAL) return 'national';
  if (jurisdiction && /(?:区|县|旗)$/u.test(jurisdiction) && !/自治区$/u.test(jurisdiction)) return 'district';
  if (jurisdiction && /(?:省|自治区)$/u.test(jurisdiction)) return 'provincial';
  return 'municipal';
}

/**
 * National directives, one node each however many documents cite them. A citation by title
 * alone joins the numbered one whose title matches (also when that title survives only as the
 * end of a cut first page).
 */
class NationalDocuments {
  readonly nodes = new Map<string, GraphNode>();
  private readonly numberByTitle = new Map<string, string>();
  private readonly fragments: { key: string; number: string }[] = [];

  constructor(all: CitationRef[]) {
    for (const c of all) {
      if (!c.docNumber || !c.title) continue;
      const key = nameKey(c.title);
      if (c.titleTruncated) this.fragments.push({ key, number: c.docNumber });
      else this.numberByTitle.set(key, c.docNumber);
    }
  }

  idOf(c: CitationRef): string | undefined {
    if (c.docNumber) return citedDocumentId(c.docNumber);
    if (!c.title) return undefined;
    const key = nameKey(c.title);
    const number = this.numberByTitle.get(key) ?? this.fragments.find((f) => f.key.length >= 8 && key.endsWith(f.key))?.number;
    return citedDocumentId(number ?? squeeze(c.title));
  }

  /** Ingested documents by number and by title: a citation of one of them points at it, not at a placeholder. */
  private readonly ingested = new Map<string, string>();

  registerIngested(docId: string, docNumber: string | undefined, title: string): void {
    if (docNumber) this.ingested.set(`n:${squeeze(docNumber)}`, docId);
    this.ingested.set(`t:${nameKey(title)}`, docId);
  }

  ingestedIdOf(c: CitationRef): string | undefined {
    const direct = (c.docNumber ? this.ingested.get(`n:${squeeze(c.docNumber)}`) : undefined) ?? (c.title ? this.ingested.get(`t:${nameKey(c.title)}`) : undefined);
    if (direct) return direct;
    // A title-only citation that another citation pairs with a number: the document of that number.
    const key = this.idOf(c)?.slice(4);
    return key ? (this.ingested.get(`n:${squeeze(key)}`) ?? this.ingested.get(`t:${nameKey(key)}`)) : undefined;
  }

  add(c: CitationRef): string | undefined {
    const ingested = this.ingestedIdOf(c);
    if (ingested) return ingested;
    const id = this.idOf(c);
    if (!id) return undefined;
    const number = id.slice(4).match(/〔(\d{4})〕/u) ? id.slice(4) : undefined;
    const node = this.nodes.get(id) ?? { id, labels: ['Document'], properties: {} };
    const p = node.properties;
    const title = c.title && !c.titleTruncated ? squeeze(c.title) : undefined;
    // A complete title wins over a cut one; the first complete title seen is kept.
    if (title && (!p.title || p.titleTruncated)) {
      p.title = title;
      delete p.titleTruncated;
    } else if (!p.title && c.title) {
      p.title = squeeze(c.title);
      p.titleTruncated = true;
    }
    if (number) {
      p.docNumber = number;
      p.year = Number(/〔(\d{4})〕/u.exec(number)![1]);
      p.yearSource = 'stated';
    } else {
      p.yearSource ??= 'unknown';
    }
    if (c.issuer && !p.issuer) p.issuer = c.issuer;
    // Only a directive that reads as national is 'national': a city's document cited by another
    // city's (津政办发〔2020〕12号) is not; its level stays unknown until the document is ingested.
    p.level = citedLevel(c);
    this.nodes.set(id, node);
    return id;
  }
}

/** An implementation link's properties (IMPLEMENTS_CLAUSE, QUOTES). */
export function implementationProperties(l: ImplementationLink): Props {
  return {
    score: l.score,
    tier: l.tier,
    evidence: l.evidence,
    document: l.document,
    clause: l.clause,
    clauseStart: l.clauseStart,
    clauseEnd: l.clauseEnd,
    localClause: l.localClause,
    found: 'system',
  };
}

/**
 * The documents and quoted requirements the implementation linker needs, from this run's documents
 * and the stored corpus (each stored measure carries its document's number, title and citations).
 */
function storedImplementationContext(existing: LinkableMeasure[], newDocs: ReadonlySet<string>) {
  const documents = new Map<string, ImplementationDocument>();
  const requirements: QuotedRequirement[] = [];
  for (const m of existing) {
    for (const r of m.requirements ?? []) if (r.directive) requirements.push({ id: r.id, normText: r.normText, directive: r.directive });
    if (newDocs.has(m.documentId) || documents.has(m.documentId)) continue;
    documents.set(m.documentId, { id: m.documentId, level: m.level, keys: citationKeys(m.docNumber, m.docTitle), cites: [...(m.cites ?? [])].sort() });
  }
  return { documents: [...documents.values()], requirements };
}

/** A link's properties, flat as Neo4j wants them: the aligned clauses as parallel lists. */
export function lineageProperties(l: LineageLink): Props {
  const c = l.clauses ?? [];
  return {
    score: l.score,
    method: l.method,
    evidence: l.evidence,
    sharedThemes: l.sharedThemes,
    sharedInitiatives: l.sharedInitiatives,
    tier: l.tier,
    reason: l.reason,
    earlierIssuedOn: l.earlierIssuedOn,
    laterClauses: c.map((x) => x.later),
    earlierClauses: c.map((x) => x.earlier),
    laterClauseOffsets: c.flatMap((x) => [x.laterStart, x.laterEnd]),
    earlierClauseOffsets: c.flatMap((x) => [x.earlierStart, x.earlierEnd]),
    clauseScores: c.map((x) => x.score),
  };
}

export function assemble(input: AssembleInput): AssembleResult {
  const nodes = new Map<string, GraphNode>();
  const relationships: GraphRelationship[] = [];
  const relKeys = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const addNode = (n: GraphNode) => {
    if (!nodes.has(n.id)) nodes.set(n.id, n);
  };
  const addRel = (type: string, start: string, end: string, p: Props = {}) => {
    const key = `${type}|${start}|${end}`;
    if (relKeys.has(key)) return;
    relKeys.add(key);
    relationships.push({ type, start, end, properties: props(p) });
  };

  const national = new NationalDocuments(input.documents.flatMap((d) => d.parsed.meta.citations));
  for (const { parsed } of input.documents) national.registerIngested(documentId(parsed.doc.source.sha256), parsed.doc.docNumber, parsed.doc.title);
  // A stored document is cited by its id, so that a national document ingested before the local
  // one that cites it is one node, as in the other order (the writer absorbs the placeholder).
  const newDocIds = new Set(input.documents.map((d) => documentId(d.parsed.doc.source.sha256)));
  const storedDocs = new Set<string>();
  for (const m of input.existing ?? []) {
    if (newDocIds.has(m.documentId) || storedDocs.has(m.documentId) || !m.docTitle) continue;
    storedDocs.add(m.documentId);
    national.registerIngested(m.documentId, m.docNumber ?? undefined, m.docTitle);
  }
  const implementationDocs: ImplementationDocument[] = [];
  const quotedRequirements: QuotedRequirement[] = [];
  const allParties: ResolvedParty[] = [];
  const linkables: LinkableMeasure[] = [];
  const sharedCells = new Map<string, string[]>();

  for (const { parsed, aliasFiles } of input.documents) {
    const { doc, meta } = parsed;
    const source = doc.source;
    const docId = documentId(source.sha256);
    // Names like 市商务局 belong to the issuing government: a Beijing document's 市商务局 is not Tianjin's.
    const jurisdiction = documentJurisdiction(doc) ?? (NATIONAL_ISSUER.test(doc.issuer ?? doc.title) ? NATIONAL : undefined);
    addNode({
      id: docId,
      labels: ['Document'],
      properties: props({
        title: doc.title,
        noticeTitle: meta.noticeTitle,
        sourceFile: source.file,
        aliasFiles: aliasFiles.length > 0 ? aliasFiles : undefined,
        level: documentLevel(doc, jurisdiction),
        jurisdiction,
        issuers: doc.issuers,
        year: doc.year,
        yearSource: doc.yearSource,
        yearReason: doc.yearReason,
        issuedOn: doc.issuedOn,
        docNumber: doc.docNumber,
        issuer: doc.issuer,
        sha256: source.sha256,
        genre: doc.genre,
        encoding: source.encoding,
        format: source.format ?? 'text',
        measureCount: doc.measures.length,
        // The original text, so a reader can see each measure highlighted in its context.
        sourceText: source.text,
      }),
    });

    const cites = new Set<string>();
    for (const c of doc.citations as CitationRef[]) {
      const natId = national.add(c);
      if (natId) addRel('CITES', docId, natId, { line: c.span.startLine });
      if (natId) cites.add(natId);
    }
    implementationDocs.push({ id: docId, level: documentLevel(doc, jurisdiction), keys: citationKeys(doc.docNumber, doc.title), cites: [...cites].sort() });

    const implementsId = meta.implements ? (national.ingestedIdOf(meta.implements) ?? national.idOf(meta.implements)) : undefined;
    const reqIds = new Map<string, string>();
    for (const r of doc.requirements) {
      const id = requirementId(r.text);
      reqIds.set(r.key, id);
      addNode({
        id,
        labels: ['Requirement'],
        properties: props({ text: r.text, normText: normalise(r.text), section: r.section, documentId: docId, ...spanProps(r.span) }),
      });
      if (implementsId) addRel('PART_OF', id, implementsId);
      if (implementsId) quotedRequirements.push({ id, normText: normalise(r.text), directive: implementsId });
    }
    if (doc.requirements.length > 0 && !implementsId) {
      diagnostics.push({
        file: source.file, line: 1, column: 1, severity: 'warning', rule: 'requirement-without-directive',
        message: 'the table quotes requirements of a national directive, but the document names none (贯彻落实《…》 or a cited 〔year〕 number): the requirements are kept without PART_OF',
      });
    }

    const firstIsLead = detectFirstIsLead(source.text);
    doc.measures.forEach((m: Measure, i) => {
      const id = measureId(source.sha256, i);
      const normText = normalise(m.text);
      const summaryText = m.summaries?.map((s) => s.text).join('\n');
      addNode({
        id,
        labels: ['Measure'],
        properties: props({
          text: m.text,
          normText,
          year: doc.year,
          path: m.path,
          section: m.section,
          title: m.title,
          documentId: docId,
          ...spanProps(m.span),
          startPage: pageAt(source, m.span.startOffset),
          endPage: pageAt(source, Math.max(m.span.startOffset, m.span.endOffset - 1)),
          responsibleText: m.responsibleText || undefined,
          deadline: m.deadline,
          deadlineDate: m.deadlineDate,
          summaryText,
          summaryPaths: m.summaries ? [...new Set(m.summaries.map((s) => s.path))] : undefined,
        }),
      });
      addRel('HAS_MEASURE', docId, id, { order: i + 1 });
      if (m.requirementKey && reqIds.has(m.requirementKey)) addRel('IMPLEMENTS', id, reqIds.get(m.requirementKey)!);

      // Departments.
      const resolved = resolveMeasureParties(m, input.ref, { source: source.text, firstIsLead, jurisdiction });
      diagnostics.push(...resolved.diagnostics);
      for (const p of resolved.parties) {
        allParties.push(p);
        addRel('ASSIGNED_TO', id, p.departmentId, { role: p.role, asWritten: p.asWritten });
      }

      // Themes, initiatives, targets.
      // A row or item title often names the subject (or a programme) that the body leaves implicit.
      const subjectText = m.title ? `${normalise(m.title)}\n${normText}` : normText;
      const themes = extractThemes(subjectText, input.taxonomy);
      for (const t of themes) addRel('ABOUT', id, t.themeId, { evidence: t.evidence });
      const initiatives = extractInitiatives(subjectText);
      for (const ini of initiatives) {
        addNode({ id: ini.id, labels: ['Initiative'], properties: { name: ini.name } });
        addRel('MENTIONS', id, ini.id);
      }
      const metrics: string[] = [];
      let t = 0;
      const addTarget = (x: ExtractedTarget, extra: Props): string => {
        const tid = `${id}:t${++t}`;
        addNode({
          id: tid,
          labels: ['Target'],
          properties: props({ text: x.text, year: x.year, value: x.value, valueMax: x.valueMax, unit: x.unit, metric: x.metric, ...extra }),
        });
        if (x.metric) metrics.push(x.metric);
        return tid;
      };
      for (const x of extractTargets(normText, { defaultYear: doc.year })) addRel('SETS', id, addTarget(x, { source: 'text' }));
      for (const cell of m.targetCells ?? []) {
        // A cell shared by the rows of a group is one target, set by each row.
        const key = `${cell.span.file}:${cell.span.startOffset}`;
        let tids = sharedCells.get(key);
        if (!tids) {
          tids = extractTargets(cell.text, { defaultYear: cell.year, cell: true }).map((x) =>
            addTarget(x, { source: 'cell', column: cell.year, ...spanProps(cell.span) }),
          );
          sharedCells.set(key, tids);
        } else {
          for (const tid of tids) {
            const metric = nodes.get(tid)?.properties.metric;
            if (typeof metric === 'string') metrics.push(metric);
          }
        }
        for (const tid of tids) addRel('SETS', id, tid);
      }

      linkables.push({
        id,
        documentId: docId,
        year: doc.year ?? null,
        issuedOn: doc.issuedOn ?? null,
        yearSource: doc.yearSource ?? null,
        text: m.text,
        normText,
        themes: themes.map((x) => x.themeId),
        initiatives: initiatives.map((x) => x.id),
        targetMetrics: [...new Set(metrics)],
        departments: [...new Set(resolved.parties.map((p) => p.departmentId))],
        jurisdiction: jurisdiction ?? null,
        level: documentLevel(doc, jurisdiction),
      });
    });
  }

  for (const n of national.nodes.values()) addNode(n);
  for (const n of themeNodes(input.taxonomy)) addNode(n);
  const depts = departmentGraph(input.ref, allParties);
  for (const n of depts.nodes) addNode(n);
  for (const r of depts.relationships) addRel(r.type, r.start, r.end, r.properties);

  // The whole corpus is linked every time (the measures already stored as well as the new ones):
  // the links then depend only on which documents are stored, so a re-ingest equals a clean run.
  const { links, stats } = linkMeasures([...linkables, ...(input.existing ?? [])]);
  for (const l of links) addRel(l.kind ?? 'EVOLVES_FROM', l.from, l.to, lineageProperties(l));

  // Implementation of cited higher-level documents, over the whole corpus too (order independence).
  const stored = storedImplementationContext(input.existing ?? [], newDocIds);
  const implementation = linkImplementations({
    measures: [...linkables, ...(input.existing ?? [])],
    documents: [...implementationDocs, ...stored.documents],
    requirements: [...quotedRequirements, ...stored.requirements],
  });
  for (const l of implementation.links) addRel('IMPLEMENTS_CLAUSE', l.from, l.to, implementationProperties(l));
  for (const l of implementation.quotes) addRel('QUOTES', l.from, l.to, implementationProperties(l));

  return { nodes: [...nodes.values()], relationships, diagnostics, linkStats: stats };
}
