import { describe, expect, it } from 'vitest';
import { decodeFile } from '../decode.js';
import { parseDocument } from './document.js';
import type { SourceText } from '../types.js';

const fromText = (text: string): SourceText => ({ file: 'mem.txt', text, encoding: 'UTF-8', sha256: 'c'.repeat(64) });

function parse(file: string) {
  const r = decodeFile(file);
  if (!r.ok) throw new Error(`fixture ${file} did not decode`);
  return parseDocument(r.source);
}

describe('cell-table layout', () => {
  it('reads a table copied one cell per line: rows, parties, deadlines; a cell over two lines; the cut last row', () => {
    const { doc, diagnostics, refused } = parse('ingest/fixtures/cell-table.txt');
    expect(refused).toBe(false);
    expect(doc.genre).toBe('cell-table');
    expect(doc.measures.map((m) => [m.path, m.text.replace(/\s+/gu, ''), m.responsibleClauses?.map((c) => c.text), m.deadline, m.deadlineDate])).toEqual([
      ['row 1', '建立夜间经济工作协调机制，定期召开联席会议。', ['区商务局'], '2019年6月底前', '2019-06-30'],
      ['row 2', '编制夜间经济发展规划，明确集聚区布局。', ['区发展改革委、区商务局'], '持续推进', undefined],
      ['row 3', '完善夜间公共交通服务，延长重点线路运营时间。', ['区交通运输局'], '2019年底前', '2019-12-31'],
    ]);
    expect(diagnostics.find((d) => d.rule === 'cut-item')).toMatchObject({ severity: 'warning', line: 20 });
    const src = doc.source.text;
    for (const m of doc.measures) expect(src.slice(m.span.startOffset, m.span.endOffset)).toBe(m.text);
  });

  it('reads a table one cell per line whose header a page number interrupts', () => {
    const text = ['某区重点工作责任清单', '序号 |', '重点工作 |', '责任单位 |', '— 1 —', '完成时限 |', '1 |', '建设夜间经济集聚区。 |', '区商务局 |', '全年 |', '2 |', '完善公共交通服务。 |', '区交通运输局 |', '2025年底前 |'].join('\n');
    const { doc } = parseDocument(fromText(text));
    expect(doc.measures.map((m) => [m.responsibleText, m.deadline])).toEqual([['区商务局', '全年'], ['区交通运输局', '2025年底前']]);
  });

  it('reads a Markdown table with lead and support columns', () => {
    const { doc } = parse('ingest/fixtures/markdown-table.txt');
    expect(doc.genre).toBe('cell-table');
    expect(doc.title).toBe('江北区促进夜间经济发展任务清单');
    expect(doc.measures.map((m) => [m.text, m.responsibleClauses?.map((c) => [c.text, c.role]), m.deadlineDate])).toEqual([
      ['建立夜间经济工作协调机制', [['区商务局', 'lead'], ['区财政局、各街道办事处', 'support']], '2019-06-30'],
      ['打造夜间消费地标', [['区文化和旅游局', 'lead'], ['区商务局', 'support']], '2020-12-31'],
    ]);
  });

  it('reads past a column of the leaders in charge, whose names are no parties', () => {
    const text = ['2025年开发区重点工作及责任清单', '序号 |', '重点工作 |', '责任领导 |', '责任单位 |', '完成时限 |', '1 |', '全力服务重大项目落地见效。 |', '叶林 |', '招商工作部、安商工作部 |', '全年 |', '2 |', '盘活存量土地400亩。 |', '马振明 |', '改革办 |', '全年 |'].join('\n');
    const { doc } = parseDocument(fromText(text));
    expect(doc.measures.map((m) => [m.text, m.responsibleClauses?.map((c) => c.text), m.deadline])).toEqual([
      ['全力服务重大项目落地见效。', ['招商工作部、安商工作部'], '全年'],
      ['盘活存量土地400亩。', ['改革办'], '全年'],
    ]);
  });
});
