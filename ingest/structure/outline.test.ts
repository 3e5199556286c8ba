import { describe, expect, it } from 'vitest';
import { splitLines } from '../segment.js';
import { buildOutline } from './outline.js';

const outline = (text: string) =>
  buildOutline(text, splitLines(text), 0, text.length)
    .filter((it) => it.kind !== 'root')
    .map((it) => it.path);

describe('outline', () => {
  it('learns the depth of each style from the order the document uses it', () => {
    expect(outline('一、任务\n1.甲。\n2.乙。\n二、保障\n（一）丙。\n（二）丁。\n')).toEqual(['一、', '一、1.', '一、2.', '二、', '二、(一)', '二、(二)']);
    expect(outline('第一章 总则\n第一条 甲。\n第二条 乙。\n第二章 任务\n第三条 丙。\n')).toEqual(['第一章', '第一章第一条', '第一章第二条', '第二章', '第二章第三条']);
    expect(outline('（一）甲\n1.乙。\n（1）丙。\n①丁。\n')).toEqual(['(一)', '(一)1.', '(一)1.(1)', '(一)1.(1)①']);
  });

  it('starts an item on the line after a field line that closes without punctuation', () => {
    const text = '一、主要预期目标\n  1.地区生产总值增长5.5%左右。\n  牵头领导:王 健\n  牵头单位:省发展改革委\n  责任单位:省工业和信息化厅、省农业农村厅、省商务厅等,各市人民政府,省沈抚示范区管委会\n  2.一般公共预算收入增长5%。\n  牵头单位:省财政厅\n';
    expect(outline(text)).toEqual(['一、', '一、1.', '一、2.']);
  });

  it('steps up when an excerpt that starts deep reaches a conventionally higher style', () => {
    expect(outline('（十七）甲。\n（十八）乙。\n六、消费环境改善行动\n（二十三）丙。\n')).toEqual(['(十七)', '(十八)', '六、', '六、(二十三)']);
  });

  it('starts a new part at a signature date and at each annex, and skips attachment notes', () => {
    const text = [
      '一、各单位要高度重视。',
      '附件：1.任务清单',
      '2.进度安排',
      '江北区人民政府办公室',
      '2023年1月3日',
      '江北区工作方案',
      '一、主要任务',
      '（一）甲。',
      '附件1',
      '一、清单说明',
    ].join('\n');
    expect(outline(text)).toEqual(['一、', '一、', '一、(一)', '附件1/一、']);
  });

  it('does not take a number that a line break puts first on a line for an item', () => {
    expect(outline('一、任务\n（一）推进工作。推动试点，开展“双随机、\n一、公开”监管。\n')).toEqual(['一、', '一、(一)']);
  });
});
