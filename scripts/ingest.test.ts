// The CLI as a user runs it: stdout carries only the graph JSON, diagnostics and the summary go
// to stderr in file:line:column form, and a refused file makes the exit code 1.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const tsx = 'node_modules/.bin/tsx';

function run(args: string[]) {
  const r = spawnSync(tsx, ['scripts/ingest.ts', ...args], { encoding: 'utf8', env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('ingest CLI', () => {
  it('prints only the graph JSON on stdout and exits 0 when every file is ingested', () => {
    const r = run(['--dry-run', '--json', 'ingest/fixtures/prose-plan.txt', 'ingest/fixtures/annex-plan.txt']);
    expect(r.code).toBe(0);
    const graph = JSON.parse(r.stdout) as { nodes: unknown[]; relationships: unknown[]; diagnostics: unknown[] };
    expect(Object.keys(graph)).toEqual(['nodes', 'relationships', 'diagnostics']);
    expect(graph.nodes.length).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/^nodes: .*Measure 9/mu);
    expect(r.stderr).toMatch(/^relationships: .*HAS_MEASURE 9/mu);
  }, 60_000);

  it('reports diagnostics as file:line:column severity message [rule] and exits 1 on a refused file', () => {
    const r = run(['--dry-run', '--json', 'ingest/fixtures/prose-plan.txt', 'ingest/fixtures/empty.txt', 'ingest/fixtures/missing-cell-table.txt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ingest/fixtures/empty.txt:1:1 error ');
    expect(r.stderr).toMatch(/^ingest\/fixtures\/missing-cell-table\.txt:5:1 warning .* \[missing-cell\]$/mu);
    expect(r.stderr).toMatch(/^refused: ingest\/fixtures\/empty\.txt$/mu);
    const graph = JSON.parse(r.stdout) as { diagnostics: { rule: string }[] };
    expect(graph.diagnostics.map((d) => d.rule)).toContain('empty-file');
  }, 60_000);

  it('without --json prints nothing on stdout', () => {
    const r = run(['--dry-run', 'ingest/fixtures/prose-plan.txt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  }, 60_000);

  it('takes a folder and reads the HTML, DOCX and PDF files in it', async () => {
    const { mkdtempSync, copyFileSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { portalHtml, wordDocx } = await import('../ingest/fixtures/formats.js');
    const dir = mkdtempSync(join(tmpdir(), 'cli-formats-'));
    const prose = readFileSync('ingest/fixtures/prose-plan.txt', 'utf8');
    writeFileSync(join(dir, 'a.html'), portalHtml(prose));
    writeFileSync(join(dir, 'b.docx'), await wordDocx(prose.replace('江川市', '河川市')));
    copyFileSync('ingest/fixtures/seed-004.pdf', join(dir, 'c.pdf'));
    writeFileSync(join(dir, 'notes.json'), '{}');
    const r = run(['--dry-run', '--json', dir]);
    expect(r.code).toBe(0);
    const graph = JSON.parse(r.stdout) as { nodes: { labels: string[]; properties: Record<string, unknown> }[] };
    const docs = graph.nodes.filter((n) => n.labels.includes('Document') && n.properties.format);
    expect(docs.map((d) => d.properties.format).sort()).toEqual(['docx', 'html', 'pdf']);
    expect(r.stderr).toMatch(/Measure 25/u); // 4 + 4 + 17
  }, 60_000);
});
