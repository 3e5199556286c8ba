import { describe, expect, it } from 'vitest';
import { splitLines } from '../segment.js';
import { portalPairs, readPortalBlock } from './portal.js';

describe('portal metadata block', () => {
  it('reads several spaced-out pairs on one line', () => {
    expect(portalPairs('索 引 号 MB1534522/2023-05475 发文日期 2023-01-03')).toEqual([
      ['index', 'MB1534522/2023-05475'],
      ['date', '2023-01-03'],
    ]);
    expect(portalPairs('  • 发文字号:国办发〔2022〕9号')).toEqual([['number', '国办发〔2022〕9号']]);
  });

  it("ends a date at the page's counter on the same line", () => {
    expect(portalPairs('发布日期:2013-05-23    浏览次数:2')).toEqual([
      ['published', '2013-05-23'],
      ['other', '2'],
    ]);
    expect(portalPairs('发布时间:2016-03-02 点击量:118')?.[0]).toEqual(['published', '2016-03-02']);
    // A county portal's bare 日期 line is its publication date; 废止日期 is not one.
    expect(portalPairs('日期:2022-05-26')).toEqual([['published', '2022-05-26']]);
    expect(portalPairs('日期:2012-10-11 来源:本网')).toEqual([
      ['published', '2012-10-11'],
      ['other', '本网'],
    ]);
    // The portal's own name before its date.
    expect(portalPairs('青岛政务网 发布日期 : 2017-07-13 来源 : 青岛市政府办公厅')).toEqual([
      ['published', '2017-07-13'],
      ['other', '青岛市政府办公厅'],
    ]);
    expect(portalPairs('中国政府网发布日期显示，')).toBeUndefined();
    expect(portalPairs('发布日期:2017.06.13 废止日期:')).toEqual([
      ['published', '2017.06.13'],
      ['other', ''],
    ]);
  });

  it('leaves sentences that merely start with a label word alone', () => {
    // A news page's source line, in traditional script: its publication date is the page's.
    expect(portalPairs('來源: 廣東省發展和改革委員會          發布時間: 2019-07-05')).toEqual([
      ['other', '广东省发展和改革委员会'],
      ['published', '2019-07-05'],
    ]);
    expect(portalPairs('分类推进城市更新，完善配套设施。')).toBeUndefined();
    expect(portalPairs('一、总体要求')).toBeUndefined();
  });

  it('reads the block from the lines and from the pairs a format carried, the first value winning', () => {
    const lines = splitLines('标题：某市关于印发方案的通知\n文号：某政办〔2020〕3号 成文日期：2020年5月6日\n\n正文第一段。');
    const block = readPortalBlock(lines, { 发布机构: '某市人民政府办公室', 文号: '某政办〔2020〕3号' });
    expect(block.fields).toMatchObject({ title: '某市关于印发方案的通知', number: '某政办〔2020〕3号', date: '2020年5月6日', issuer: '某市人民政府办公室' });
    expect([...block.lines]).toEqual([0, 1]);
  });

  it("ends a value a page's cell carried at the next label, as on a line", () => {
    // An HTML page's metadata cell read whole: 发布日期:2013-05-23    浏览次数:2.
    const block = readPortalBlock([], { 发布日期: '2013-05-23 浏览次数:2', 发文机关: '某市人民政府 成文日期：2020年5月6日' });
    expect(block.fields).toMatchObject({ published: '2013-05-23', issuer: '某市人民政府', date: '2020年5月6日' });
  });
});
