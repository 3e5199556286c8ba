// After a document leaves the graph, the lineage of the measures that stay is recomputed: the
// linker's document frequencies saw the removed document, so links (and their evidence) between
// the remaining measures are what a clean ingest of the remaining files gives only once they are
// relinked. The same linker and writer as every ingest (ingest/pipeline.ts, lineageComplete).
import type { Driver } from 'neo4j-driver';
import { loadLinkableMeasures } from '../../db/lineage-context.js';
import { writeGraph } from '../../db/writer.js';
import { ingest } from '../../ingest/pipeline.js';

export async function relinkStored(driver: Driver, database?: string): Promise<void> {
  const existing = await loadLinkableMeasures(driver, { database });
  const report = await ingest([], { existing });
  await writeGraph(driver, report.graph, { database, lineageComplete: true });
}
