// Thin resolvers: validate arguments, then call db/read (through the request's DataLoaders for
// fields on lists, so a response costs one query per kind of field, not one per item).
import { GraphQLScalarType, Kind, type GraphQLResolveInfo, type ValueNode } from 'graphql';
import type { Resolvers } from './generated/resolvers.js';
import * as documents from '../db/read/documents.js';
import * as measures from '../db/read/measures.js';
import * as departments from '../db/read/departments.js';
import * as themes from '../db/read/themes.js';
import * as initiatives from '../db/read/initiatives.js';
import * as search from '../db/read/search.js';
import * as graph from '../db/read/neighborhood.js';
import * as stats from '../db/read/stats.js';
import * as versions from '../db/read/versions.js';
import * as expansion from '../db/read/expansion.js';
import * as lookup from '../db/read/lookup.js';
import { compareMeasures, type MeasureRecord } from '../db/read/projections.js';
import { compareTexts } from './compare.js';
import { bounded, pageSize, searchText } from './errors.js';
import { connection, encodeCursor, skipAfter } from './pagination.js';
import { childArguments, selectedFields, selects } from './selection.js';
import { curateLineage, curateLinks, originOf } from './curation/lineage.js';
import { curationQueries, mutations } from './curation/resolvers.js';
import { boundedList } from './budget.js';
import { isPassage, searchPassage } from './similar.js';

/** A pasted paragraph of a policy, at most (characters). */
const MAX_PASSAGE = 2_000;

function jsonLiteral(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.LIST:
      return ast.values.map(jsonLiteral);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, jsonLiteral(f.value)]));
    default:
      return null;
  }
}

const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Arbitrary JSON.',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: jsonLiteral,
});

/** The loaded records, without the ids that named nothing. */
async function present<T>(loading: Promise<(T | null | Error)[]>): Promise<T[]> {
  return (await loading).filter((x): x is T => x !== null && !(x instanceof Error));
}

/** A bounded slice of a list: from after `after`, at most `first` items (the rest when `first` is omitted). */
function slice<T>(list: readonly T[], first: number | null | undefined, after?: string | null): T[] {
  const skip = skipAfter(after);
  if (first === null || first === undefined) return skip === 0 ? (list as T[]) : list.slice(skip);
  return list.slice(skip, skip + pageSize(first, first));
}

/** What the request selects of a theme timeline reached through `path` (one loader key per shape). */
function timelineShape(info: GraphQLResolveInfo, path: readonly string[]): themes.TimelineShape {
  return { measureIds: selects(info, [...path, 'measures']), documentFields: selectedFields(info, [...path, 'documents']) };
}

interface ResponsibilityFieldArgs {
  fromYear?: number | null;
  toYear?: number | null;
  includePredecessors?: boolean | null;
  role?: string | null;
}

/** The batched query's arguments for a responsibilities field reached through `path`: its filters and what it selects. */
function responsibilityArgs(a: ResponsibilityFieldArgs, info: GraphQLResolveInfo | null, path: readonly string[]): departments.ResponsibilityArgs {
  return {
    fromYear: a.fromYear ?? null,
    toYear: a.toYear ?? null,
    includePredecessors: a.includePredecessors ?? true,
    role: a.role ?? null,
    // DepartmentResponsibility.year is the measure's year.
    measureFields: info ? [...selectedFields(info, [...path, 'measure']), ...(selects(info, [...path, 'year']) ? ['year'] : [])].sort() : [],
    withAssignedTo: info ? selects(info, [...path, 'assignedTo']) : false,
  };
}

/**
 * What a lineage reached through `path` selects: the Measure fields of its members, wherever they
 * appear, and the fields of its links (one loader key per shape).
 */
function lineageShape(info: GraphQLResolveInfo, path: readonly string[]): { fields: string[]; linkFields: string[] } {
  const at = [['measures'], ['focus'], ['links', 'later'], ['links', 'earlier']];
  return {
    fields: [...new Set(at.flatMap((p) => [...selectedFields(info, [...path, ...p])]))].sort(),
    linkFields: [...selectedFields(info, [...path, 'links'])].sort(),
  };
}

function versionsOf(
  measures: MeasureRecord[],
  jurisdictions: ReadonlyMap<string, string | null>,
  via: ReadonlyMap<string, string> = new Map(),
  through: ReadonlyMap<string, string> = new Map(),
) {
  return [...measures].sort(compareMeasures).map((measure) => ({
    measure,
    jurisdiction: jurisdictions.get(measure.id) ?? null,
    versionOfId: via.get(measure.id) ?? null,
    relatedToId: through.get(measure.id) ?? null,
  }));
}

function required(m: MeasureRecord | null, id: string): MeasureRecord {
  if (!m) throw new Error(`lineage link to a missing measure ${id}`);
  return m;
}

const nonEmpty = <T>(v: readonly T[] | null | undefined): T[] | null => (v && v.length > 0 ? [...v] : null);

export const resolvers: Resolvers = {
  JSON: JSONScalar,

  Query: {
    documents: (_p, args, { reader }) => documents.listDocuments(reader, { level: args.level, year: args.year }),
    document: (_p, { id }, { loaders }) => loaders.document.load(id),
    measure: async (_p, { id }, { loaders }, info) => {
      // Asked with its lineage: the lineage query returns the measure too (one statement).
      if (!selects(info, ['lineage'])) return loaders.measure.load(id);
      const lineage = await loaders.lineage(lineageShape(info, ['lineage'])).load(id);
      const focus = lineage?.measures.find((m) => m.id === id) ?? null;
      if (focus) loaders.measure.prime(id, focus);
      return focus;
    },
    measures: async (_p, { filter, first, after }, { reader }) => {
      const limit = pageSize(first, 50);
      const skip = skipAfter(after);
      const text = filter?.text ? searchText(filter.text, 'filter.text') : null;
      return measures.findMeasures(
        reader,
        {
          years: boundedList(filter?.years, 'filter.years'),
          themes: boundedList(filter?.themes, 'filter.themes'),
          departments: boundedList(filter?.departments, 'filter.departments'),
          documents: boundedList(filter?.documents, 'filter.documents'),
          text,
        },
        skip,
        limit,
      );
    },
    departments: (_p, { kind }, { reader }) => departments.listDepartments(reader, kind),
    department: async (_p, { name, jurisdiction }, { reader, loaders }, info) => {
      // Asked with one responsibilities list: fetched with the department in one statement.
      const calls = childArguments(info, 'responsibilities');
      const args = calls.length === 1 ? responsibilityArgs(calls[0] as ResponsibilityFieldArgs, info, ['responsibilities']) : null;
      const found = await departments.findDepartmentWithResponsibilities(
        reader,
        searchText(name, 'name', 200),
        args,
        jurisdiction ? searchText(jurisdiction, 'jurisdiction', 50) : null,
      );
      if (found?.responsibilities && args) loaders.departmentResponsibilities(args).prime(found.department.id, found.responsibilities);
      return found?.department ?? null;
    },
    themes: (_p, _a, { reader }) => themes.listThemes(reader),
    theme: async (_p, { name }, { reader, loaders }, info) => {
      // Asked with its timeline: fetched with the theme in one statement.
      const shape = selects(info, ['timeline']) ? timelineShape(info, ['timeline']) : null;
      const found = await themes.findThemeWithTimeline(reader, searchText(name, 'name', 200), shape);
      if (found?.timeline && shape) loaders.timeline(shape).prime(found.theme.id, found.timeline);
      return found?.theme ?? null;
    },
    themeMatrix: (_p, _a, { reader }) => themes.themeMatrix(reader),
    initiatives: (_p, _a, { reader }) => initiatives.listInitiatives(reader),
    initiative: (_p, { name }, { reader }) => initiatives.findInitiative(reader, searchText(name, 'name', 200)),
    search: (_p, { text, types, first }, { reader }) => {
      const query = searchText(text, 'text', MAX_PASSAGE);
      return (isPassage(query) ? searchPassage : search.search)(reader, query, nonEmpty(types), pageSize(first, 20));
    },
    neighborhood: (_p, { id, depth, limit, types }, { reader }, info) =>
      graph.neighborhood(reader, {
        id,
        depth: bounded(depth, 1, 1, graph.MAX_DEPTH, 'depth'),
        limit: bounded(limit, 100, 1, graph.MAX_NODES, 'limit'),
        types: nonEmpty(types),
        withProperties: selects(info, ['nodes', 'properties']),
        withEdgeProperties: selects(info, ['edges', 'properties']),
      }),
    overview: (_p, { maxThemes }, { reader }) => graph.overview(reader, bounded(maxThemes, 40, 1, 200, 'maxThemes')),
    node: (_p, { id }, { reader }) => graph.nodeById(reader, id),
    stats: (_p, _a, { reader }) => stats.stats(reader),
    versionGroup: (_p, { id }, { reader }) => versions.versionGroup(reader, id),
    compare: async (_p, { a, b }, { loaders }) => {
      const [left, right] = await Promise.all([loaders.measure.load(a), loaders.measure.load(b)]);
      return left && right ? { a: left, b: right, ...compareTexts(left.text, right.text) } : null;
    },
    expand: async (_p, { id, limit, relationships, types }, { reader }) =>
      expansion.expansion(reader, {
        id,
        limit: bounded(limit, 60, 1, graph.MAX_NODES, 'limit'),
        relationships: nonEmpty(relationships),
        types: nonEmpty(types),
      }),
    lookup: (_p, { text, first }, { reader }) => lookup.lookup(reader, searchText(text, 'text', 200), pageSize(first, 20)),
    ...curationQueries,
  },

  VersionGroup: {
    focus: async (g, _a, { loaders }) => {
      const m = await loaders.measure.load(g.focusId);
      if (!m) throw new Error(`version group of a missing measure ${g.focusId}`);
      return m;
    },
    versions: async (g, _a, { loaders }) => versionsOf(await present(loaders.measure.loadMany(g.versionIds)), g.jurisdictions),
    related: async (g, _a, { loaders }) => versionsOf(await present(loaders.measure.loadMany(g.relatedIds)), g.jurisdictions, g.relatedVia, g.relatedThrough),
    links: (g) => g.links,
  },

  Version: {
    versionOf: (v, _a, { loaders }) => (v.versionOfId ? loaders.measure.load(v.versionOfId) : null),
    relatedTo: (v, _a, { loaders }) => (v.relatedToId ? loaders.measure.load(v.relatedToId) : null),
  },

  VersionLink: {
    earlier: async (l, _a, { loaders }) => required(await loaders.measure.load(l.earlierId), l.earlierId),
    later: async (l, _a, { loaders }) => required(await loaders.measure.load(l.laterId), l.laterId),
    themes: (l, _a, { loaders }) => present(loaders.theme.loadMany(l.sharedThemes)),
    initiatives: (l, _a, { loaders }) => present(loaders.initiative.loadMany(l.sharedInitiatives)),
  },

  Expansion: {
    shown: (e) => Math.max(0, e.nodes.length - 1),
  },

  Mutation: mutations,

  ImportFile: {
    document: (f, _a, { loaders }) => (f.documentId ? loaders.document.load(f.documentId) : null),
  },

  MeasureConnection: {
    totalCount: (page) => page.totalCount,
    nodes: (page) => page.items,
    edges: (page) => connection(page).edges,
    pageInfo: (page) => connection(page).pageInfo,
  },

  Document: {
    measures: async (doc, { first, after }, { loaders }) => {
      const limit = pageSize(first, 200);
      const skip = skipAfter(after);
      const page = await loaders.documentMeasures({ skip, limit }).load(doc.id);
      return page ?? { totalCount: 0, offset: skip, items: [] };
    },
    cites: (doc, _a, { loaders }) => loaders.cites.load(doc.id),
    citedBy: (doc, _a, { loaders }) => loaders.citedBy.load(doc.id),
    requirements: (doc, _a, { loaders }) => loaders.documentRequirements.load(doc.id),
    sourceText: (doc, _a, { loaders }) => (doc.sourceFile ? loaders.documentSourceText.load(doc.id) : null),
  },

  Measure: {
    document: async (m, _a, { loaders }) => {
      const doc = await loaders.document.load(m.documentId);
      if (!doc) throw new Error(`measure ${m.id} has no document ${m.documentId}`);
      return doc;
    },
    responsibilities: (m, _a, { loaders }) => loaders.responsibilities.load(m.id),
    themes: (m, _a, { loaders }) => loaders.themeTags.load(m.id),
    initiatives: (m, _a, { loaders }) => loaders.initiatives.load(m.id),
    targets: (m, _a, { loaders }) => loaders.targets.load(m.id),
    implements: (m, _a, { loaders }) => loaders.implements.load(m.id),
    implementsClauses: (m, _a, { loaders }) => loaders.implementsClauses.load(m.id),
    implementedBy: (m, _a, { loaders }) => loaders.clauseImplementers.load(m.id),
    evolvesFrom: async (m, { includeRejected }, { loaders }) => curateLinks(await loaders.evolvesFrom.load(m.id), includeRejected ?? false),
    evolvesInto: async (m, { includeRejected }, { loaders }) => curateLinks(await loaders.evolvesInto.load(m.id), includeRejected ?? false),
    lineage: async (m, { includeRejected }, { loaders }, info) =>
      curateLineage(
        (await loaders.lineage(lineageShape(info, [])).load(m.id)) ?? { focusId: m.id, measures: [m], links: [], truncated: false },
        includeRejected ?? false,
      ),
  },

  LineageLink: {
    origin: (l) => originOf(l),
    themes: (l, _a, { loaders }) => present(loaders.theme.loadMany(l.sharedThemes)),
    initiatives: (l, _a, { loaders }) => present(loaders.initiative.loadMany(l.sharedInitiatives)),
  },

  LineageEdge: {
    origin: (l) => originOf(l),
    themes: (l, _a, { loaders }) => present(loaders.theme.loadMany(l.sharedThemes)),
    initiatives: (l, _a, { loaders }) => present(loaders.initiative.loadMany(l.sharedInitiatives)),
  },

  Lineage: {
    focus: (l) => l.measures.find((m) => m.id === l.focusId) ?? l.measures[0]!,
  },

  Department: {
    ambiguousWith: (d) => d.ambiguousWith ?? [],
    predecessors: (d, _a, { loaders }) => loaders.predecessors.load(d.id),
    successors: (d, _a, { loaders }) => loaders.successors.load(d.id),
    current: (d, _a, { loaders }) => loaders.current.load(d.id),
    responsibilities: async (d, { first, after, ...filters }, { loaders }, info) =>
      slice(await loaders.departmentResponsibilities(responsibilityArgs(filters, info, [])).load(d.id), first, after),
    responsibilityCount: async (d, filters, { loaders }) =>
      (await loaders.departmentResponsibilities(responsibilityArgs(filters, null, [])).load(d.id)).length,
    partners: (d, { first, includePredecessors }, { loaders }) =>
      loaders.partners({ first: pageSize(first, 10), includePredecessors: includePredecessors ?? true }).load(d.id),
  },

  DepartmentResponsibility: {
    year: (r) => r.measure.year,
    cursor: (r) => encodeCursor(r.position),
    assignedTo: (r) => {
      if (!r.assignedTo) throw new Error('assignedTo was not fetched for this responsibility');
      return r.assignedTo;
    },
  },

  Theme: {
    timeline: (t, _a, { loaders }, info) => loaders.timeline(timelineShape(info, [])).load(t.id),
  },

  ThemeYear: {
    measureCount: (y) => y.measureCount,
    documentCount: (y) => y.documentCount,
    measures: (y, { first }, { loaders }) => present(loaders.measure.loadMany(slice(y.measureIds, first))),
    documents: (y, { first }, { loaders }) => (y.documents ? slice(y.documents, first) : present(loaders.document.loadMany(slice(y.documentIds, first)))),
    departments: (y, _a, { loaders }) => loaders.themeYearDepartments.load(`${y.themeId}|${y.year ?? ''}`),
  },

  Initiative: {
    measures: (i, _a, { loaders }) => loaders.initiativeMeasures.load(i.id),
  },

  Target: {
    measure: (t, _a, { loaders }) => (t.measureId ? loaders.measure.load(t.measureId) : null),
  },

  Requirement: {
    document: (q, _a, { loaders }) => (q.documentId ? loaders.document.load(q.documentId) : null),
    implementedBy: (q, _a, { loaders }) => loaders.implementers.load(q.id),
    clause: async (q, _a, { loaders }) => (await loaders.quotedClause.load(q.id))[0] ?? null,
  },

  ImplementationLink: {
    document: (l, _a, { loaders }) => (l.documentId ? loaders.document.load(l.documentId) : null),
  },
};

