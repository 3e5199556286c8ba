// URL builders shared by every feature: features never import each other, but they link to
// each other's views, so the addresses live here, in one place.
const enc = encodeURIComponent;

export const routes = {
  explorer: (params?: { focus?: string; q?: string }) => {
    const search = new URLSearchParams();
    if (params?.q) search.set('q', params.q);
    if (params?.focus) search.set('focus', params.focus);
    const qs = search.toString();
    return qs ? `/explore?${qs}` : '/explore';
  },
  measure: (id: string) => `/explore?focus=${enc(id)}&node=${enc(id)}`,
  lineage: (measureId: string) => `/lineage/${enc(measureId)}`,
  /** The version group as a printable document; `related` adds the related measures. */
  lineagePrint: (measureId: string, related = false) => `/lineage/${enc(measureId)}/print${related ? '?related=1' : ''}`,
  /** Side-by-side comparison; without `b` the page asks which measure to compare with. */
  compare: (a: string, b?: string) => `/compare?a=${enc(a)}${b ? `&b=${enc(b)}` : ''}`,
  themes: () => '/themes',
  theme: (name: string) => `/themes/${enc(name)}`,
  departments: () => '/departments',
  department: (name: string) => `/departments/${enc(name)}`,
  documents: () => '/documents',
  document: (id: string, measureId?: string) => `/documents/${enc(id)}${measureId ? `#${enc(measureId)}` : ''}`,
};
