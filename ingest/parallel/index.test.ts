import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDocumentFile } from '../decode.js';
import { ingest } from '../pipeline.js';
import { ingestParallel } from './index.js';

// The seeds plus the fixtures: encodings, a PDF, a duplicate, refused files (empty, binary, cut).
const files = [
  ...readdirSync('seeds').filter(isDocumentFile).sort().map((f) => join('seeds', f)),
  ...readdirSync('ingest/fixtures').filter(isDocumentFile).sort().map((f) => join('ingest/fixtures', f)),
];

describe('ingestParallel', () => {
  it('builds the same graph, refusals and duplicates as one thread', async () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    const one = await ingest(files);
    const progress: string[] = [];
    const pool = await ingestParallel(files, { threads: 2, onProgress: (_d, _t, f) => progress.push(f) });
    expect(pool.refused.length).toBeGreaterThan(0);
    expect(pool.duplicates.length).toBeGreaterThan(0);
    expect(pool.refused).toEqual(one.refused);
    expect(pool.duplicates).toEqual(one.duplicates);
    expect(pool.measures).toBe(one.measures);
    expect(pool.graph.nodes.length).toBeGreaterThan(100);
    // Byte for byte: node and relationship order, properties, diagnostics.
    expect(JSON.stringify(pool.graph)).toBe(JSON.stringify(one.graph));
    expect(progress.sort()).toEqual([...new Set(files)].sort());
  });

  it('reports a missing file like the single thread does, not as a crash', async () => {
    const withMissing = [...files, 'ingest/fixtures/no-such-file.txt'];
    const one = await ingest(withMissing);
    const pool = await ingestParallel(withMissing, { threads: 2 });
    expect(pool.refused).toEqual(one.refused);
    expect(pool.refused).toContain('ingest/fixtures/no-such-file.txt');
  });
});
