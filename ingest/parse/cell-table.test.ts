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

  it('reads a table whose cells stand one per paragraph: an empty cell is one more blank line, a header cell may span two', () => {
    const text = [
      '2021年市政府工作报告部署工作责任分工', '', '序号', '', '重点工作', '', '市政府', '', '分管领导', '', '牵头单位', '', '配合单位', '', '备注', '',
      '强化科技创新支撑能力。', '', '', '', '', '', '(一)', '', '加强战略科技力量建设。', '', '', '', '', '',
      '1', '', '加快建设科技创新轴。', '', '王 东', '', '市科技局', '', '黄埔区、南沙区政府', '', '',
      '2', '', '全力做好国家实验室筹建保障服务工作。', '', '王 东', '', '市科技局', '', '', '备注文字', '',
      '3', '', '加快建设大湾区国家技术创新中心。', '', '王 东', '', '市科',
    ].join('\n');
    const { doc, diagnostics } = parseDocument(fromText(text));
    expect(doc.genre).toBe('cell-table');
    expect(doc.measures.map((m) => [m.text, m.responsibleClauses?.map((c) => [c.text, c.role])])).toEqual([
      ['加快建设科技创新轴。', [['市科技局', 'lead'], ['黄埔区、南沙区政府', 'support']]],
      ['全力做好国家实验室筹建保障服务工作。', [['市科技局', 'lead']]],
    ]);
    expect(diagnostics.find((d) => d.rule === 'cut-item')?.message).toContain('row 3');
  });

  it('reads past a column of the leaders in charge, whose names are no parties', () => {
    const text = ['2025年开发区重点工作及责任清单', '序号 |', '重点工作 |', '责任领导 |', '责任单位 |', '完成时限 |', '1 |', '全力服务重大项目落地见效。 |', '叶林 |', '招商工作部、安商工作部 |', '全年 |', '2 |', '盘活存量土地400亩。 |', '马振明 |', '改革办 |', '全年 |'].join('\n');
    const { doc } = parseDocument(fromText(text));
    expect(doc.measures.map((m) => [m.text, m.responsibleClauses?.map((c) => c.text), m.deadline])).toEqual([
      ['全力服务重大项目落地见效。', ['招商工作部、安商工作部'], '全年'],
      ['盘活存量土地400亩。', ['改革办'], '全年'],
    ]);
  });

  it('reads a list of matters under supervision: the matter is the task, the progress column no party', () => {
    const text = [
      '政府工作报告公开挂牌督办事项上半年进展', '', '序号', '', '公开挂牌督办事项', '', '年度工作任务和目标', '', '责任单位', '', '上半年进展', '',
      '1', '', '全市生产总值增长8%左右。', '', '全市生产总值增长8%左右,完成年度计划目标。', '', '市发展改革委、市财政局', '', '上半年生产总值增长7.7%。', '',
      '2', '', '社会消费品零售总额增长10.5%左右。', '', '全年实现社会消费品零售总额增长10.5%左右。', '', '市商务局', '', '社会消费情况:1-5月份,全市限上',
    ].join('\n');
    const { doc } = parseDocument(fromText(text));
    expect(doc.genre).toBe('cell-table');
    expect(doc.measures.map((m) => [m.text, m.responsibleClauses?.map((c) => c.text)])).toEqual([
      ['全市生产总值增长8%左右。', ['市发展改革委、市财政局']],
      ['社会消费品零售总额增长10.5%左右。', ['市商务局']],
    ]);
  });
});
