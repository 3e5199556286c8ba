import type { MessageKey } from './i18n.js';

/**
 * A measure's structural path for reading: prose paths (二、（三）#2) are already Chinese; a table
 * row is stored as "row 52", which the reader sees as 分工表第 52 项 / table row 52.
 */
export function readablePath(path: string | null | undefined, t: (key: MessageKey, params?: Record<string, string | number>) => string): string {
  if (!path) return '';
  const row = /^row (\d+)$/.exec(path);
  if (row) return t('tableRow', { n: row[1]! });
  return path.replace(/#(\d+)$/, (_m, n: string) => ` ${t('itemNumber', { n })}`);
}
