import { describe, expect, it } from 'vitest';
import { placeFromText, placeOf, placeOfDocument } from './jurisdiction.js';

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

  it('names the place of a traditional-script copy as its original does', () => {
    expect(placeOf('東莞市人民政府')).toEqual({ level: 'municipal', jurisdiction: '东莞市' });
    expect(placeOf('廣東省推進粵港澳大灣區建設領導小組')).toEqual({ level: 'provincial', jurisdiction: '广东省' });
  });

  it('names no place for relative or generic names, addressees and titles that start with a verb', () => {
    for (const name of ['市商务局', '区人民政府办公室', '自治区人民政府办公厅', '自治区发展改革委', '各区人民政府', '关于加快西宁市流通业发展的实施意见', '为推动我市冷链产业高质量发展', '现将天津市贯彻落实《扎实稳住经济的一揽子政策措施》实施方', '印发包头市创建国家文化和旅游消费示范城市实施方案的通知']) {
      expect(placeOf(name), name).toBeUndefined();
    }
  });

  it('prefers the issuers, then the title', () => {
    expect(placeOfDocument(['市商务局', '北京市人民政府办公厅'], '天津市促进消费实施方案')).toEqual({ level: 'municipal', jurisdiction: '北京市' });
    expect(placeOfDocument([], '杭州市推进“互联网+”行动实施意见')).toEqual({ level: 'municipal', jurisdiction: '杭州市' });
    expect(placeOfDocument([], '京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈要点〉的通知')).toEqual({ level: 'municipal', jurisdiction: '北京市' });
  });

  it('reads the government a portal’s 来源 field names, when the issuer and the title name none', () => {
    expect(placeOf('来源:华容县政府   2021-03-23 10:56')).toEqual({ level: 'district', jurisdiction: '华容县' });
    expect(placeOfDocument(['县人民政府办公室'], '2021年县政府重点工作任务', '来源:华容县政府   2021-03-23 10:56')?.jurisdiction).toBe('岳阳市华容县');
    expect(placeOf('来源:人民网')).toBeUndefined();
  });

  it('reads the place of a text without an issuer from how it speaks of itself and the places it names', () => {
    // A city's plan names its districts more often than the city.
    expect(placeFromText('推动本市旅游发展。推进蓟州区、和平区创建示范区，支持西青区、津南区建设特色小镇，打造幸福天津。（市文化和旅游局牵头）')).toMatchObject({ level: 'municipal', jurisdiction: '天津市' });
    // A district's measures: 全区 and 区X局 parties; the district is written with its city.
    expect(placeFromText('促进全区经济发展，结合官渡区实际，制定本措施。(区发改局牵头,区财政局配合)')).toMatchObject({ level: 'district', jurisdiction: '昆明市官渡区' });
    // A province.
    expect(placeFromText('全省各地要抓好落实，四川省商务厅牵头。（省发展改革委、省财政厅按职责分工负责）')).toMatchObject({ level: 'provincial', jurisdiction: '四川省' });
    // An autonomous region also says 全区.
    expect(placeFromText('全区各级各部门要推动广西壮族自治区高质量发展，广西各市要抓好落实。')).toMatchObject({ level: 'provincial', jurisdiction: '广西壮族自治区' });
    // A region's text that names its own organs 自治区X, even after a full stop, and never says 全区.
    expect(
      placeFromText('要加强督查。自治区党委、政府要组织专项督查组，由自治区党委办公厅通报。把内蒙古自治区作为重点。(农牧业厅、发展改革委等)'),
    ).toMatchObject({ level: 'provincial', jurisdiction: '内蒙古自治区' });
    // A traditional-script repost names its place as the gazetteer does not (鹹陽, 山(shān)東).
    expect(placeFromText('推動全市發展，把鹹陽建設成為西部名市。（市發展改革委牽頭）')).toMatchObject({ level: 'municipal', jurisdiction: '咸阳市' });
    expect(placeFromText('全省數字經濟增長。實施山(shān)東OTN一體化工程。(責任單位:省财政廳)')).toMatchObject({ level: 'provincial', jurisdiction: '山东省' });
  });

  it('gives only the level when no place clearly leads, and nothing without a level', () => {
    const tie = placeFromText('本市加强与杭州市、宁波市的合作。');
    expect(tie).toMatchObject({ level: 'municipal' });
    expect(tie?.jurisdiction).toBeUndefined();
    expect(tie?.evidence).toMatch(/杭州市/u);
    // Places named in passing, with no 本市 / 全区 / 市X局: no evidence of where the text is from.
    expect(placeFromText('武汉、长沙等城市开展试点，推广北京经验。')).toBeUndefined();
    // 城市规划 is not a party 市规划局.
    expect(placeFromText('加强城市规划局部调整，完善城市管理办法。')).toBeUndefined();
  });
});
