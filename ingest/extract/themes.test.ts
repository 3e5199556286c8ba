import { describe, expect, it } from 'vitest';
import { compileThemes, extractThemes, loadThemes, themeNodes } from './themes.js';
import { normalise } from '../normalise.js';

const taxonomy = loadThemes('seeds/reference/themes.json');
const ids = (text: string): string[] => extractThemes(normalise(text), taxonomy).map((m) => m.themeId);

describe('theme taxonomy file', () => {
  it('has 25–60 themes, each with Chinese and English names and synonyms', () => {
    expect(taxonomy.themes.length).toBeGreaterThanOrEqual(25);
    expect(taxonomy.themes.length).toBeLessThanOrEqual(60);
    for (const t of taxonomy.themes) {
      expect(t.name).toMatch(/\p{Script=Han}/u);
      expect(t.nameEn).toMatch(/[A-Za-z]/u);
      expect(t.synonyms.length).toBeGreaterThan(0);
    }
  });

  it('themeNodes gives Theme nodes with name, nameEn and synonyms', () => {
    const node = themeNodes(taxonomy).find((n) => n.id === 'theme:cold-chain')!;
    expect(node.labels).toEqual(['Theme']);
    expect(node.properties.name).toBe('冷链物流');
    expect(node.properties.nameEn).toBe('Cold-chain logistics');
    expect(node.properties.synonyms).toContain('冷链');
  });
});

describe('extractThemes', () => {
  it('tags 5G under either name, with the matched words as evidence', () => {
    const m = extractThemes(normalise('加快第五代移动通信网络部署，到2025年新建5G基站1万个。'), taxonomy);
    expect(m.find((x) => x.themeId === 'theme:5g')?.evidence).toEqual(['第五代移动通信', '5G']);
  });

  it('matches Latin synonyms as whole tokens only, case-insensitively', () => {
    expect(ids('推进5g网络覆盖')).toContain('theme:5g');
    expect(ids('型号A5G1的设备')).not.toContain('theme:5g');
  });

  it('prefers the longest phrase: 跨境电商 is cross-border, not also generic e-commerce at the same place', () => {
    expect(ids('支持跨境电子商务企业建设海外仓')).toEqual(['theme:cross-border-ecommerce']);
    expect(ids('支持跨境电商和农村电商发展，培育电商主体')).toEqual([
      'theme:cross-border-ecommerce',
      'theme:ecommerce',
      'theme:rural-ecommerce',
    ]);
  });

  it('reports the longest words of one theme (冷链物流, not 冷链 inside it)', () => {
    const m = extractThemes(normalise('建设冷链物流园区和产地冷库'), taxonomy);
    expect(m.find((x) => x.themeId === 'theme:cold-chain')?.evidence).toEqual(['冷链物流', '冷库']);
    expect(m.map((x) => x.themeId)).not.toContain('theme:logistics');
  });

  it('honours exclusions: 信用保险 is not the credit system, 养老保险 is not elderly care', () => {
    expect(ids('鼓励开展国内贸易信用保险业务')).not.toContain('theme:credit-system');
    expect(ids('完善企业信用记录，开展守信激励')).toContain('theme:credit-system');
    expect(ids('落实城乡居民养老保险政策')).not.toContain('theme:elderly-care');
    expect(ids('发展社区养老服务')).toContain('theme:elderly-care');
  });

  it('recognises the recurring subjects of the genre', () => {
    const cases: [string, string][] = [
      ['推动津门老字号焕新发展', 'theme:old-brands'],
      ['建设中国特色市内免税店', 'theme:duty-free'],
      ['引进品牌首店，发展首发经济', 'theme:first-store-economy'],
      ['开展家电以旧换新促销', 'theme:trade-in'],
      ['打造智慧商圈示范项目', 'theme:smart-business-districts'],
      ['开展智能网联汽车道路测试', 'theme:connected-vehicles'],
      ['加快互联网医院建设', 'theme:internet-healthcare'],
      ['发展在线教育服务', 'theme:online-education'],
      ['推动家政服务提质扩容', 'theme:housekeeping'],
      ['发展普惠托育服务', 'theme:childcare'],
      ['推进电子商务进农村综合示范', 'theme:rural-ecommerce'],
      ['鼓励直播带货等新模式', 'theme:live-streaming'],
    ];
    for (const [text, id] of cases) expect(ids(text), text).toContain(id);
  });

  it('gives no tag without evidence', () => {
    expect(extractThemes(normalise('加强组织领导，强化督促检查。'), taxonomy)).toEqual([]);
  });

  it('refuses a taxonomy with duplicate ids', () => {
    const t = { id: 'a', name: '甲', nameEn: 'A', synonyms: ['甲'], exclusions: [] };
    expect(() => compileThemes([t, t])).toThrow(/twice/);
  });
});

describe('scope mentions', () => {
  it('does not tag a theme named only as one item of a long enumeration or an 等…领域 scope', () => {
    expect(ids('在养老、育幼、文化、旅游等领域引进和培育一批服务品牌')).not.toContain('theme:tourism');
    expect(ids('丰富旅游、教育等消费领域专项服务')).not.toContain('theme:tourism');
    expect(ids('推动商场、景区、体育场馆打造消费新空间')).not.toContain('theme:sports');
  });

  it('tags it as soon as one occurrence stands outside the list, or the list names quoted models', () => {
    expect(ids('在养老、育幼、文化、旅游等领域培育品牌，建设旅游集散中心')).toContain('theme:tourism');
    expect(ids('拓展“直播+商品”、“直播+旅游”、“直播+文化”等营销模式')).toContain('theme:live-streaming');
  });
});
