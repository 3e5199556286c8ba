import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ingest } from '../ingest/pipeline.js';
import { writeJsonStreaming } from './graph-json.js';

async function collect(value: object): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeJsonStreaming(out, value);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

describe('writeJsonStreaming', () => {
  it('writes the seeds graph exactly as JSON.stringify does, and it parses to the same graph', async () => {
    const { graph } = await ingest(['seeds/000_82e49faece65b6da.txt', 'seeds/001_ef56ec4b67c98340.txt', 'seeds/002_0a5072e4fb879473.txt']);
    expect(graph.nodes.length).toBeGreaterThan(50);
    const text = await collect(graph);
    expect(text).toBe(`${JSON.stringify(graph)}\n`);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(graph)));
  });

  it('follows JSON.stringify on empty lists, undefined members and values with no JSON form', async () => {
    const odd = { nodes: [], a: undefined, relationships: [{ x: 1, y: undefined }, undefined, () => 1], diagnostics: ['中文\u2028"q"'], n: 3, o: { k: [1] } };
    expect(await collect(odd)).toBe(`${JSON.stringify(odd)}\n`);
  });

  it('waits for a slow reader instead of buffering the whole text', async () => {
    const nodes = Array.from({ length: 3000 }, (_, i) => ({ id: `n${i}`, text: '措施'.repeat(50) }));
    let maxPending = 0;
    let received = '';
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, cb) {
        maxPending = Math.max(maxPending, slow.writableLength);
        received += chunk.toString('utf8');
        setImmediate(cb);
      },
    });
    await writeJsonStreaming(slow, { nodes });
    expect(received).toBe(`${JSON.stringify({ nodes })}\n`);
    // Never more than about one chunk queued ahead of the reader (the text is ~700 kB).
    expect(maxPending).toBeLessThan(200_000);
  });
});
