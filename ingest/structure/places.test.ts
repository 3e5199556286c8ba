import { describe, expect, it } from 'vitest';
import { placeOfDocument } from './jurisdiction.js';
import { parentOfCounty } from './places.js';

describe('the gazetteer places a district or county in its city', () => {
  it('places a name with one parent', () => {
    expect(parentOfCounty('蔡甸区', '')).toBe('武汉市');
    expect(parentOfCounty('和平区', '天津市商务局')).toBe('天津市');
  });

  it('finds a county under its present name after 撤县设区', () => {
    expect(parentOfCounty('沙县', '')).toBe('三明市');
  });

  it('leaves a name shared by several cities alone unless the document names one', () => {
    expect(parentOfCounty('朝阳区', '')).toBeUndefined();
    expect(parentOfCounty('朝阳区', '北京市朝阳区人民政府')).toBe('北京市');
  });

  it('gives a document signed by a district alone the full jurisdiction', () => {
    expect(placeOfDocument(['黎城县人民政府'], '关于印发县域商业体系建设实施方案的通知')).toEqual({ level: 'district', jurisdiction: '长治市黎城县' });
    expect(placeOfDocument(['杭州市西湖区人民政府'], undefined)).toEqual({ level: 'district', jurisdiction: '杭州市西湖区' });
  });
});
