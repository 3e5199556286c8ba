import { describe, expect, it } from 'vitest';
import { placeOf, placeOfDocument } from './jurisdiction.js';

describe('jurisdiction and level', () => {
  it('reads the level and place of an issuing organ', () => {
    const cases: [string, string, string][] = [
      ['国务院办公厅', 'national', '国家'],
      ['商务部', 'national', '国家'],
      ['国家发展改革委', 'national', '国家'],
      ['陕西省人民政府办公厅', 'provincial', '陕西省'],
      ['广西壮族自治区人民政府', 'provincial', '广西壮族自治区'],
      ['四川省发展和改革委员会', 'provincial', '四川省'],
      ['重庆市人民政府办公厅', 'municipal', '重庆市'],
      ['运城市人民政府办公厅', 'municipal', '运城市'],
      ['吕梁市商务局', 'municipal', '吕梁市'],
      ['中共岳阳市委办公室', 'municipal', '岳阳市'],
      ['天津市滨海新区人民政府办公室', 'district', '天津市滨海新区'],
      ['三明市沙县人民政府', 'district', '三明市沙县'],
      ['浙江省杭州市西湖区人民政府', 'district', '杭州市西湖区'],
      ['蔡甸区人民政府办公室', 'district', '蔡甸区'],
    ];
    for (const [name, level, jurisdiction] of cases) expect(placeOf(name), name).toEqual({ level, jurisdiction });
  });

  it('names no place for relative or generic names, addressees and titles that start with a verb', () => {
    for (const name of ['市商务局', '区人民政府办公室', '各区人民政府', '关于加快西宁市流通业发展的实施意见', '为推动我市冷链产业高质量发展']) {
      expect(placeOf(name), name).toBeUndefined();
    }
  });

  it('prefers the issuers, then the title', () => {
    expect(placeOfDocument(['市商务局', '北京市人民政府办公厅'], '天津市促进消费实施方案')).toEqual({ level: 'municipal', jurisdiction: '北京市' });
    expect(placeOfDocument([], '杭州市推进“互联网+”行动实施意见')).toEqual({ level: 'municipal', jurisdiction: '杭州市' });
    expect(placeOfDocument([], '京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈要点〉的通知')).toEqual({ level: 'municipal', jurisdiction: '北京市' });
  });
});
