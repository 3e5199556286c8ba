// Responsible departments in the order the document lists them: the first named is usually the
// lead (牵头), and the source order is what a reader checks against the text.
export interface RoleLike {
  role: string;
  asWritten?: string | null;
  department: { id: string; name: string };
}

export function inSourceOrder<T extends RoleLike>(list: readonly T[], responsibleText: string | null | undefined): T[] {
  const text = (responsibleText ?? '').replace(/\s+/g, '');
  const at = (r: T) => {
    for (const name of [r.asWritten, r.department.name]) {
      const i = name ? text.indexOf(name.replace(/\s+/g, '')) : -1;
      if (i >= 0) return i;
    }
    return Number.MAX_SAFE_INTEGER;
  };
  return list.map((r, i) => ({ r, i, at: at(r) })).sort((a, b) => a.at - b.at || a.i - b.i).map((x) => x.r);
}
