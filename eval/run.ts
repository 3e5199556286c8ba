// `npm run eval`: every evaluation of the project, in one report. Each part lives with its labelled
// set (eval/ingest, eval/lineage); this entry only runs them, so it stays tiny.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateIngest, formatIngestReport } from './ingest/evaluate.js';

const here = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  console.log(formatIngestReport(await evaluateIngest()));
  if (existsSync(join(here, 'lineage', 'evaluate.ts'))) {
    // Loaded by path so this entry does not depend on the lineage part being present.
    const lineage = (await import('./lineage/evaluate.js' as string)) as {
      evaluateLineage: () => Promise<unknown>;
      formatLineageReport?: (r: never) => string;
    };
    const report = await lineage.evaluateLineage();
    console.log('');
    console.log(lineage.formatLineageReport ? lineage.formatLineageReport(report as never) : JSON.stringify(report, null, 2));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
