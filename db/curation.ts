// Curations: a person's corrections of the graph, stored as their own nodes
// (:Curation {id, kind, target, payload, note, author, createdAt, undone…}) and materialised into
// the graph by `applyCurations`, which the writer runs after every ingest: a re-ingest rebuilds
// the raw graph, then the corrections are laid over it again. Each application records what it
// replaced (`before`), so an undo puts the graph back as the ingest left it.
import { randomUUID } from 'node:crypto';
import neo4j, { isInt, type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Reader } from './read/reader.js';

export const CURATION_KINDS = [
  'link.reject', // a system-found EVOLVES_FROM link is wrong
  'link.confirm', // a system-found link is right
  'link.add', // a link the system missed
  'measure.parties', // the responsible departments and roles of a measure
  'department.merge', // two department nodes are one institution
  'department.confirm', // an inferred department exists as named
  'document.year', // confirm or correct a document's year
  'document.jurisdiction', // confirm or correct a document's jurisdiction (and level)
] as const;
export type CurationKind = (typeof CURATION_KINDS)[number];

export interface Party {
  departmentId: string;
  role: 'lead' | 'joint' | 'support';
}

export type CurationPayload =
  | { kind: 'link.reject' | 'link.confirm' | 'link.add'; later: string; earlier: string }
  | { kind: 'measure.parties'; measureId: string; parties: Party[] }
  | { kind: 'department.merge'; from: string; into: string }
  | { kind: 'department.confirm'; departmentId: string }
  | { kind: 'document.year'; documentId: string; year: number }
  | { kind: 'document.jurisdiction'; documentId: string; jurisdiction: string; level: string | null };

export interface CurationRecord {
  id: string;
  kind: CurationKind;
  /** The node or link it is about, e.g. a measure id or `later→earlier`. */
  target: string;
  payload: CurationPayload;
  note: string | null;
  author: string;
  createdAt: string;
  undone: boolean;
  undoneAt: string | null;
  undoneBy: string | null;
  /** Whether the graph holds what it corrects (false while its document is not ingested). */
  applied: boolean;
  /** What the last application replaced (for undo), as JSON. */
  before: unknown;
}

export class CurationError extends Error {
  constructor(
    message: string,
    readonly code = 'BAD_USER_INPUT',
  ) {
    super(message);
  }
}

export function targetOf(p: CurationPayload): string {
  switch (p.kind) {
    case 'link.reject':
    case 'link.confirm':
    case 'link.add':
      return `${p.later}→${p.earlier}`;
    case 'measure.parties':
      return p.measureId;
    case 'department.merge':
      return `${p.from}→${p.into}`;
    case 'department.confirm':
      return p.departmentId;
    case 'document.year':
    case 'document.jurisdiction':
      return p.documentId;
  }
}

type Before = Record<string, unknown> | null;

/** JSON for `before`, keeping Neo4j integers integers (a JS number would come back as a float). */
function encodeBefore(before: Before): string {
  return JSON.stringify(before, (_k, v: unknown) => (isInt(v) ? { $int: v.toString() } : v));
}

function decodeBefore(text: string): Before {
  return JSON.parse(text, (_k, v: unknown) => (v && typeof v === 'object' && '$int' in v ? neo4j.int((v as { $int: string }).$int) : v)) as Before;
}

const num = (v: unknown): number | null => (isInt(v) ? v.toNumber() : typeof v === 'number' ? v : null);

/**
 * Lays one curation over the graph. Returns what it replaced, or undefined when the graph does
 * not hold its target (then nothing changed). Idempotent: applying twice changes nothing more.
 */
async function applyOne(tx: ManagedTransaction, c: { id: string; payload: CurationPayload; note: string | null; author: string }): Promise<Before | undefined> {
  const p = c.payload;
  const note = c.note ?? '';
  switch (p.kind) {
    case 'link.reject':
    case 'link.confirm': {
      const r = await tx.run(
        `MATCH (:Measure {id: $later})-[r:EVOLVES_FROM]->(:Measure {id: $earlier})
         WITH r, {curation: r.curation, curationId: r.curationId, curationNote: r.curationNote} AS before
         SET r.curation = $state, r.curationId = $id, r.curationNote = $note
         RETURN before`,
        { later: p.later, earlier: p.earlier, state: p.kind === 'link.reject' ? 'rejected' : 'confirmed', id: c.id, note },
      );
      return settled(r.records[0]?.get('before') as Before | undefined, c.id);
    }
    case 'link.add': {
      const r = await tx.run(
        `MATCH (a:Measure {id: $later}), (b:Measure {id: $earlier})
         OPTIONAL MATCH (a)-[old:EVOLVES_FROM]->(b)
         WITH a, b, CASE WHEN old IS NULL THEN {existed: false}
                         ELSE {existed: true, curation: old.curation, curationId: old.curationId, curationNote: old.curationNote} END AS before
         MERGE (a)-[r:EVOLVES_FROM]->(b)
           ON CREATE SET r.score = 1.0, r.method = 'curated', r.evidence = [$note], r.sharedThemes = [], r.sharedInitiatives = [], r.curation = 'added'
         SET r.curationId = $id, r.curationNote = $note,
             r.curation = CASE WHEN r.method = 'curated' THEN 'added' ELSE 'confirmed' END
         RETURN before`,
        { later: p.later, earlier: p.earlier, id: c.id, note },
      );
      return settled(r.records[0]?.get('before') as Before | undefined, c.id);
    }
    case 'measure.parties': {
      const exists = await tx.run(
        `MATCH (m:Measure {id: $m})
         RETURN [(m)-[r:ASSIGNED_TO]->(p:Department) | {departmentId: p.id, props: properties(r), curationId: r.curationId}] AS before,
                [id IN $ids WHERE NOT EXISTS { MATCH (:Department {id: id}) }] AS missing`,
        { m: p.measureId, ids: p.parties.map((x) => x.departmentId) },
      );
      const row = exists.records[0];
      if (!row || (row.get('missing') as string[]).length > 0) return undefined;
      const before = row.get('before') as { curationId: string | null }[];
      if (before.length > 0 && before.every((b) => b.curationId === c.id)) return null;
      await tx.run(
        `MATCH (m:Measure {id: $m})
         OPTIONAL MATCH (m)-[old:ASSIGNED_TO]->(:Department)
         DELETE old
         WITH DISTINCT m
         UNWIND $parties AS party
         MATCH (d:Department {id: party.departmentId})
         CREATE (m)-[:ASSIGNED_TO {role: party.role, asWritten: d.name, curationId: $id}]->(d)`,
        { m: p.measureId, parties: p.parties, id: c.id },
      );
      return { assignments: before };
    }
    case 'department.merge': {
      const r = await tx.run(
        `MATCH (f:Department {id: $from}), (t:Department {id: $into})
         RETURN properties(f) AS node,
                [(f)-[r:SUCCEEDED_BY]->(x) | {other: x.id, out: true, props: properties(r)}] +
                [(x)-[r:SUCCEEDED_BY]->(f) | {other: x.id, out: false, props: properties(r)}] AS successions,
                t.aliases AS intoAliases`,
        { from: p.from, into: p.into },
      );
      const row = r.records[0];
      if (!row) {
        // Merged before (the node is gone) while the target stays: nothing more to do.
        const into = await tx.run(`MATCH (t:Department {id: $into}) RETURN count(t) AS n`, { into: p.into });
        return Number(into.records[0]?.get('n') ?? 0) > 0 ? null : undefined;
      }
      await tx.run(
        `MATCH (f:Department {id: $from}), (t:Department {id: $into})
         CALL (f, t) {
           MATCH (m:Measure)-[r:ASSIGNED_TO]->(f)
           MERGE (m)-[n:ASSIGNED_TO]->(t)
             ON CREATE SET n = properties(r), n.mergedFrom = f.id
           DELETE r
         }
         CALL (f, t) {
           MATCH (f)-[r:SUCCEEDED_BY]->(x) WHERE x <> t
           MERGE (t)-[n:SUCCEEDED_BY]->(x) ON CREATE SET n = properties(r), n.mergedFrom = f.id
         }
         CALL (f, t) {
           MATCH (x)-[r:SUCCEEDED_BY]->(f) WHERE x <> t
           MERGE (x)-[n:SUCCEEDED_BY]->(t) ON CREATE SET n = properties(r), n.mergedFrom = f.id
         }
         WITH f, t, [a IN coalesce(t.aliases, []) + [f.name] + coalesce(f.aliases, []) WHERE a <> t.name] AS names
         WITH f, t, reduce(acc = [], a IN names | CASE WHEN a IN acc THEN acc ELSE acc + a END) AS aliases
         SET t.aliases = aliases, t.aliasesText = reduce(s = '', a IN aliases | s + CASE WHEN s = '' THEN '' ELSE ' ' END + a)
         DETACH DELETE f`,
        { from: p.from, into: p.into, id: c.id },
      );
      return { node: row.get('node'), successions: row.get('successions'), intoAliases: row.get('intoAliases') };
    }
    case 'department.confirm': {
      const r = await tx.run(
        `MATCH (d:Department {id: $d})
         WITH d, {kind: d.kind, confirmed: d.confirmed, curationId: d.curationId} AS before
         SET d.kind = CASE WHEN d.kind IN ['inferred', 'unresolved'] THEN 'institution' ELSE d.kind END,
             d.confirmed = true, d.curationId = $id
         RETURN before`,
        { d: p.departmentId, id: c.id },
      );
      return settled(r.records[0]?.get('before') as Before | undefined, c.id);
    }
    case 'document.year': {
      const cur = await tx.run(`MATCH (d:Document {id: $d}) RETURN {year: d.year, yearSource: d.yearSource, yearReason: d.yearReason, curationId: d.yearCurationId} AS before`, { d: p.documentId });
      const before = cur.records[0]?.get('before') as Before | undefined;
      if (!before) return undefined;
      if (before.curationId === c.id) return null;
      const was = num(before.year);
      const reason = `${was === p.year ? 'confirmed' : 'set'} by ${c.author} (was ${was ?? 'unknown'}, ${String(before.yearSource ?? 'unknown')}${before.yearReason ? `: ${String(before.yearReason)}` : ''})${note ? `: ${note}` : ''}`;
      await tx.run(
        `MATCH (d:Document {id: $d})
         SET d.year = $year, d.yearSource = 'curated', d.yearReason = $reason, d.yearCurationId = $id
         WITH d OPTIONAL MATCH (d)-[:HAS_MEASURE]->(m:Measure) SET m.year = $year`,
        { d: p.documentId, year: p.year, reason, id: c.id },
      );
      return before;
    }
    case 'document.jurisdiction': {
      const r = await tx.run(
        `MATCH (d:Document {id: $d})
         WITH d, {jurisdiction: d.jurisdiction, level: d.level, curationId: d.jurisdictionCurationId} AS before
         SET d.jurisdiction = $jurisdiction, d.level = coalesce($level, d.level), d.jurisdictionSource = 'curated', d.jurisdictionCurationId = $id
         RETURN before`,
        { d: p.documentId, jurisdiction: p.jurisdiction, level: p.level, id: c.id },
      );
      return settled(r.records[0]?.get('before') as Before | undefined, c.id);
    }
  }
}

/** A `before` read after setting: null when the graph already carried this very curation. */
function settled(before: Before | undefined, id: string): Before | undefined {
  if (before === undefined) return undefined;
  return before && before.curationId === id ? null : before;
}

/** Puts back what one application replaced. */
async function revertOne(tx: ManagedTransaction, c: CurationRecord): Promise<void> {
  const p = c.payload;
  const b = (c.before ?? {}) as Record<string, unknown>;
  switch (p.kind) {
    case 'link.reject':
    case 'link.confirm':
      await tx.run(
        `MATCH (:Measure {id: $later})-[r:EVOLVES_FROM {curationId: $id}]->(:Measure {id: $earlier})
         SET r.curation = $b.curation, r.curationId = $b.curationId, r.curationNote = $b.curationNote`,
        { later: p.later, earlier: p.earlier, id: c.id, b: { curation: null, curationId: null, curationNote: null, ...b } },
      );
      return;
    case 'link.add':
      await tx.run(
        `MATCH (:Measure {id: $later})-[r:EVOLVES_FROM {curationId: $id}]->(:Measure {id: $earlier})
         WITH r, r.method = 'curated' AS added
         FOREACH (_ IN CASE WHEN added THEN [] ELSE [1] END |
           SET r.curation = $b.curation, r.curationId = $b.curationId, r.curationNote = $b.curationNote)
         FOREACH (_ IN CASE WHEN added THEN [1] ELSE [] END | DELETE r)`,
        { later: p.later, earlier: p.earlier, id: c.id, b: { curation: null, curationId: null, curationNote: null, ...b } },
      );
      return;
    case 'measure.parties':
      await tx.run(
        `MATCH (m:Measure {id: $m})
         OPTIONAL MATCH (m)-[r:ASSIGNED_TO {curationId: $id}]->(:Department)
         DELETE r
         WITH DISTINCT m
         UNWIND $assignments AS a
         MATCH (d:Department {id: a.departmentId})
         MERGE (m)-[r:ASSIGNED_TO]->(d)
         SET r = a.props`,
        { m: p.measureId, id: c.id, assignments: (b.assignments as unknown[] | undefined) ?? [] },
      );
      return;
    case 'department.merge':
      // The split: the merged node comes back, and every edge the merge moved goes back to it.
      await tx.run(
        `MATCH (t:Department {id: $into})
         MERGE (f:Department {id: $from}) SET f = $b.node
         WITH f, t
         CALL (f, t) {
           MATCH (m:Measure)-[n:ASSIGNED_TO {mergedFrom: $from}]->(t)
           MERGE (m)-[r:ASSIGNED_TO]->(f) SET r = properties(n) REMOVE r.mergedFrom
           DELETE n
         }
         CALL (f, t) {
           MATCH (t)-[n:SUCCEEDED_BY {mergedFrom: $from}]->(x)
           MERGE (f)-[r:SUCCEEDED_BY]->(x) SET r = properties(n) REMOVE r.mergedFrom
           DELETE n
         }
         CALL (f, t) {
           MATCH (x)-[n:SUCCEEDED_BY {mergedFrom: $from}]->(t)
           MERGE (x)-[r:SUCCEEDED_BY]->(f) SET r = properties(n) REMOVE r.mergedFrom
           DELETE n
         }
         CALL (f, t) {
           // A succession between the two themselves died with the merged node.
           UNWIND [s IN $b.successions WHERE s.other = $into] AS s
           FOREACH (_ IN CASE WHEN s.out THEN [1] ELSE [] END | MERGE (f)-[r:SUCCEEDED_BY]->(t) SET r = s.props)
           FOREACH (_ IN CASE WHEN s.out THEN [] ELSE [1] END | MERGE (t)-[r:SUCCEEDED_BY]->(f) SET r = s.props)
         }
         SET t.aliases = $b.intoAliases,
             t.aliasesText = CASE WHEN $b.intoAliases IS NULL THEN null ELSE reduce(s = '', a IN $b.intoAliases | s + CASE WHEN s = '' THEN '' ELSE ' ' END + a) END`,
        { from: p.from, into: p.into, b: { node: { id: p.from }, successions: [], intoAliases: null, ...b } },
      );
      return;
    case 'department.confirm':
      await tx.run(
        `MATCH (d:Department {id: $d, curationId: $id}) SET d.kind = coalesce($b.kind, d.kind), d.confirmed = $b.confirmed, d.curationId = null`,
        { d: p.departmentId, id: c.id, b: { kind: null, confirmed: null, ...b } },
      );
      return;
    case 'document.year':
      await tx.run(
        `MATCH (d:Document {id: $d, yearCurationId: $id})
         SET d.year = $b.year, d.yearSource = $b.yearSource, d.yearReason = $b.yearReason, d.yearCurationId = $b.curationId
         WITH d OPTIONAL MATCH (d)-[:HAS_MEASURE]->(m:Measure) SET m.year = $b.year`,
        { d: p.documentId, id: c.id, b: { year: null, yearSource: null, yearReason: null, curationId: null, ...b } },
      );
      return;
    case 'document.jurisdiction':
      await tx.run(
        `MATCH (d:Document {id: $d, jurisdictionCurationId: $id})
         SET d.jurisdiction = $b.jurisdiction, d.level = coalesce($b.level, d.level), d.jurisdictionSource = null, d.jurisdictionCurationId = $b.curationId`,
        { d: p.documentId, id: c.id, b: { jurisdiction: null, level: null, curationId: null, ...b } },
      );
  }
}

function toRecord(props: Record<string, unknown>): CurationRecord {
  return {
    id: props.id as string,
    kind: props.kind as CurationKind,
    target: props.target as string,
    payload: JSON.parse(props.payload as string) as CurationPayload,
    note: (props.note as string | null) ?? null,
    author: props.author as string,
    createdAt: props.createdAt as string,
    undone: props.undone === true,
    undoneAt: (props.undoneAt as string | null) ?? null,
    undoneBy: (props.undoneBy as string | null) ?? null,
    applied: props.applied === true,
    before: props.before ? decodeBefore(props.before as string) : null,
  };
}

async function active(tx: ManagedTransaction): Promise<CurationRecord[]> {
  const r = await tx.run(`MATCH (c:Curation) WHERE NOT coalesce(c.undone, false) RETURN properties(c) AS c ORDER BY c.createdAt, c.id`);
  return r.records.map((x) => toRecord(x.get('c') as Record<string, unknown>));
}

async function applyAndRecord(tx: ManagedTransaction, c: CurationRecord): Promise<boolean> {
  const before = await applyOne(tx, c);
  const applied = before !== undefined;
  await tx.run(
    `MATCH (c:Curation {id: $id}) SET c.applied = $applied, c.before = CASE WHEN $before IS NULL THEN c.before ELSE $before END`,
    { id: c.id, applied, before: before ? encodeBefore(before) : null },
  );
  return applied;
}

/**
 * Lays every active curation over the graph, oldest first (a later correction of the same thing
 * wins). The writer calls it after each ingest; it is idempotent.
 */
export async function applyCurations(driver: Driver, database?: string): Promise<{ applied: number; waiting: number }> {
  const session = driver.session({ database });
  try {
    return await session.executeWrite(async (tx) => {
      let applied = 0;
      let waiting = 0;
      for (const c of await active(tx)) {
        if (await applyAndRecord(tx, c)) applied++;
        else waiting++;
      }
      return { applied, waiting };
    });
  } finally {
    await session.close();
  }
}

const EXISTS = {
  Measure: 'MATCH (n:Measure {id: $id}) RETURN count(n) AS n',
  Department: 'MATCH (n:Department {id: $id}) RETURN count(n) AS n',
  Document: 'MATCH (n:Document {id: $id}) RETURN count(n) AS n',
} as const;

/** Checks that a new curation names things the graph holds. */
async function validate(tx: ManagedTransaction, p: CurationPayload): Promise<void> {
  const need = async (label: keyof typeof EXISTS, id: string, what: string) => {
    const r = await tx.run(EXISTS[label], { id });
    if (Number(r.records[0]?.get('n') ?? 0) === 0) throw new CurationError(`no ${what} with id ${id}: pick one from the graph`);
  };
  switch (p.kind) {
    case 'link.reject':
    case 'link.confirm': {
      const r = await tx.run(`MATCH (:Measure {id: $later})-[r:EVOLVES_FROM]->(:Measure {id: $earlier}) RETURN count(r) AS n`, p);
      if (Number(r.records[0]?.get('n')) === 0) throw new CurationError(`there is no lineage link from ${p.later} to ${p.earlier}; add one with addLink instead`);
      return;
    }
    case 'link.add':
      if (p.later === p.earlier) throw new CurationError('a measure cannot evolve from itself');
      await need('Measure', p.later, 'measure');
      await need('Measure', p.earlier, 'measure');
      return;
    case 'measure.parties':
      await need('Measure', p.measureId, 'measure');
      if (p.parties.length === 0) throw new CurationError('give at least one party; a measure with no responsible department needs no correction');
      for (const party of p.parties) {
        if (!['lead', 'joint', 'support'].includes(party.role)) throw new CurationError(`role must be lead, joint or support (got ${party.role})`);
        await need('Department', party.departmentId, 'department');
      }
      return;
    case 'department.merge':
      if (p.from === p.into) throw new CurationError('a department cannot be merged into itself');
      await need('Department', p.from, 'department');
      await need('Department', p.into, 'department');
      return;
    case 'department.confirm':
      await need('Department', p.departmentId, 'department');
      return;
    case 'document.year':
      if (!Number.isInteger(p.year) || p.year < 1949 || p.year > 2100) throw new CurationError(`year must be between 1949 and 2100 (got ${p.year})`);
      await need('Document', p.documentId, 'document');
      return;
    case 'document.jurisdiction':
      if (p.jurisdiction.trim() === '' || p.jurisdiction.length > 40) throw new CurationError('jurisdiction must be 1–40 characters, e.g. 天津市');
      if (p.level !== null && !['national', 'provincial', 'municipal', 'district'].includes(p.level)) throw new CurationError('level must be national, provincial, municipal or district');
      await need('Document', p.documentId, 'document');
  }
}

/** Stores a new curation and applies it, in one transaction. */
export async function addCuration(driver: Driver, input: { payload: CurationPayload; note?: string | null; author: string }, database?: string): Promise<CurationRecord> {
  const session = driver.session({ database });
  try {
    return await session.executeWrite(async (tx) => {
      await validate(tx, input.payload);
      const c: CurationRecord = {
        id: `cur:${randomUUID()}`,
        kind: input.payload.kind,
        target: targetOf(input.payload),
        payload: input.payload,
        note: input.note?.trim() || null,
        author: input.author,
        createdAt: new Date().toISOString(),
        undone: false,
        undoneAt: null,
        undoneBy: null,
        applied: false,
        before: null,
      };
      await tx.run(
        `CREATE (c:Curation {id: $id, kind: $kind, target: $target, payload: $payload, note: $note, author: $author, createdAt: $createdAt, undone: false})`,
        { ...c, payload: JSON.stringify(c.payload) },
      );
      c.applied = await applyAndRecord(tx, c);
      const stored = await tx.run(`MATCH (c:Curation {id: $id}) RETURN properties(c) AS c`, { id: c.id });
      return toRecord(stored.records[0]!.get('c') as Record<string, unknown>);
    });
  } finally {
    await session.close();
  }
}

/** Undoes a curation: the graph gets back what it replaced, then the other active ones are re-laid. */
export async function undoCuration(driver: Driver, id: string, author: string, database?: string): Promise<CurationRecord> {
  const session = driver.session({ database });
  try {
    return await session.executeWrite(async (tx) => {
      const found = await tx.run(`MATCH (c:Curation {id: $id}) RETURN properties(c) AS c`, { id });
      const row = found.records[0];
      if (!row) throw new CurationError(`no curation with id ${id}`, 'NOT_FOUND');
      const c = toRecord(row.get('c') as Record<string, unknown>);
      if (c.undone) throw new CurationError(`curation ${id} was already undone (${c.undoneAt} by ${c.undoneBy})`);
      if (c.applied) await revertOne(tx, c);
      await tx.run(`MATCH (c:Curation {id: $id}) SET c.undone = true, c.undoneAt = $at, c.undoneBy = $author, c.applied = false`, { id, at: new Date().toISOString(), author });
      for (const other of await active(tx)) await applyAndRecord(tx, other);
      const stored = await tx.run(`MATCH (c:Curation {id: $id}) RETURN properties(c) AS c`, { id });
      return toRecord(stored.records[0]!.get('c') as Record<string, unknown>);
    });
  } finally {
    await session.close();
  }
}

export async function listCurations(reader: Reader, includeUndone: boolean): Promise<CurationRecord[]> {
  const rows = await reader.rows(
    `MATCH (c:Curation) WHERE $all OR NOT coalesce(c.undone, false) RETURN properties(c) AS c ORDER BY c.createdAt DESC, c.id`,
    { all: includeUndone },
  );
  return rows.map((x) => toRecord(x.c as Record<string, unknown>));
}
