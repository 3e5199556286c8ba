import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  docNumberKey,
  evaluateDocuments,
  loadSources,
  matchKey,
  scoreDocument,
  totalsOf,
  type DocumentLabel,
  type ObservedDocument,
  type Totals,
} from './evaluate.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('the labelled corpus', () => {
  const docs = loadSources();
  const corpus = docs.filter((d) => d.measures !== null);

  it('has at least 20 real documents of at least 12 jurisdictions and every level, before 2018 and after 2023', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
    expect(new Set(corpus.map((d) => d.jurisdiction)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(corpus.map((d) => d.level))).toEqual(new Set(['national', 'provincial', 'municipal', 'district']));
    expect(corpus.some((d) => d.year !== null && d.year < 2018)).toBe(true);
    expect(corpus.some((d) => d.year !== null && d.year > 2023)).toBe(true);
  });

  it('covers the responsibility layouts the parser must read, each in at least one document', () => {
    const layouts = new Set(corpus.flatMap((d) => d.layouts ?? []));
    for (const l of [
      'trailing-paren', 'responsibility-line-after', 'tortoise-brackets', 'by-duty-division', 'table-cells',
      'party-subject', 'no-parties', 'portal-metadata', 'lead-support-clause', 'lead-support-labels', 'annex-table',
    ]) expect(layouts, l).toContain(l);
  });

  it('labels every measure with text found in its document, parties with a valid role, and a source', () => {
    const squash = (s: string): string => matchKey(s);
    for (const d of docs) {
      const file = join(here, d.file);
      expect(existsSync(file), d.file).toBe(true);
      expect(['national', 'provincial', 'municipal', 'district'], d.file).toContain(d.level);
      if (d.measures === null) continue;
      expect(d.url, d.file).toMatch(/^https?:\/\//u);
      const text = squash(readFileSync(file, 'utf8'));
      for (const m of d.measures) {
        expect(squash(m.text).length, `${d.file}: ${m.text}`).toBeGreaterThanOrEqual(6);
        expect(text, `${d.file}: ${m.text}`).toContain(squash(m.text));
        for (const p of m.parties) {
          expect(['lead', 'support', 'joint'], `${d.file}: ${m.text}`).toContain(p.role);
          expect(p.name, `${d.file}: a label is not a party name`).not.toMatch(/单位[:：]|部门[:：]/u);
        }
      }
      for (const c of d.cut ?? []) expect(text, `${d.file}: cut ${c}`).toContain(squash(c));
    }
  });
});

describe('scoreDocument', () => {
  const label: DocumentLabel = {
    file: 'x.txt', url: 'https://example.org/x', jurisdiction: '杭州市西湖区', level: 'district', year: 2024,
    docNumber: '西政办发〔2024〕3号', issuedOn: '2024-03-01',
    measures: [
      { text: '加快建设冷链物流基地。完善', parties: [{ name: '区商务局', role: 'lead' }, { name: '区财政局', role: 'support' }], deadline: '2024年底前' },
      { text: '发展夜间经济。鼓励商圈', parties: [] },
      { text: '培育消费新场景。支持', parties: [{ name: '区文旅局', role: 'lead' }] },
    ],
    cut: ['优化消费环境'],
  };
  const observed: ObservedDocument = {
    refused: false, year: 2024, docNumber: '西政办发[2024]3号', level: 'district', jurisdiction: '西湖区',
    measures: [
      // The parser split the run-in title off and lost its full stop: still the same measure.
      { title: '加快建设冷链物流基地', text: '完善配送网络。', deadline: '2024 年底前', parties: [
        { names: ['区商务局'], role: 'lead', shown: '区商务局' },
        { names: ['区财政局', '杭州市西湖区财政局'], role: 'joint', shown: '区财政局' },
      ] },
      { text: '(二)发展夜间经济。鼓励商圈延长营业时间。', parties: [{ names: ['区商务局'], role: 'lead', shown: '区商务局' }] },
      { text: '优化消费环境,加强', parties: [] },
      { text: '总体要求。以习近平新时代', parties: [] },
    ],
  };

  it('matches by normalised prefix, ignores cut items, and scores parties, roles, deadlines and facts', () => {
    const s = scoreDocument(label, observed);
    expect(s.measures).toMatchObject({ labelled: 3, observed: 3, matched: 2, partySetsExact: 1, rolesRight: 1, rolePairs: 2, deadlinesLabelled: 1, deadlinesRight: 1 });
    expect(s.measures!.recall).toBe(0.667);
    expect(s.measures!.precision).toBe(0.667);
    expect(s.facts).toEqual({ year: 'right', docNumber: 'right', level: 'right', jurisdiction: 'wrong' });
    expect(s.differences).toContain('- measure "培育消费新场景。支持"');
    expect(s.differences.some((d) => d.startsWith('+ measure') && d.includes('总体要求'))).toBe(true);
  });

  it('counts a refused file as every measure missed and every fact wrong, and a null number as none', () => {
    const s = scoreDocument({ ...label, docNumber: null }, { refused: true, measures: [] });
    expect(s.measures).toMatchObject({ matched: 0, recall: 0, precision: 1 });
    expect(s.facts).toEqual({ year: 'wrong', docNumber: 'right', level: 'wrong', jurisdiction: 'wrong' });
    const t = totalsOf([s]);
    expect([t.measureRecall, t.year, t.docNumber, t.level, t.refused]).toEqual([0, 0, 1, 0, 1]);
  });

  it('reports facts the text does not state without scoring them', () => {
    const s = scoreDocument({ ...label, unscored: ['year', 'jurisdiction'] }, { ...observed, year: 2023 });
    expect(s.facts.year).toBe('unscored');
    expect(s.facts.jurisdiction).toBe('unscored');
    expect(totalsOf([s]).year).toBe(1);
  });

  it('treats the bracket styles of a document number as one', () => {
    expect(docNumberKey('津滨政办发[2017]63号')).toBe(docNumberKey('津滨政办发〔2017〕63号'));
    expect(docNumberKey('吕商务〔2025〕45 号')).toBe(docNumberKey('吕商务〔2025〕45号'));
    expect(docNumberKey('国办发„2009‟3号')).toBe(docNumberKey('国办发〔2009〕3号'));
    expect(docNumberKey('国办发〔2009〕3号')).not.toBe(docNumberKey('国办发〔2009〕4号'));
  });
});

// The floor sits at the totals measured on this corpus (floor.json); the lead raises it to the
// merged parser's values. A drop below it is a regression on real documents.
describe('documents evaluation floor', () => {
  it('keeps every total at or above floor.json', () => {
    const floor = JSON.parse(readFileSync(join(here, 'floor.json'), 'utf8')) as Partial<Record<keyof Totals, number>>;
    const { totals } = evaluateDocuments();
    for (const [k, min] of Object.entries(floor)) {
      if (k.startsWith('_')) continue;
      expect(totals[k as keyof Totals], k).toBeGreaterThanOrEqual(min);
    }
  }, 120_000);
});
