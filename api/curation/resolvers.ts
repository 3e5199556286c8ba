// The write side of the API: removal and curations (token checked first), and the job queries.
import { GraphQLError } from 'graphql';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers.js';
import { addCuration, CurationError, listCurations, undoCuration, type CurationPayload } from '../../db/curation.js';
import { removeSourceDocument } from '../../db/remove.js';
import { relinkStored } from '../import/relink.js';
import { requireWrite } from '../auth.js';
import type { ApiContext, WriteContext } from '../context.js';
import { bounded } from '../errors.js';

function writer(ctx: ApiContext): WriteContext {
  if (!ctx.write) throw new GraphQLError('Writes are disabled on this server (it was started without a write token).', { extensions: { code: 'FORBIDDEN' } });
  requireWrite(ctx.write);
  return ctx.write;
}

async function curate(ctx: ApiContext, payload: CurationPayload, note: string | null | undefined) {
  const w = writer(ctx);
  if (note && note.length > 2000) throw new GraphQLError(`the note is too long (${note.length} characters, at most 2000)`, { extensions: { code: 'BAD_USER_INPUT' } });
  try {
    return await addCuration(w.driver, { payload, note, author: w.actor }, w.database);
  } catch (error) {
    if (error instanceof CurationError) throw new GraphQLError(error.message, { extensions: { code: error.code } });
    throw error;
  }
}

export const curationQueries: Pick<QueryResolvers, 'job' | 'jobs' | 'curations'> = {
  job: (_p, { id }, { jobs }) => jobs?.get(id) ?? null,
  jobs: (_p, { first }, { jobs }) => jobs?.list(bounded(first, 20, 1, 100, 'first')) ?? [],
  curations: (_p, { includeUndone }, { reader }) => listCurations(reader, includeUndone ?? false),
};

export const mutations: MutationResolvers = {
  removeDocument: async (_p, { id }, ctx) => {
    const w = writer(ctx);
    const r = await removeSourceDocument(w.driver, id, w.database);
    if (r.removed) await relinkStored(w.driver, w.database);
    return { id, removed: r.removed, title: r.title, nodes: r.nodes };
  },
  rejectLink: (_p, { later, earlier, note }, ctx) => curate(ctx, { kind: 'link.reject', later, earlier }, note),
  confirmLink: (_p, { later, earlier, note }, ctx) => curate(ctx, { kind: 'link.confirm', later, earlier }, note),
  addLink: (_p, { later, earlier, note }, ctx) => curate(ctx, { kind: 'link.add', later, earlier }, note),
  setMeasureParties: (_p, { measureId, parties, note }, ctx) =>
    curate(ctx, { kind: 'measure.parties', measureId, parties: parties.map((p) => ({ departmentId: p.departmentId, role: p.role as 'lead' })) }, note),
  mergeDepartments: (_p, { from, into, note }, ctx) => curate(ctx, { kind: 'department.merge', from, into }, note),
  confirmDepartment: (_p, { id, note }, ctx) => curate(ctx, { kind: 'department.confirm', departmentId: id }, note),
  setDocumentYear: (_p, { documentId, year, note }, ctx) => curate(ctx, { kind: 'document.year', documentId, year }, note),
  setDocumentJurisdiction: (_p, { documentId, jurisdiction, level, note }, ctx) =>
    curate(ctx, { kind: 'document.jurisdiction', documentId, jurisdiction: jurisdiction.trim(), level: level ?? null }, note),
  undoCuration: async (_p, { id }, ctx) => {
    const w = writer(ctx);
    try {
      return await undoCuration(w.driver, id, w.actor, w.database);
    } catch (error) {
      if (error instanceof CurationError) throw new GraphQLError(error.message, { extensions: { code: error.code } });
      throw error;
    }
  },
};
