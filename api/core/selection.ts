import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * Look-ahead into the operation: the field nodes selected under `path` (field names, not aliases;
 * `*` for any field) from the field being resolved, through inline fragments and fragment spreads. Directives
 * (@include/@skip) and type conditions are not evaluated, so this may report a field the response
 * will not contain — callers use it only to fetch ahead of time, never to decide what to return.
 */
export function selectedFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: readonly string[]): FieldNode[] {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) nodes = childFields(info, nodes, name);
  return [...nodes];
}

function childFields(info: Pick<GraphQLResolveInfo, 'fragments'>, parents: readonly FieldNode[], name: string): FieldNode[] {
  const found: FieldNode[] = [];
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): void => {
    if (!set) return;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (name === '*' || s.name.value === name) found.push(s);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        visit(s.selectionSet);
      } else if (!seen.has(s.name.value)) {
        seen.add(s.name.value); // validation forbids fragment cycles; this also stops a repeated spread
        visit(info.fragments[s.name.value]?.selectionSet);
      }
    }
  };
  for (const parent of parents) visit(parent.selectionSet);
  return found;
}
