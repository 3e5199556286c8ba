import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chineseNumber, generateCorpus } from './corpus.js';
import { growthExponent } from './report.js';

describe('benchmark corpus', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-test-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('is deterministic from its seed, and a smaller corpus is a prefix of a larger one', async () => {
    const a = await generateCorpus({ docs: 4, seed: 3, outDir: tmp() });
    const b = await generateCorpus({ docs: 6, seed: 3, outDir: tmp() });
    const c = await generateCorpus({ docs: 4, seed: 4, outDir: tmp() });
    const read = (f: string) => fs.readFileSync(path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', f), 'utf8');
    for (let i = 0; i < 4; i++) expect(read(a.files[i]!)).toBe(read(b.files[i]!));
    expect(read(a.files[0]!)).not.toBe(read(c.files[0]!));
  });

  it('writes documents of the genre: title, date line, cited directive, and measures with responsible parties', async () => {
    const m = await generateCorpus({ docs: 30, seed: 1, outDir: tmp() });
    const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
    const texts = m.files.map((f) => fs.readFileSync(path.join(root, f), 'utf8'));
    for (const t of texts) {
      expect(t).toMatch(/^\S+关于印发\S+的通知/);
      expect(t).toMatch(/(20[123]\d)年(1[0-2]|[1-9])月([12]\d|3[01]|[1-9])日/);
      expect(t).toMatch(/〔20\d\d〕\d+号/);
    }
    const tables = texts.filter((t) => t.includes('序号\t国家要求\t落实举措\t责任单位'));
    const prose = texts.filter((t) => /（[一二三四五六七八九十]+）/.test(t) && /(按职责分工负责|负责|配合)）/.test(t));
    expect(tables.length).toBe(m.tableDocuments);
    expect(tables.length).toBeGreaterThan(0);
    expect(prose.length).toBe(texts.length - tables.length);
    // Years spread over the range, and department names follow the year (市商务委 only before 2018).
    const years = new Set(texts.map((t) => Number(/(20[123]\d)年\d+月\d+日/.exec(t)![1])));
    expect(years.size).toBeGreaterThan(8);
    for (const t of texts) {
      const year = Number(/(20[123]\d)年\d+月\d+日/.exec(t)![1]);
      if (year >= 2018) expect(t).not.toMatch(/市商务委[、，（）\t等和牵]/);
    }
  });

  it('writes Chinese ordinals as documents do', () => {
    expect([1, 10, 11, 20, 26].map(chineseNumber)).toEqual(['一', '十', '十一', '二十', '二十六']);
  });
});

describe('growth exponent', () => {
  it('is the log-log slope', () => {
    expect(growthExponent([{ x: 100, y: 50 }, { x: 1000, y: 500 }])).toBeCloseTo(1, 3);
    expect(growthExponent([{ x: 10, y: 1 }, { x: 100, y: 100 }, { x: 1000, y: 10000 }])).toBeCloseTo(2, 3);
    expect(growthExponent([{ x: 10, y: 1 }])).toBeNull();
  });
});
