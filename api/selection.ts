// Look-ahead into a request's selection, through fragments: lets a resolver fetch in one statement
// what its children will ask for (only the fields they select) instead of one query per level.
import {
  Kind,
  getArgumentValues,
  getNamedType,
  isObjectType,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

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

/**
 * The arguments (defaults applied, variables substituted) of the child field `name` of the current
 * field, one entry per alias; [] when it is not selected.
 */
export function childArguments(info: GraphQLResolveInfo, name: string): Record<string, unknown>[] {
  const parent = getNamedType(info.returnType);
  if (!isObjectType(parent)) return [];
  const def = parent.getFields()[name];
  if (!def) return [];
  return fieldNodesAt(info, [name]).map((node) => getArgumentValues(def, node, info.variableValues));
}
