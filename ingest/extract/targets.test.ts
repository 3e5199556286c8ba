import { describe, expect, it } from 'vitest';
import { extractTargets, statedYear } from './targets.js';

describe('extractTargets', () => {
  it('reads year, value in base units, unit and metric', () => {
    expect(extractTargets('加快网络建设，到2024年底累计建成5G基站 3 万个，实现重点区域全覆盖。')).toEqual([
      { text: '到2024年底累计建成5G基站3万个', year: 2024, value: 30000, unit: '个', metric: '5G基站' },
    ]);
  });

  it('multiplies out 亿 and 万亿 into 元, and reads percentages and Chinese fractions', () => {
    const t = extractTargets('到2026年，网络零售额突破1200亿元，社会消费品零售总额达到1.1万亿元，连锁化率达到45%以上，线上消费占比超过四分之一。');
    expect(t.map((x) => [x.year, x.value, x.unit, x.metric])).toEqual([
      [2026, 1.2e11, '元', '网络零售额'],
      [2026, 1.1e12, '元', '社会消费品零售总额'],
      [2026, 45, '%', '连锁化率'],
      [2026, 25, '%', '线上消费占比'],
    ]);
  });

  it('puts the counted thing after the number when a verb precedes it, and reads ranges', () => {
    const t = extractTargets('到2023年培育20家示范企业，建设3-5个物流园区、10处配送站。');
    expect(t.map((x) => [x.value, x.valueMax, x.unit, x.metric])).toEqual([
      [20, undefined, '家', '示范企业'],
      [3, 5, '个', '物流园区'],
      [10, undefined, '处', '配送站'],
    ]);
  });

  it('ignores policy parameters, durations and dates', () => {
    expect(
      extractTargets('给予一次性2000元补贴，按3%征收率征收，提供24小时服务，自2021年1月1日至2022年12月31日执行，15天免签。'),
    ).toEqual([]);
  });

  it('uses the default year when the clause states none, and plan periods as years', () => {
    expect(extractTargets('新增停车泊位1000个', { defaultYear: 2021 })[0]?.year).toBe(2021);
    expect(extractTargets('“十四五”期间举办展会不少于30场')[0]).toMatchObject({ year: 2025, value: 30, unit: '场' });
  });

  it('treats table target cells as commitments, qualitative ones included', () => {
    expect(extractTargets('接待游客2亿人次', { cell: true, defaultYear: 2025 })[0]).toMatchObject({
      year: 2025,
      value: 2e8,
      unit: '人次',
    });
    expect(extractTargets('保持行业规模全国领先', { cell: true, defaultYear: 2027 })).toEqual([
      { text: '保持行业规模全国领先', year: 2027 },
    ]);
    expect(extractTargets('保持行业规模全国领先')).toEqual([]);
  });
});

describe('statedYear', () => {
  it('takes the end of a range and skips dates with a month', () => {
    expect(statedYear('2025年到2027年，累计培育5家基地')).toBe(2027);
    expect(statedYear('自2020年5月1日起')).toBeUndefined();
    expect(statedYear('截至2027年底')).toBe(2027);
  });
});
