import { describe, expect, it } from 'vitest';
import { placeOfDocument } from './jurisdiction.js';
import { parentOfCounty, placesNamedIn } from './places.js';

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

  it('counts the places a text names, a city also by its short name, no generic two-character district', () => {
    const named = placesNamedIn('天津市和天津的城区、郊区，以及泾县和蓟州区。');
    const count = (name: string) => named.find((p) => p.name === name)?.count;
    expect(count('天津市')).toBe(2);
    expect(count('蓟州区')).toBe(1);
    expect(count('泾县')).toBe(1);
    expect(named.find((p) => p.name === '城区' || p.name === '郊区')).toBeUndefined();
    expect(named.find((p) => p.name === '泾县')?.parents).toEqual(['宣城市']);
  });
});
