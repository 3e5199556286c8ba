// CONTRACT PLACEHOLDER: the owner of ingest/extract replaces the bodies; signatures are shared.
import type { GraphNode } from '../types.js';

export interface ThemeTaxonomy {
  [key: string]: unknown;
}

export interface ThemeMatch {
  themeId: string; // 'theme:<slug>'
  evidence: string[]; // the matched words, as they appear in the normalised text
}

export function loadThemes(_file = 'seeds/reference/themes.json'): ThemeTaxonomy {
  return {};
}

export function extractThemes(_normText: string, _taxonomy: ThemeTaxonomy): ThemeMatch[] {
  return [];
}

/** Theme nodes (id, labels ['Theme'], properties {name, nameEn, synonyms}). */
export function themeNodes(_taxonomy: ThemeTaxonomy): GraphNode[] {
  return [];
}
