// Which addresses of the UI exist, so the server answers an unknown page or id with a real
// HTTP 404 (the single-page app still renders its "not found" view with suggestions).
import type { Reader } from '../db/read/reader.js';
import { measuresByIds } from '../db/read/measures.js';
import { documentsByIds } from '../db/read/documents.js';
import { findDepartment } from '../db/read/departments.js';
import { findTheme } from '../db/read/themes.js';

const STATIC = new Set(['/', '/explore', '/themes', '/departments', '/documents', '/compare', '/import', '/curation']);

/** What a client-side route names: a static view, or a view of one node (and its kind). */
export function classifyRoute(pathname: string): { kind: 'static' } | { kind: 'measure' | 'document' | 'department' | 'theme'; key: string } | { kind: 'unknown' } {
  const clean = pathname.replace(/\/+$/, '') || '/';
  if (STATIC.has(clean)) return { kind: 'static' };
  // A lineage also has its printable page, /lineage/:id/print.
  const match = /^\/(lineage|documents|departments|themes)\/([^/]+)$/.exec(clean) ?? /^\/(lineage)\/([^/]+)\/print$/.exec(clean);
  if (!match) return { kind: 'unknown' };
  let key: string;
  try {
    key = decodeURIComponent(match[2]!);
  } catch {
    return { kind: 'unknown' };
  }
  const kind = ({ lineage: 'measure', documents: 'document', departments: 'department', themes: 'theme' } as const)[match[1] as 'lineage'];
  return { kind, key };
}

/** 200 when the address shows something, 404 otherwise. */
export async function routeStatus(reader: Reader, pathname: string): Promise<200 | 404> {
  const route = classifyRoute(pathname);
  switch (route.kind) {
    case 'static':
      return 200;
    case 'unknown':
      return 404;
    case 'measure':
      return (await measuresByIds(reader, [route.key])).size > 0 ? 200 : 404;
    case 'document':
      return (await documentsByIds(reader, [route.key])).size > 0 ? 200 : 404;
    case 'department':
      return (await findDepartment(reader, route.key)) ? 200 : 404;
    case 'theme':
      return (await findTheme(reader, route.key)) ? 200 : 404;
  }
}
