// One file of an import job, through the same steps as `npm run ingest FILE`: the measures
// already stored are loaded for incremental lineage, the pipeline runs (in a worker), and the
// writer stores the document in one transaction, then re-applies the curations.
import type { Driver } from 'neo4j-driver';
import { loadLinkableMeasures } from '../../db/lineage-context.js';
import { storedDocuments, writeGraph } from '../../db/writer.js';
import type { Graph, GraphNode } from '../../ingest/types.js';
import { STAGE_PROGRESS, type FileStage, type ImportJobRecord, type JobDiagnostic, type JobFile, type RunJobFile } from './jobs.js';
import type { PipelineWorker } from './pipeline-runner.js';

export interface RunnerDeps {
  driver: Driver;
  database?: string;
  worker: PipelineWorker;
}

function stage(file: JobFile, next: FileStage, update: () => void, message: string | null = null): void {
  file.stage = next;
  file.progress = STAGE_PROGRESS[next];
  file.message = message;
  update();
}

function isSourceDocument(n: GraphNode): boolean {
  return n.labels.includes('Document') && typeof n.properties.sha256 === 'string';
}

/** Each diagnostic with the line it points to, from the text the pipeline decoded. */
export function withLines(graph: Graph, file: string): JobDiagnostic[] {
  const doc = graph.nodes.find((n) => isSourceDocument(n) && n.properties.sourceFile === file);
  const text = typeof doc?.properties.sourceText === 'string' ? doc.properties.sourceText : undefined;
  const lines = text?.split(/\r\n|\n|\r/u);
  return graph.diagnostics
    .filter((d) => d.file === file)
    .map((d) => ({ ...d, lineText: lines?.[d.line - 1]?.slice(0, 500) ?? null }));
}

export function importRunner(deps: RunnerDeps): RunJobFile {
  return async (job: ImportJobRecord, file: JobFile, update: () => void) => {
    stage(file, 'parsing', update);
    const existing = await loadLinkableMeasures(deps.driver, { database: deps.database, excludeSourceFiles: [file.path] });
    const report = await deps.worker.run([file.path], existing, () => stage(file, 'linking', update));
    file.diagnostics = withLines(report.graph, file.path);
    if (report.refused.includes(file.path)) {
      const why = file.diagnostics.find((d) => d.severity === 'error');
      stage(file, 'refused', update, `not imported: ${why?.message ?? 'the pipeline refused the file'}`);
      return;
    }
    const doc = report.graph.nodes.find(isSourceDocument);
    if (!doc) {
      stage(file, 'refused', update, 'not imported: the pipeline found no document in the file');
      return;
    }
    const sha = doc.properties.sha256 as string;
    const stored = await storedDocuments(deps.driver, deps.database);
    const same = [...stored.entries()].find(([path, s]) => s === sha && path !== file.path);
    if (same) {
      file.documentId = doc.id;
      stage(file, 'refused', update, `not imported: the graph already holds this text as ${same[0]} (document ${doc.id}); remove that one first to import it again`);
      return;
    }
    const inGraph = new Set(report.graph.nodes.map((n) => n.id));
    file.measures = report.graph.nodes.filter((n) => n.labels.includes('Measure')).length;
    // The linker relinks the whole stored corpus; the links to stored measures are those with one end in this file.
    file.linksToStored = report.graph.relationships.filter((r) => r.type === 'EVOLVES_FROM' && inGraph.has(r.start) !== inGraph.has(r.end)).length;
    stage(file, 'writing', update);
    // As the CLI: the graph carries the lineage of the whole stored corpus, so stale links go.
    await writeGraph(deps.driver, report.graph, { database: deps.database, lineageComplete: true });
    file.documentId = doc.id;
    stage(file, 'done', update, `${file.measures} measures, ${file.linksToStored} lineage links to stored measures`);
  };
}
