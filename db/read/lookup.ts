// Exact look-up of a name a user typed: a theme (by Chinese or English name or synonym), a
// programme, a department (by name or alias) or a document (by its number, whole or its
// beginning). Search shows these before the full-text hits, so typing 老字号 opens the theme
// rather than the measures that mention it.
import { type Reader, type Row, str, int } from './reader.js';
import type { SearchHitRecord, SearchType } from './search.js';

/** Ranks above any full-text score. */
export const EXACT_SCORE = 1000;

const LOOKUP = `
  CALL {
    MATCH (n:Theme) WHERE n.name = $q OR toLower(n.nameEn) = toLower($q) OR $q IN coalesce(n.synonyms, [])
    RETURN 'Theme' AS type, n { .id, .name, .nameEn } AS node, n.name = $q AS byName
    UNION
    MATCH (n:Initiative) WHERE n.name = $bare
    RETURN 'Initiative' AS type, n { .id, .name } AS node, true AS byName
    UNION
    MATCH (n:Department) WHERE n.name = $q OR $q IN coalesce(n.aliases, [])
    RETURN 'Department' AS type, n { .id, .name, .jurisdiction } AS node, n.name = $q AS byName
    UNION
    MATCH (n:Document) WHERE n.docNumber IS NOT NULL AND size($q) >= 4
      AND (n.docNumber = $q OR n.docNumber STARTS WITH $q OR replace(replace(n.docNumber, '〔', '['), '〕', ']') STARTS WITH $brackets)
    RETURN 'Document' AS type, n { .id, .title, .docNumber, .year } AS node, n.docNumber = $q AS byName
  }
  RETURN type, node, byName ORDER BY byName DESC, type, node.id LIMIT $first`;

/** The query as typed, trimmed, without surrounding quotation marks ("津体惠", “津体惠”). */
export function bareName(text: string): string {
  return text.trim().replace(/^["'“‘「《]+|["'”’」》]+$/gu, '').trim();
}

export async function lookup(reader: Reader, text: string, first: number): Promise<SearchHitRecord[]> {
  const q = text.trim();
  if (q === '') return [];
  const brackets = q.replace(/〔/g, '[').replace(/〕/g, ']').replace(/［/g, '[').replace(/］/g, ']');
  const rows = await reader.rows(LOOKUP, { q, bare: bareName(q), brackets, first });
  return rows.map((r: Row, i) => {
    const type = str(r.type) as SearchType;
    const node = (r.node ?? {}) as Row;
    const name = str(node.name) ?? str(node.title) ?? str(node.id) ?? '';
    const snippet = type === 'Document' ? [str(node.docNumber), str(node.title)].filter(Boolean).join(' · ') : name;
    const at = snippet.indexOf(type === 'Document' ? (str(node.docNumber) ?? '') : name);
    return {
      type,
      id: str(node.id) ?? '',
      label: name,
      score: EXACT_SCORE - i,
      year: type === 'Document' ? int(node.year) : null,
      snippet,
      text: snippet,
      highlights: at >= 0 && type !== 'Theme' ? [{ start: at, end: at + (type === 'Document' ? (str(node.docNumber) ?? '').length : name.length) }] : [],
    };
  });
}
