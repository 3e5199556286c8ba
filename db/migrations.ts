// Idempotent schema set-up, run at every start: constraints, the full-text index, range indexes.
import type { Driver } from 'neo4j-driver';
import { LABELS } from '../model/graph.js';

export const FULLTEXT_INDEX = 'policyFulltext';

/**
 * Properties the full-text index covers. List properties (aliases, synonyms) cannot be indexed
 * by Lucene directly, so the writer keeps a joined text copy of each (aliasesText, synonymsText).
 */
export const FULLTEXT_PROPERTIES = ['normText', 'text', 'title', 'name', 'nameEn', 'aliasesText', 'synonymsText'] as const;

// Schema DDL cannot take parameters; these statements are built only from the constants above.
function statements(): string[] {
  const out: string[] = [];
  for (const label of LABELS) {
    out.push(`CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`);
  }
  out.push(
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:Measure|Document|Department|Theme|Initiative) ` +
      `ON EACH [${FULLTEXT_PROPERTIES.map((p) => `n.${p}`).join(', ')}] ` +
      `OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'cjk', \`fulltext.eventually_consistent\`: false } }`,
  );
  out.push('CREATE CONSTRAINT curation_id IF NOT EXISTS FOR (n:Curation) REQUIRE n.id IS UNIQUE');
  out.push('CREATE INDEX measure_year IF NOT EXISTS FOR (n:Measure) ON (n.year)');
  out.push('CREATE INDEX document_year IF NOT EXISTS FOR (n:Document) ON (n.year)');
  out.push('CREATE INDEX document_source IF NOT EXISTS FOR (n:Document) ON (n.sourceFile)');
  out.push('CREATE INDEX measure_document IF NOT EXISTS FOR (n:Measure) ON (n.documentId)');
  out.push('CREATE INDEX department_name IF NOT EXISTS FOR (n:Department) ON (n.name)');
  out.push('CREATE INDEX theme_name IF NOT EXISTS FOR (n:Theme) ON (n.name)');
  out.push('CREATE INDEX initiative_name IF NOT EXISTS FOR (n:Initiative) ON (n.name)');
  return out;
}

export async function migrate(driver: Driver, database?: string): Promise<void> {
  for (const statement of statements()) {
    await driver.executeQuery(statement, {}, { database });
  }
  await driver.executeQuery('CALL db.awaitIndexes(120)', {}, { database });
}

export interface SchemaState {
  constraints: string[];
  fulltext: { name: string; analyzer: string } | null;
}

export async function schemaState(driver: Driver, database?: string): Promise<SchemaState> {
  const c = await driver.executeQuery('SHOW CONSTRAINTS YIELD name RETURN name', {}, { database });
  const f = await driver.executeQuery(
    "SHOW FULLTEXT INDEXES YIELD name, options WHERE name = $name RETURN name, options.indexConfig['fulltext.analyzer'] AS analyzer",
    { name: FULLTEXT_INDEX },
    { database },
  );
  const row = f.records[0];
  return {
    constraints: c.records.map((r) => r.get('name') as string),
    fulltext: row ? { name: row.get('name') as string, analyzer: row.get('analyzer') as string } : null,
  };
}
