// Whether a request selects a nested field, through fragments too: lets a resolver skip fetching
// data nobody asked for (e.g. every node's properties on a canvas that shows labels only).
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

function selectsIn(set: SelectionSetNode | undefined, path: readonly string[], info: GraphQLResolveInfo): boolean {
  if (!set) return false;
  const [head, ...rest] = path;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== head) continue;
      if (rest.length === 0 || selectsIn(selection.selectionSet, rest, info)) return true;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (selectsIn(selection.selectionSet, path, info)) return true;
    } else {
      const fragment = info.fragments[selection.name.value];
      if (fragment && selectsIn(fragment.selectionSet, path, info)) return true;
    }
  }
  return false;
}

/** True when the current field's selection reaches `path`, e.g. ['nodes', 'properties']. */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return info.fieldNodes.some((node: FieldNode) => selectsIn(node.selectionSet, path, info));
}
