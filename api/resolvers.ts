// Thin resolvers: validate arguments, then call db/read (through the request's DataLoaders for
// fields on lists, so a response costs one query per kind of field, not one per item).
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
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
import { compareMeasures, type MeasureRecord } from '../db/read/measures.js';
import { compareTexts } from './compare.js';
import { bounded, pageSize, searchText } from './errors.js';
import { connection, skipAfter } from './pagination.js';
import { selects } from './selection.js';

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

function versionsOf(measures: MeasureRecord[], jurisdictions: ReadonlyMap<string, string | null>) {
  return [...measures].sort(compareMeasures).map((measure) => ({ measure, jurisdiction: jurisdictions.get(measure.id) ?? null }));
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
    measure: (_p, { id }, { loaders }) => loaders.measure.load(id),
    measures: async (_p, { filter, first, after }, { reader }) => {
      const limit = pageSize(first, 50);
      const skip = skipAfter(after);
      const text = filter?.text ? searchText(filter.text, 'filter.text') : null;
      return measures.findMeasures(
        reader,
        {
          years: nonEmpty(filter?.years),
          themes: nonEmpty(filter?.themes),
          departments: nonEmpty(filter?.departments),
          documents: nonEmpty(filter?.documents),
          text,
        },
        skip,
        limit,
      );
    },
    departments: (_p, { kind }, { reader }) => departments.listDepartments(reader, kind),
    department: (_p, { name }, { reader }) => departments.findDepartment(reader, searchText(name, 'name', 200)),
    themes: (_p, _a, { reader }) => themes.listThemes(reader),
    theme: (_p, { name }, { reader }) => themes.findTheme(reader, searchText(name, 'name', 200)),
    themeMatrix: (_p, _a, { reader }) => themes.themeMatrix(reader),
    initiatives: (_p, _a, { reader }) => initiatives.listInitiatives(reader),
    initiative: (_p, { name }, { reader }) => initiatives.findInitiative(reader, searchText(name, 'name', 200)),
    search: (_p, { text, types, first }, { reader }) =>
      search.search(reader, searchText(text, 'text'), nonEmpty(types), pageSize(first, 20)),
    neighborhood: (_p, { id, depth, limit, types }, { reader }, info) =>
      graph.neighborhood(reader, {
        id,
        depth: bounded(depth, 1, 1, graph.MAX_DEPTH, 'depth'),
        limit: bounded(limit, 100, 1, graph.MAX_NODES, 'limit'),
        types: nonEmpty(types),
        withProperties: selects(info, ['nodes', 'properties']),
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
  },

  VersionGroup: {
    focus: async (g, _a, { loaders }) => {
      const m = await loaders.measure.load(g.focusId);
      if (!m) throw new Error(`version group of a missing measure ${g.focusId}`);
      return m;
    },
    versions: async (g, _a, { loaders }) => versionsOf(await present(loaders.measure.loadMany(g.versionIds)), g.jurisdictions),
    related: async (g, _a, { loaders }) => versionsOf(await present(loaders.measure.loadMany(g.relatedIds)), g.jurisdictions),
    links: (g) => g.links,
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
    evolvesFrom: (m, _a, { loaders }) => loaders.evolvesFrom.load(m.id),
    evolvesInto: (m, _a, { loaders }) => loaders.evolvesInto.load(m.id),
    lineage: async (m, _a, { loaders }) =>
      (await loaders.lineage.load(m.id)) ?? { focusId: m.id, measures: [m], links: [], truncated: false },
  },

  LineageLink: {
    themes: (l, _a, { loaders }) => present(loaders.theme.loadMany(l.sharedThemes)),
    initiatives: (l, _a, { loaders }) => present(loaders.initiative.loadMany(l.sharedInitiatives)),
  },

  LineageEdge: {
    themes: (l, _a, { loaders }) => present(loaders.theme.loadMany(l.sharedThemes)),
    initiatives: (l, _a, { loaders }) => present(loaders.initiative.loadMany(l.sharedInitiatives)),
  },

  Lineage: {
    focus: (l) => l.measures.find((m) => m.id === l.focusId) ?? l.measures[0]!,
  },

  Department: {
    predecessors: (d, _a, { loaders }) => loaders.predecessors.load(d.id),
    successors: (d, _a, { loaders }) => loaders.successors.load(d.id),
    current: (d, _a, { loaders }) => loaders.current.load(d.id),
    responsibilities: (d, { fromYear, toYear, includePredecessors, role }, { loaders }) =>
      loaders
        .departmentResponsibilities({
          fromYear: fromYear ?? null,
          toYear: toYear ?? null,
          includePredecessors: includePredecessors ?? true,
          role: role ?? null,
        })
        .load(d.id),
    partners: (d, { first, includePredecessors }, { loaders }) =>
      loaders.partners({ first: pageSize(first, 10), includePredecessors: includePredecessors ?? true }).load(d.id),
  },

  DepartmentResponsibility: {
    year: (r) => r.measure.year,
  },

  Theme: {
    timeline: (t, _a, { loaders }) => loaders.timeline.load(t.id),
  },

  ThemeYear: {
    measureCount: (y) => y.measureIds.length,
    measures: (y, _a, { loaders }) => present(loaders.measure.loadMany(y.measureIds)),
    documents: (y, _a, { loaders }) => present(loaders.document.loadMany(y.documentIds)),
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
  },
};

