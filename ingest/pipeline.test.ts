// The seeds through the whole pipeline: structural invariants of the graph, the acceptance
// counts of issue 3 (checked here only; the parsers know nothing of them), and bad inputs.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestSync } from './pipeline.js';
import { parseDocument } from './parse/document.js';
import type { GraphNode } from './types.js';

const seeds = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort().map((f) => `seeds/${f}`);
const report = ingestSync(seeds);
const { graph } = report;
const byLabel = (l: string) => graph.nodes.filter((n) => n.labels.includes(l));
const nodeById = new Map(graph.nodes.map((n) => [n.id, n]));
const rels = (type: string) => graph.relationships.filter((r) => r.type === type);
const measures = byLabel('Measure');
const docOf = (prefix: string) => byLabel('Document').find((d) => String(d.properties.sourceFile).includes(`/${prefix}`))!;
const measuresOf = (doc: GraphNode) => measures.filter((m) => m.properties.documentId === doc.id);

describe('seeds', () => {
  it('yields the measure counts of the acceptance criteria', () => {
    const counts = Object.fromEntries(['000_', '001_', '002_', '003_', '004_'].map((p) => [p, measuresOf(docOf(p)).length]));
    expect(counts).toEqual({ '000_': 51, '001_': 84, '002_': 62, '003_': 22, '004_': 17 });
    expect(report.refused).toEqual([]);
  });

  it('gives every measure a span that slices its text from the file, and ids in document order', () => {
    const texts = new Map(seeds.map((f) => [f, readFileSync(f, 'utf8')]));
    for (const m of measures) {
      const p = m.properties;
      expect(texts.get(String(p.sourceFile))!.slice(Number(p.startOffset), Number(p.endOffset))).toBe(p.text);
      expect(m.id).toMatch(/^m:[0-9a-f]{16}:\d{3}$/u);
      expect(m.id.slice(2, 18)).toBe(String(p.documentId).slice(4));
      expect(Number(p.startLine)).toBeLessThanOrEqual(Number(p.endLine));
      expect(p.path).toBeTruthy();
      expect(p.normText).not.toMatch(/\n/u);
    }
  });

  it('assigns every measure to at least one department', () => {
    const assigned = new Set(rels('ASSIGNED_TO').map((r) => r.start));
    expect(measures.filter((m) => !assigned.has(m.id)).map((m) => m.id)).toEqual([]);
    for (const r of rels('ASSIGNED_TO')) {
      expect(nodeById.get(r.end)?.labels).toContain('Department');
      expect(['lead', 'joint', 'support']).toContain(r.properties.role);
    }
  });

  it('links every relationship end to a node', () => {
    for (const r of graph.relationships) {
      expect(nodeById.has(r.start), `${r.type} start ${r.start}`).toBe(true);
      expect(nodeById.has(r.end), `${r.type} end ${r.end}`).toBe(true);
    }
  });

  it('makes one national document per cited directive, however many cite it', () => {
    const national = byLabel('Document').filter((d) => d.properties.level === 'national').map((d) => d.id).sort();
    expect(national).toEqual(
      [
        'nat:发改就业〔2020〕293号',
        'nat:国办发〔2020〕32号',
        'nat:加快培育新型消费实施方案',
        'nat:国发〔2017〕40号',
        'nat:国发〔2024〕18号',
        'nat:国办函〔2025〕27号',
        'nat:提振消费专项行动方案',
      ].sort(),
    );
    // 001 cites its directive by a cut title and a number, and by title in its own title: one node.
    expect(rels('CITES').filter((r) => r.start === docOf('001_').id).map((r) => r.end)).toEqual(['nat:发改就业〔2020〕293号']);
    expect(nodeById.get('nat:发改就业〔2020〕293号')!.properties.title).toBe('关于促进消费扩容提质加快形成强大国内市场的实施意见');
  });

  it('turns 001’s national requirements into clauses of the directive it implements', () => {
    const reqs = byLabel('Requirement');
    expect(reqs.length).toBeGreaterThan(0);
    const partOf = new Map(rels('PART_OF').map((r) => [r.start, r.end]));
    for (const q of reqs) {
      expect(partOf.get(q.id)).toBe('nat:发改就业〔2020〕293号');
      expect(q.properties.section).toMatch(/^\([一二三四五六七八九十]+\)/u);
    }
    const implementing = new Set(rels('IMPLEMENTS').map((r) => r.start));
    for (const m of measuresOf(docOf('001_'))) expect(implementing.has(m.id)).toBe(true);
  });

  it('attaches 002’s body tasks to annex rows instead of counting them', () => {
    // Every annex row is restated somewhere in the body (16 tasks, 6 safeguards).
    const rows = measuresOf(docOf('002_'));
    expect(rows.filter((m) => !m.properties.summaryText).map((m) => m.properties.path)).toEqual([]);
    const bodyPaths = new Set(rows.flatMap((m) => m.properties.summaryPaths as string[]));
    expect(bodyPaths.size).toBe(22);
    const cells = byLabel('Target').filter((t) => t.properties.source === 'cell');
    expect(new Set(cells.map((t) => t.properties.column))).toEqual(new Set([2025, 2027]));
  });

  it('states years where the text does and infers 004’s with its reason', () => {
    const d = docOf('004_').properties;
    expect(d.yearSource).toBe('inferred');
    expect(d.year).toBe(2023);
    expect(String(d.yearReason)).toMatch(/二十大/u);
    for (const p of ['000_', '001_', '002_', '003_']) expect(docOf(p).properties.yearSource).toBe('stated');
  });

  it('leaves only explained diagnostics, each with a place and a rule', () => {
    for (const d of graph.diagnostics) {
      expect(d.line).toBeGreaterThan(0);
      expect(d.column).toBeGreaterThan(0);
      expect(d.rule).toMatch(/^[a-z]+(-[a-z]+)*$/u);
    }
    expect(graph.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(graph.diagnostics.map((d) => d.rule).sort()).toEqual(['section-heading-missing', 'starts-mid-sentence', 'year-inferred']);
  });

  it('reads Windows line endings the same way', () => {
    for (const f of seeds) {
      const text = readFileSync(f, 'utf8').replace(/\n/gu, '\r\n');
      const { doc } = parseDocument({ file: f, text, encoding: 'UTF-8', sha256: '0'.repeat(64) });
      expect(doc.measures.length).toBe(measuresOf(docOf(f.slice(6, 10))).length);
      for (const m of doc.measures) expect(text.slice(m.span.startOffset, m.span.endOffset)).toBe(m.text);
    }
  });

  it('is deterministic', () => {
    expect(JSON.stringify(ingestSync(seeds).graph)).toBe(JSON.stringify(graph));
  });
});

describe('bad inputs', () => {
  const F = 'ingest/fixtures';
  const files = [`${F}/prose-plan.txt`, `${F}/empty.txt`, `${F}/binary.txt`, `${F}/cut-character.txt`, `${F}/truncated-prose.txt`, `${F}/prose-plan.gbk.txt`, `${F}/missing-cell-table.txt`];
  const r = ingestSync(files);

  it('refuses the broken files and ingests the others', () => {
    expect(r.refused.sort()).toEqual([`${F}/binary.txt`, `${F}/cut-character.txt`, `${F}/empty.txt`].sort());
    const sources = r.graph.nodes.filter((n) => n.labels.includes('Measure')).map((n) => n.properties.sourceFile);
    // A cut copy keeps its complete items (the cut one is left out, with a warning).
    expect(new Set(sources)).toEqual(new Set([`${F}/prose-plan.txt`, `${F}/missing-cell-table.txt`, `${F}/truncated-prose.txt`]));
    expect(sources.filter((s) => String(s).includes('truncated'))).toHaveLength(1);
  });

  it('ingests the same document under two names once, and says so', () => {
    expect(r.duplicates).toEqual([{ file: `${F}/prose-plan.gbk.txt`, sameAs: `${F}/prose-plan.txt` }]);
    const doc = r.graph.nodes.find((n) => n.properties.sourceFile === `${F}/prose-plan.txt`)!;
    expect(doc.properties.aliasFiles).toEqual([`${F}/prose-plan.gbk.txt`]);
    expect(r.graph.diagnostics.find((d) => d.rule === 'duplicate-document')).toMatchObject({ file: `${F}/prose-plan.gbk.txt`, line: 1, severity: 'warning' });
  });

  it('gives each bad input a diagnostic with its rule', () => {
    const rules = new Map(r.graph.diagnostics.map((d) => [`${d.file}|${d.rule}`, d]));
    for (const [file, rule] of [
      ['empty.txt', 'empty-file'],
      ['binary.txt', 'binary-file'],
      ['cut-character.txt', 'truncated-file'],
      ['truncated-prose.txt', 'cut-item'],
      ['missing-cell-table.txt', 'missing-cell'],
    ]) {
      expect(rules.has(`${F}/${file}|${rule}`), `${file} ${rule}`).toBe(true);
    }
  });
});
