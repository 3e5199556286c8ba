// Per-request DataLoaders over the batched read functions of db/read: however many items a
// response holds, each kind of field costs one Cypher query per level of the response.
import DataLoader from 'dataloader';
import type { Reader } from '../db/read/reader.js';
import * as documents from '../db/read/documents.js';
import * as measures from '../db/read/measures.js';
import * as departments from '../db/read/departments.js';
import * as themes from '../db/read/themes.js';
import * as initiatives from '../db/read/initiatives.js';
import * as implementation from '../db/read/implementation.js';

type Batch<T> = (reader: Reader, ids: readonly string[]) => Promise<Map<string, T>>;

function loader<T>(reader: Reader, fetch: Batch<T>, missing: T): DataLoader<string, T> {
  return new DataLoader<string, T>(async (ids) => {
    const found = await fetch(reader, ids);
    return ids.map((id) => found.get(id) ?? missing);
  });
}

/** One loader per distinct argument set of a field with arguments (e.g. responsibilities(fromYear)). */
function keyed<A, T>(reader: Reader, fetch: (reader: Reader, ids: readonly string[], args: A) => Promise<Map<string, T>>, missing: T) {
  // Sets (selected fields) become sorted lists, so the same selection gives the same key.
  const keyOf = (args: A) => JSON.stringify(args, (_k, v: unknown) => (v instanceof Set ? [...(v as Set<string>)].sort() : v));
  const byArgs = new Map<string, DataLoader<string, T>>();
  return (args: A): DataLoader<string, T> => {
    const key = keyOf(args);
    let l = byArgs.get(key);
    if (!l) {
      l = loader(reader, (r, ids) => fetch(r, ids, args), missing);
      byArgs.set(key, l);
    }
    return l;
  };
}

export function createLoaders(reader: Reader) {
  return {
    document: loader(reader, documents.documentsByIds, null),
    documentSourceText: loader(reader, documents.documentSourceTexts, null),
    cites: loader(reader, documents.citedDocuments, []),
    citedBy: loader(reader, documents.citingDocuments, []),
    documentRequirements: loader(reader, measures.requirementsOfDocuments, []),
    documentMeasures: keyed(reader, (r, ids, a: { skip: number; limit: number }) => measures.measuresOfDocuments(r, ids, a.skip, a.limit), null),

    measure: loader(reader, measures.measuresByIds, null),
    responsibilities: loader(reader, measures.responsibilitiesOfMeasures, []),
    themeTags: loader(reader, measures.themeTagsOfMeasures, []),
    initiatives: loader(reader, measures.initiativesOfMeasures, []),
    targets: loader(reader, measures.targetsOfMeasures, []),
    implements: loader(reader, measures.requirementsOfMeasures, []),
    implementers: loader(reader, measures.implementersOfRequirements, []),
    implementsClauses: loader(reader, implementation.implementedClausesOf, []),
    clauseImplementers: loader(reader, implementation.implementersOfClauses, []),
    quotedClause: loader(reader, implementation.quotedClausesOf, []),
    evolvesFrom: loader(reader, measures.evolvesFromOf, []),
    evolvesInto: loader(reader, measures.evolvesIntoOf, []),
    lineage: keyed(
      reader,
      (r, ids, a: { fields: measures.LineageFields; linkFields: measures.LineageLinkFields }) => measures.lineageOf(r, ids, a.fields, a.linkFields),
      null,
    ),

    department: loader(reader, departments.departmentsByIds, null),
    predecessors: loader(reader, departments.predecessorsOf, []),
    successors: loader(reader, departments.successorsOf, []),
    current: loader(reader, departments.currentDepartments, []),
    departmentResponsibilities: keyed(reader, departments.responsibilitiesOf, []),
    partners: keyed(reader, departments.partnersOf, []),

    theme: loader(reader, themes.themesByIds, null),
    timeline: keyed(reader, themes.themeTimelines, []),
    themeYearDepartments: loader(reader, themes.themeYearDepartments, []),

    initiative: loader(reader, initiatives.initiativesByIds, null),
    initiativeMeasures: loader(reader, initiatives.measuresOfInitiatives, []),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
