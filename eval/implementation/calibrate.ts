// Calibration of the implementation linker (ingest/link/implementation.ts) on real pairs: the
// division-of-labour table of seeds/001 writes each Tianjin measure beside the national clause of
// 发改就业〔2020〕293号 it implements, and test/fixtures/national holds those national clauses. For
// each threshold: how many of the 84 rows get a link, and how many of those point at the clause
// (section) of their own row. The table's pairing is not shown to the linker.
// Usage: npx tsx eval/implementation/calibrate.ts
import { readdirSync } from 'node:fs';
import { runPipeline } from '../../ingest/pipeline.js';
import { citationKeys, linkImplementations } from '../../ingest/link/implementation.js';

const LOCAL = 'seeds/001_ef56ec4b67c98340.txt';
const NATIONAL = 'test/fixtures/national/发改就业-2020-293号-国家要求.txt';

// With the other seeds, as in the explorer: document frequencies (and so the genre's stop-words)
// come from the whole corpus.
const seeds = readdirSync('seeds').filter((f) => f.endsWith('.txt')).map((f) => `seeds/${f}`);
const g = await runPipeline([...new Set([LOCAL, ...seeds]), NATIONAL]);
const nodes = new Map(g.nodes.map((n) => [n.id, n]));
const rels = (type: string) => g.relationships.filter((r) => r.type === type);
const prop = (id: string, key: string) => nodes.get(id)?.properties[key] as string | undefined;
const measures = g.nodes
  .filter((n) => n.labels.includes('Measure'))
  .map((n) => ({
    id: n.id,
    documentId: n.properties.documentId as string,
    text: n.properties.text as string,
    normText: n.properties.normText as string,
    departments: rels('ASSIGNED_TO').filter((r) => r.start === n.id).map((r) => r.end),
  }));
const documents = g.nodes
  .filter((n) => n.labels.includes('Document') && n.properties.sourceFile)
  .map((n) => ({
    id: n.id,
    level: n.properties.level as string,
    keys: citationKeys(n.properties.docNumber as string | undefined, n.properties.title as string),
    cites: rels('CITES').filter((r) => r.start === n.id).map((r) => r.end),
  }));
const national = documents.find((d) => d.level === 'national')!;
const sectionOf = (s: string | undefined) => /^[(（]([一二三四五六七八九十]+)[)）]/u.exec(s ?? '')?.[1];
const clauseOfSection = new Map(measures.filter((m) => m.documentId === national.id).map((m) => [sectionOf(prop(m.id, 'path')), m.id]));
const gold = new Map(rels('IMPLEMENTS').map((r) => [r.start, clauseOfSection.get(sectionOf(prop(r.end, 'section')))]));

const { links } = linkImplementations({ measures, documents }, { threshold: 0 });
console.log(`${gold.size} rows, ${clauseOfSection.size} national clauses`);
console.log('threshold  linked  own clause  precision  recall');
for (const t of [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4]) {
  const kept = links.filter((l) => l.score >= t);
  const right = kept.filter((l) => gold.get(l.from) === l.to).length;
  console.log(`${t.toFixed(2).padStart(9)}  ${String(kept.length).padStart(6)}  ${String(right).padStart(10)}  ${(right / kept.length).toFixed(3).padStart(9)}  ${(right / gold.size).toFixed(3).padStart(6)}`);
}
