// `npm run eval`: every evaluation of the project, in one report. Each part lives with its labelled
// set (eval/ingest, eval/lineage, eval/documents); this entry only runs them, so it stays tiny.
// `npm run eval -- --json` prints one JSON object with every part instead of the tables.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateIngest, formatIngestReport } from './ingest/evaluate.js';
import { evaluateDocuments, formatDocumentsReport } from './documents/evaluate.js';

const here = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const all: Record<string, unknown> = {};
  const ingest = await evaluateIngest();
  all.ingest = ingest;
  if (!json) console.log(formatIngestReport(ingest));
  if (existsSync(join(here, 'lineage', 'evaluate.ts'))) {
    // Loaded by path so this entry does not depend on the lineage part being present.
    const lineage = (await import('./lineage/evaluate.js' as string)) as {
      evaluateLineage: () => Promise<unknown>;
      formatLineageReport?: (r: never) => string;
    };
    const report = await lineage.evaluateLineage();
    all.lineage = report;
    if (!json) {
      console.log('');
      console.log(lineage.formatLineageReport ? lineage.formatLineageReport(report as never) : JSON.stringify(report, null, 2));
    }
  }
  const documents = evaluateDocuments();
  all.documents = documents;
  if (json) console.log(JSON.stringify(all, null, 2));
  else {
    console.log('');
    console.log(formatDocumentsReport(documents, { differences: process.argv.includes('--diff') }));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
