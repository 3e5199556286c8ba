// Look-ahead into a request's selection, through fragments: lets a resolver fetch in one statement
// what its children will ask for (only the fields they select) instead of one query per level.
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode, type ValueNode } from 'graphql';

function childFields(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, out: FieldNode[] = []): FieldNode[] {
  if (!set) return out;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) childFields(selection.selectionSet, info, out);
    else {
      const fragment = info.fragments[selection.name.value];
      if (fragment) childFields(fragment.selectionSet, info, out);
    }
  }
  return out;
}

/** The field nodes the request selects at `path` below the current field (every alias of it). */
export function fieldNodesAt(info: GraphQLResolveInfo, path: readonly string[]): FieldNode[] {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) nodes = nodes.flatMap((n) => childFields(n.selectionSet, info).filter((c) => c.name.value === name));
  return [...nodes];
}

/** True when the current field's selection reaches `path`, e.g. ['nodes', 'properties']. */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return fieldNodesAt(info, path).length > 0;
}

/** The names of the fields selected under `path` (all aliases merged), e.g. a list's item fields. */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  return new Set(fieldNodesAt(info, path).flatMap((n) => childFields(n.selectionSet, info).map((c) => c.name.value)));
}

// No graphql-js type predicates below (isObjectType, getArgumentValues…): a test runner may load
// a second copy of graphql, and its instanceof checks then throw on the schema's types.
function plainValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value] ?? null;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.STRING:
    case Kind.BOOLEAN:
    case Kind.ENUM:
      return node.value;
    case Kind.LIST:
      return node.values.map((v) => plainValue(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, plainValue(f.value, variables)]));
    default:
      return null;
  }
}

interface FieldDef {
  args: readonly { name: string; defaultValue?: unknown }[];
}

/**
 * The arguments (defaults applied, variables substituted) of the child field `name` of the current
 * field, one entry per alias; [] when it is not selected. Validation has already checked them.
 */
export function childArguments(info: GraphQLResolveInfo, name: string): Record<string, unknown>[] {
  let parent: unknown = info.returnType;
  while (parent && typeof parent === 'object' && 'ofType' in parent) parent = (parent as { ofType: unknown }).ofType;
  const fields = (parent as { getFields?: () => Record<string, FieldDef> }).getFields?.();
  const def = fields?.[name];
  if (!def) return [];
  const variables = (info.variableValues ?? {}) as Record<string, unknown>;
  return fieldNodesAt(info, [name]).map((node) => {
    const args: Record<string, unknown> = {};
    for (const a of def.args) if (a.defaultValue !== undefined) args[a.name] = a.defaultValue;
    for (const a of node.arguments ?? []) {
      const v = plainValue(a.value, variables);
      // An omitted variable leaves the argument's default.
      if (!(a.value.kind === Kind.VARIABLE && !(a.value.name.value in variables))) args[a.name.value] = v;
    }
    return args;
  });
}
