import { describe, expect, it } from 'vitest';
import { markerAt } from './markers.js';

describe('outline markers', () => {
  it('recognises every style, with full- and half-width brackets and points', () => {
    const cases: [string, string, string][] = [
      ['第三章 保障措施', 'chapter', '第三章'],
      ['第十二条 本办法自发布之日起施行。', 'article', '第十二条'],
      ['第一條(目的依據)為加強市級財政專項資金管理', 'article', '第一条'],
      ['二十六、加强督导', 'cn', '二十六、'],
      ['（五）丰富产品', 'cn-paren', '(五)'],
      ['(五)丰富产品', 'cn-paren', '(五)'],
      ['12．推进建设', 'arabic', '12.'],
      ['3、推进建设', 'arabic', '3.'],
      ['（3）推进建设', 'arabic-paren', '(3)'],
      ['③推进建设', 'circled', '③'],
    ];
    for (const [line, kind, label] of cases) expect(markerAt(line), line).toMatchObject({ kind, label });
  });

  it('reads an enclosed numeral as the style it stands for: ⑽ is (10), ⒉ is 2.', () => {
    expect(markerAt('⑴九年义务教育巩固率达到97%。')).toMatchObject({ kind: 'arabic-paren', label: '(1)', length: 1 });
    expect(markerAt('⑽城镇保障性安居工程建设')).toMatchObject({ kind: 'arabic-paren', label: '(10)', length: 1 });
    expect(markerAt('⒉推进建设')).toMatchObject({ kind: 'arabic', label: '2.', length: 1 });
    expect(markerAt('⑳推进建设')).toMatchObject({ kind: 'circled', label: '⑳' });
  });

  it('measures the marker in the original string', () => {
    expect(markerAt('（十二）标题')!.length).toBe(4);
    expect(markerAt('１２．标题')!.length).toBe(3);
  });

  it('does not read a number or a year as a marker', () => {
    for (const line of ['1.5倍以上', '2021年8月11日', '一是加强领导', '各区人民政府：']) expect(markerAt(line), line).toBeUndefined();
  });
});
