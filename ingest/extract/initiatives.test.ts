import { describe, expect, it } from 'vitest';
import { extractInitiatives, initiativeRejection } from './initiatives.js';

const names = (t: string): string[] => extractInitiatives(t).map((i) => i.name);

describe('extractInitiatives', () => {
  it('finds named programmes and platforms with stable ids', () => {
    const text = '上线“惠民通”应用程序，举办“云购节”网上促销，实施“百村千店”工程，用好“英才计划”相关政策。';
    expect(extractInitiatives(text)).toEqual([
      { id: 'init:惠民通', name: '惠民通' },
      { id: 'init:云购节', name: '云购节' },
      { id: 'init:百村千店', name: '百村千店' },
      { id: 'init:英才计划', name: '英才计划' },
    ]);
  });

  it('normalises full-width forms so the same programme gets one id across documents', () => {
    expect(extractInitiatives('开发“ＡＢＣ惠购”ＡＰＰ')[0]?.id).toBe(extractInitiatives('推广“ABC惠购”APP')[0]?.id);
  });

  it('rejects slogans, formulae and generic terms', () => {
    const text =
      '落实“四个全面”要求，坚持“五位一体”，营造“能消费、敢消费、愿消费”氛围，推进“互联网+”行动，' +
      '发展“首店经济”，推广“一站式”服务，开展“双随机、一公开”监管，解决“最后一公里”问题，' +
      '做到“同款同价”，以科技手段堵住“化整为零”走私风险，推广“店仓一体”，发展“区域性供应链”，培育“小而美”店铺，深化“放管服”改革，争创“第一方阵”，打造“智慧商圈”，推广“专业+直播”模式。';
    expect(names(text)).toEqual([]);
  });

  it('explains each rejection', () => {
    expect(initiativeRejection('三个着力')).toBe('numbered formula');
    expect(initiativeRejection('能消费、敢消费')).toBe('enumeration');
    expect(initiativeRejection('人工智能+')).toBe('formula');
    expect(initiativeRejection('共享用工', '需求的企业')).toBe('generic concept');
    expect(initiativeRejection('网农对接', '活动')).toBeUndefined();
  });

  it('keeps short names only before a programme noun', () => {
    expect(names('开展“净网”专项行动')).toEqual(['净网']);
    expect(names('推动“出海”')).toEqual([]);
  });

  it('applies the noun after a run of quoted items to all of them', () => {
    expect(names('开发“轻旅游”、“微度假”型产品')).toEqual([]);
    expect(names('鼓励“天津礼物”、“津农精品”等打造旗舰店')).toEqual(['天津礼物', '津农精品']);
  });

  it('rejects themes and product styles, keeps brands listed before a generic noun', () => {
    expect(names('围绕“老街故事”等特色主题，推出“津味系列”、“国风新品”')).toEqual([]);
    expect(names('提升“津农精品”、“天津礼物”等知名产品品牌竞争力')).toEqual(['津农精品', '天津礼物']);
  });

  it('ignores quotes inside a cited title and deduplicates', () => {
    expect(names('贯彻《关于“乐购节”的通知》，办好“乐享周”，再办“乐享周”')).toEqual(['乐享周']);
  });
});
