import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../ingest/pipeline.js';
import { PipelineWorker } from './pipeline-runner.js';

const worker = new PipelineWorker();
afterAll(() => worker.close());

describe('pipeline in a worker', () => {
  it('gives the same graph as the CLI entry on the main thread', async () => {
    const files = ['seeds/004_fc6deff135ccd3ca.txt'];
    const parsed: string[] = [];
    const inWorker = await worker.run(files, [], (f) => parsed.push(f));
    const direct = await ingest(files);
    expect(parsed).toEqual(files);
    expect(inWorker.graph.nodes.length).toBeGreaterThan(10);
    expect(inWorker.graph).toEqual(direct.graph);
    expect(inWorker.refused).toEqual([]);
  }, 60_000);

  it('reports a refused file with its diagnostics', async () => {
    const r = await worker.run(['no/such/file.txt'], []);
    expect(r.refused).toEqual(['no/such/file.txt']);
    expect(r.graph.diagnostics[0]).toMatchObject({ file: 'no/such/file.txt', severity: 'error' });
  }, 60_000);
});
