// The seeds, ingested by the real pipeline and writer, for the API and browser tests.
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { projectRoot } from '../db/config.js';
import { migrate } from '../db/migrations.js';
import { clearGraph, writeGraph } from '../db/writer.js';
import { isDocumentFile } from '../ingest/decode.js';
import { ingestFiles } from '../ingest/pipeline.js';
import type { Graph } from '../ingest/types.js';

export function seedFiles(): string[] {
  const dir = path.join(projectRoot, 'seeds');
  return fs
    .readdirSync(dir)
    .filter(isDocumentFile)
    .sort()
    .map((f) => path.relative(process.cwd(), path.join(dir, f)));
}

/**
 * Makes the database hold exactly the seed graph. Skips the write when the stored graph already
 * has the same documents and counts (test files run one after another against one database).
 */
export async function loadSeedGraph(driver: Driver): Promise<Graph> {
  const graph = await ingestFiles(seedFiles());
  await migrate(driver);
  const stored = await driver.executeQuery(
    `OPTIONAL MATCH (n) WITH count(n) AS nodes
     OPTIONAL MATCH ()-[r]->() WITH nodes, count(r) AS rels
     OPTIONAL MATCH (d:Document) WHERE d.sourceFile IS NOT NULL
     RETURN nodes, rels, collect(d.id) AS docs`,
  );
  const row = stored.records[0]!;
  const docIds = graph.nodes.filter((n) => n.labels.includes('Document') && n.properties.sourceFile).map((n) => n.id);
  const same =
    Number(row.get('nodes')) === graph.nodes.length &&
    Number(row.get('rels')) === graph.relationships.length &&
    [...(row.get('docs') as string[])].sort().join() === [...docIds].sort().join();
  if (!same) {
    await clearGraph(driver);
    await writeGraph(driver, graph);
  }
  return graph;
}
