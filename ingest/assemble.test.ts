import { describe, expect, it } from 'vitest';
import { citedLevel } from './assemble.js';

describe('citedLevel', () => {
  it('reads a title led by a place as local', () => {
    expect(citedLevel({ title: '天津市商业网点规划' })).toBe('local');
    expect(citedLevel({ title: '关于印发四川省现代流通体系建设实施方案的通知' })).toBe('local');
    expect(citedLevel({ title: '西藏自治区促进消费若干措施' })).toBe('local');
    // Places whose name ends like a common noun in 市.
    expect(citedLevel({ title: '运城市突发事件应急体系建设规划' })).toBe('local');
    expect(citedLevel({ title: '关于印发成都市促进消费若干措施的通知' })).toBe('local');
    expect(citedLevel({ title: '荆门市商贸流通发展规划' })).toBe('local');
  });

  it('does not take a common noun ending in 市 for a place', () => {
    expect(citedLevel({ title: '关于推进城市一刻钟便民生活圈建设的意见', docNumber: '商流通函〔2021〕176号' })).toBe('national');
    expect(citedLevel({ title: '关于促进连锁超市发展的指导意见' })).toBe('national');
    expect(citedLevel({ title: '关于推动夜市经济发展的通知' })).toBe('national');
    expect(citedLevel({ title: '关于加快发展农村集市贸易的意见' })).toBe('national');
  });

  it('reads a provincial number as local whatever the title', () => {
    expect(citedLevel({ title: '关于推进城市更新的实施意见', docNumber: '川办发〔2022〕11号' })).toBe('local');
  });
});
