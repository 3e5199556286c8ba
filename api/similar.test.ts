import { describe, expect, it } from 'vitest';
import { cosine, isPassage, resemblance } from './similar.js';

describe('passage search', () => {
  it('treats text longer than a phrase as a passage', () => {
    expect(isPassage('冷链物流')).toBe(false);
    expect(isPassage('加快推进冷链物流基础设施建设，完善农产品产地冷藏保鲜设施网络，支持企业建设区域性冷链物流配送中心')).toBe(true);
  });

  it('ranks a reworded measure above an unrelated one by the subject words they share', () => {
    const passage = '加快建设冷链物流基础设施，完善农产品冷藏保鲜设施网络，建设区域性冷链配送中心。';
    const reworded = '推进冷链物流基础设施建设，健全农产品产地冷藏保鲜设施，布局冷链配送中心。';
    const unrelated = '推动5G基站建设，扩大千兆光网覆盖，发展工业互联网平台。';
    expect(resemblance(passage, reworded)).toBeGreaterThan(0.3);
    expect(resemblance(passage, reworded)).toBeGreaterThan(resemblance(passage, unrelated) + 0.2);
  });

  it('computes a cosine in [0, 1]', () => {
    const a = new Map([['冷链', 2], ['物流', 1]]);
    expect(cosine(a, a)).toBeCloseTo(1);
    expect(cosine(a, new Map([['基站', 1]]))).toBe(0);
    expect(cosine(a, new Map())).toBe(0);
  });
});
