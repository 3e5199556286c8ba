// What an import accepts: sizes, counts and the metadata a user may add for what the text does
// not state. Checked before anything is stored.
export const IMPORT_LIMITS = {
  /** Per file; a 200-page PDF of a plan is a few MB. */
  maxFileBytes: 10 * 1024 * 1024,
  maxFiles: 20,
  /** Per request, all files together. */
  maxTotalBytes: 50 * 1024 * 1024,
  /** Jobs waiting in the queue; more are refused with 429 until some finish. */
  maxQueuedJobs: 20,
} as const;

export const LEVELS = ['national', 'provincial', 'municipal', 'district'] as const;
export type Level = (typeof LEVELS)[number];

export interface ImportMetadata {
  year?: number;
  issuedOn?: string;
  jurisdiction?: string;
  level?: Level;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** The form fields, checked: each problem is named with the field and what is expected. */
export function parseMetadata(fields: Record<string, string>): { metadata: ImportMetadata; errors: string[] } {
  const metadata: ImportMetadata = {};
  const errors: string[] = [];
  const known = new Set(['year', 'issuedOn', 'jurisdiction', 'level']);
  for (const key of Object.keys(fields)) if (!known.has(key)) errors.push(`unknown field \`${key}\`: the fields are year, issuedOn, jurisdiction, level`);
  const year = fields.year?.trim();
  if (year) {
    const n = Number(year);
    if (!Number.isInteger(n) || n < 1949 || n > 2100) errors.push(`\`year\` must be a year between 1949 and 2100 (got "${year}")`);
    else metadata.year = n;
  }
  const issuedOn = fields.issuedOn?.trim();
  if (issuedOn) {
    const m = ISO_DATE.exec(issuedOn);
    const date = m ? new Date(`${issuedOn}T00:00:00Z`) : undefined;
    if (!m || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== issuedOn) errors.push(`\`issuedOn\` must be a date as YYYY-MM-DD (got "${issuedOn}")`);
    else {
      metadata.issuedOn = issuedOn;
      if (metadata.year !== undefined && metadata.year !== Number(m[1])) errors.push(`\`year\` ${metadata.year} and \`issuedOn\` ${issuedOn} disagree: give one of them, or both alike`);
    }
  }
  const jurisdiction = fields.jurisdiction?.trim();
  if (jurisdiction) {
    if (jurisdiction.length > 40) errors.push(`\`jurisdiction\` is too long (${jurisdiction.length} characters, at most 40), e.g. 天津市 or 杭州市西湖区`);
    else metadata.jurisdiction = jurisdiction;
  }
  const level = fields.level?.trim();
  if (level) {
    if (!(LEVELS as readonly string[]).includes(level)) errors.push(`\`level\` must be one of ${LEVELS.join(', ')} (got "${level}")`);
    else metadata.level = level as Level;
  }
  return { metadata, errors };
}
