import { describe, expect, it } from 'vitest';
import { decodeFile } from '../decode.js';
import { parseDocument } from './document.js';

const r = decodeFile('ingest/fixtures/annex-plan.txt');
if (!r.ok) throw new Error('fixture did not decode');
const src = r.source;
const { doc, diagnostics } = parseDocument(src);

describe('annex task list', () => {
  it('makes one measure per annex row, numbered or not, and none of the body prose', () => {
    expect(doc.genre).toBe('annex-fields');
    expect(doc.measures.map((m) => m.path)).toEqual(['row 1', 'row 2', 'row 3', 'row 4', '二、(一)#1']);
    expect(doc.measures.map((m) => m.title)).toEqual(['建设特色美食街区', '发展夜间餐饮', '发展预制菜产业', '扩大养老服务供给', '建立服务消费工作专班']);
    expect(doc.measures[0]!.responsibleText).toBe('市商务局、各区人民政府');
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('keeps the group heading across a repeated group header', () => {
    expect(doc.measures.map((m) => m.section)).toEqual(['（一）提升餐饮消费', '（一）提升餐饮消费', '（一）提升餐饮消费', '（二）发展养老服务', '（一）强化组织推动']);
  });

  it('reads the year columns, a cell spanning both years, and targets shared by a group', () => {
    const [r1, r2, r3, r4, s1] = doc.measures;
    expect(r1!.targetCells!.map((c) => [c.year, c.text])).toEqual([
      [2025, '餐饮收入突破100亿元'],
      [2027, '餐饮收入突破120亿元'],
    ]);
    // Row 2 prints no target: the group's cells apply, as the same cells (same place in the source).
    expect(r2!.targetCells).toHaveLength(2);
    expect(r2!.targetCells![0]!.span).toBe(r1!.targetCells![0]!.span);
    expect(r3!.targetCells!.map((c) => [c.year, c.text])).toEqual([[2027, '2025年到2027年，培育预制菜龙头企业5家']]);
    expect(r4!.targetCells).toHaveLength(2);
    expect(s1!.targetCells).toBeUndefined();
    for (const m of doc.measures) {
      for (const c of m.targetCells ?? []) expect(src.text.slice(c.span.startOffset, c.span.endOffset)).toBe(c.text);
      expect(src.text.slice(m.span.startOffset, m.span.endOffset)).toBe(m.text);
    }
  });

  it('attaches the body paragraphs to the rows they summarise', () => {
    const summary = (i: number) => (doc.measures[i]!.summaries ?? []).map((s) => s.text.replace(/\s+/gu, ''));
    expect(summary(0).join('')).toContain('建设特色美食街区');
    expect(summary(1).join('')).toContain('发展夜间餐饮');
    expect(summary(2).join('')).toContain('预制菜');
    expect(summary(3).join('')).toContain('社区嵌入式养老服务机构');
    expect(summary(4).join('')).toContain('工作专班');
    for (const m of doc.measures) {
      for (const s of m.summaries ?? []) {
        expect(src.text.slice(s.span.startOffset, s.span.endOffset)).toBe(s.text);
        expect(s.span.startLine).toBeLessThan(25); // from the body, before the annex
      }
    }
  });

  it('refuses an annex whose last row is cut off', () => {
    const cut = src.text.slice(0, src.text.lastIndexOf('\t\n'));
    const t = parseDocument({ ...src, text: cut });
    expect(t.refused).toBe(true);
    expect(t.diagnostics.find((d) => d.rule === 'truncated-file')?.severity).toBe('error');
  });
});
