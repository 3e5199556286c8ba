// The request budget. Before anything runs, a query's cost is estimated with list multiplication
// (a list field costs its expected size times what is selected under it; a page-size argument
// passed as a variable counts as its maximum, since validation cannot see variable values).
// While it runs, every resolved field is counted and the bytes of what it returns are added up,
// so a query that the estimate underrated (a department with thousands of responsibilities, one
// document's text under twenty aliases) still stops at a fixed size with a clear error code.
import {
  GraphQLError,
  Kind,
  defaultFieldResolver,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
  type ASTVisitor,
} from 'graphql';

// Types are inspected by shape, not with graphql's instanceof predicates: the schema may come
// from another copy of graphql (Apollo's CommonJS build beside our ESM import), which those
// predicates refuse.
type Wrapped = { ofType?: unknown };
type WithFields = { name: string; getFields(): Record<string, GraphQLField<unknown, unknown>> };

function namedType(type: GraphQLOutputType): GraphQLNamedType {
  let t: unknown = type;
  while ((t as Wrapped).ofType) t = (t as Wrapped).ofType;
  return t as GraphQLNamedType;
}

function hasFields(type: { name: string } | null | undefined): type is WithFields {
  return typeof (type as { getFields?: unknown } | null)?.getFields === 'function';
}

function isComposite(type: unknown): boolean {
  return hasFields(type as { name: string } | null) || typeof (type as { getTypes?: unknown } | null)?.getTypes === 'function';
}

export const BUDGET = {
  /** Estimated cost of one operation (fields × expected list sizes). */
  maxCost: 50_000,
  /** Fields resolved for one request. */
  maxFields: 100_000,
  /** Bytes of values (UTF-8) returned by the resolvers of one request. */
  maxBytes: 16 * 1024 * 1024,
  /** Items in one filter list (`MeasureFilter.themes`, `years`, …). */
  maxFilterItems: 50,
};

/**
 * Page-size arguments: without a literal value (a variable), a list counts as the maximum the
 * API accepts for it. `first` and `limit` size the list they page; the page of a connection is
 * its `nodes` and `edges`.
 */
const PAGE_ARGUMENTS: Record<string, number> = { first: 200, limit: 1000 };

/**
 * Expected sizes of list fields that have no page argument: what a large corpus gives (tens of
 * thousands of measures), rounded up. An unlisted list field counts as DEFAULT_LIST_SIZE.
 */
const LIST_SIZES: Record<string, number> = {
  'Query.documents': 200,
  'Query.departments': 300,
  'Query.themes': 50,
  'Query.initiatives': 200,
  'Theme.timeline': 15,
  'ThemeYear.measures': 50,
  'ThemeYear.documents': 10,
  'ThemeYear.departments': 30,
  'ThemeMatrix.cells': 750,
  'ThemeMatrix.themes': 50,
  'Department.responsibilities': 200,
  'Initiative.measures': 20,
  'Document.requirements': 30,
  'Lineage.measures': 15,
  'Lineage.links': 15,
  'Requirement.implementedBy': 10,
  'Measure.responsibilities': 4,
  'Measure.themes': 4,
};
const DEFAULT_LIST_SIZE = 5;

/** Fields whose values are large by nature: the whole text of a document. */
const FIELD_WEIGHTS: Record<string, number> = { 'Document.sourceText': 5_000 };

function isList(type: GraphQLOutputType): boolean {
  return String(type).replace(/!$/, '').startsWith('[');
}

function literalInt(value: ValueNode | undefined): number | null {
  return value && value.kind === Kind.INT ? Number(value.value) : null;
}

/**
 * The estimated cost of each operation in a document; Infinity once it passes `cap` (the walk
 * stops there, so a hostile query costs little to reject).
 */
export function estimateCost(ctx: Pick<ValidationContext, 'getSchema' | 'getDocument'>, cap = BUDGET.maxCost): Map<string, number> {
  const schema = ctx.getSchema();
  const document = ctx.getDocument();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const memo = new Map<string, number>();

  const walk = (set: SelectionSetNode | undefined, parent: { name: string }, page: number, stack: string[]): number => {
    if (!set) return 0;
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        // Introspection is bounded by the schema's size, not by the data.
        if (name.startsWith('__')) continue;
        const def = hasFields(parent) ? parent.getFields()[name] : undefined;
        if (!def) continue;
        const key = `${parent.name}.${name}`;
        let childPage = page;
        let size = 1;
        const pageArg = def.args.find((a) => a.name in PAGE_ARGUMENTS);
        if (pageArg) {
          const given = sel.arguments?.find((a) => a.name.value === pageArg.name);
          const max = PAGE_ARGUMENTS[pageArg.name]!;
          const literal = given ? literalInt(given.value) : typeof pageArg.defaultValue === 'number' ? pageArg.defaultValue : null;
          // A literal `first` above the maximum counts as written (refused here, as the README
          // states); an out-of-range `limit` is left to the resolver's BAD_USER_INPUT.
          // Omitted with no default, a list that pages optionally (ThemeYear.measures) returns its
          // whole list: it counts as that list's expected size; a variable counts as its maximum.
          const omitted = given ? max : (LIST_SIZES[key] ?? max);
          const n = Math.max(pageArg.name === 'first' ? (literal ?? omitted) : Math.min(literal ?? omitted, max), 1);
          if (isList(def.type)) size = n;
          else childPage = n;
        } else if (isList(def.type)) {
          size = (name === 'nodes' || name === 'edges') && page > 0 ? page : (LIST_SIZES[key] ?? DEFAULT_LIST_SIZE);
        }
        const named = namedType(def.type);
        const below = isComposite(named) ? walk(sel.selectionSet, named, pageArg && !isList(def.type) ? childPage : 0, stack) : 0;
        total += size * ((FIELD_WEIGHTS[key] ?? 1) + below);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        total += walk(sel.selectionSet, on && isComposite(on) ? on : parent, page, stack);
      } else {
        const name = sel.name.value;
        const fragment = fragments.get(name);
        // A cycle is reported by graphql's own NoFragmentCycles rule; here it only must not loop.
        if (!fragment || stack.includes(name)) continue;
        const memoKey = `${name}|${page}`;
        let cost = memo.get(memoKey);
        if (cost === undefined) {
          const on = schema.getType(fragment.typeCondition.name.value);
          cost = walk(fragment.selectionSet, on && isComposite(on) ? on : parent, page, [...stack, name]);
          memo.set(memoKey, cost);
        }
        total += cost;
      }
      if (total > cap) return Infinity;
    }
    return total;
  };

  const costs = new Map<string, number>();
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = def.operation === 'query' ? schema.getQueryType() : def.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    costs.set(def.name?.value ?? '', root ? walk(def.selectionSet, root, 0, []) : 0);
  }
  return costs;
}

/** A validation rule refusing an operation whose estimated cost is above `maxCost`. */
export function costLimitRule(maxCost = BUDGET.maxCost) {
  return (ctx: ValidationContext): ASTVisitor => ({
    Document: {
      leave() {
        for (const [name, cost] of estimateCost(ctx, maxCost)) {
          if (cost <= maxCost) continue;
          ctx.reportError(
            new GraphQLError(
              `Query cost limit of ${maxCost} exceeded${name ? ` by ${name}` : ''}: the query is too expensive (each list field counts its expected size times the fields under it; a page size passed as a variable counts as its maximum). Ask for fewer nested lists or smaller pages.`,
              { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'COST_LIMIT', maxCost } },
            ),
          );
        }
      },
    },
  });
}

/** The size of a resolved value in the response, roughly: strings by their UTF-8 bytes. */
function bytesOf(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8') + 2;
  if (Array.isArray(value)) return 2 + value.length;
  if (value === null || value === undefined) return 4;
  if (typeof value === 'object') return 2;
  return 8;
}

export class ResponseBudget {
  fields = 0;
  bytes = 0;
  exceeded: 'fields' | 'bytes' | null = null;

  constructor(readonly limits: { maxFields: number; maxBytes: number } = BUDGET) {}

  enter(): void {
    if (this.exceeded) throw this.error();
    if (++this.fields > this.limits.maxFields) {
      this.exceeded = 'fields';
      throw this.error();
    }
  }

  account<T>(value: T): T {
    this.bytes += bytesOf(value);
    if (this.bytes > this.limits.maxBytes) {
      this.exceeded = 'bytes';
      throw this.error();
    }
    return value;
  }

  error(): GraphQLError {
    const what =
      this.exceeded === 'fields'
        ? `it resolves more than ${this.limits.maxFields} fields`
        : `its response is larger than ${Math.round(this.limits.maxBytes / 1024 / 1024)} MB`;
    return new GraphQLError(`The request was stopped: ${what}. Ask for fewer items per page, fewer nested lists or fewer aliases of large fields.`, {
      extensions: { code: 'RESPONSE_TOO_LARGE', maxFields: this.limits.maxFields, maxBytes: this.limits.maxBytes },
    });
  }
}

type AnyResolver = GraphQLFieldResolver<unknown, { budget?: ResponseBudget }, Record<string, unknown>>;

function isThenable(x: unknown): x is PromiseLike<unknown> {
  return typeof (x as { then?: unknown } | null)?.then === 'function';
}

/** A resolver that spends the request's budget before it runs and on what it returns. */
export function budgeted(resolve: AnyResolver = defaultFieldResolver as AnyResolver): AnyResolver {
  return (source, args, context, info) => {
    const budget = context?.budget;
    if (!budget) return resolve(source, args, context, info);
    budget.enter();
    const result = resolve(source, args, context, info);
    return isThenable(result) ? Promise.resolve(result).then((v) => budget.account(v)) : budget.account(result);
  };
}

/** The resolver map with every field resolver budgeted; scalars and other entries unchanged. */
export function budgetedResolvers<R extends object>(resolvers: R): R {
  const out: Record<string, unknown> = {};
  for (const [typeName, fields] of Object.entries(resolvers)) {
    if (typeof fields !== 'object' || fields === null || fields.constructor !== Object) {
      out[typeName] = fields;
      continue;
    }
    out[typeName] = Object.fromEntries(
      Object.entries(fields as Record<string, unknown>).map(([name, r]) => [name, typeof r === 'function' ? budgeted(r as AnyResolver) : r]),
    );
  }
  return out as R;
}

/** A filter list from a request: at most `max` items, or BAD_USER_INPUT naming the argument. */
export function boundedList<T>(value: readonly T[] | null | undefined, argument: string, max = BUDGET.maxFilterItems): T[] | null {
  if (!value || value.length === 0) return null;
  if (value.length > max) {
    throw new GraphQLError(`\`${argument}\` has ${value.length} items; at most ${max} are accepted. Split the request.`, {
      extensions: { code: 'BAD_USER_INPUT', argument, max },
    });
  }
  return [...value];
}
