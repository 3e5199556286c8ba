import { describe, expect, it } from 'vitest';
import { normalise } from '../normalise.js';
import { isStockWord, measureTerms, subjectText } from './terms.js';

describe('measureTerms', () => {
  it('drops the responsibility parenthetical and the departments named in it', () => {
    const text = normalise('建设冷链物流基地。（市商务局、市发展改革委等部门按职责分工负责）');
    expect(subjectText(text)).not.toMatch(/商务局|按职责/u);
    const terms = measureTerms(normalise('推动市商务局联合企业建设冷链物流基地'), ['市商务局']);
    expect(terms.words.join(' ')).not.toContain('商务局');
    expect(terms.words).toContain('冷链');
  });

  it('keeps quoted programme names whole, whatever the segmenter does with them', () => {
    const terms = measureTerms(normalise('上线“蓉易办”应用，举办“双品网购节”，落实《城市便利店建设规范》'));
    expect(terms.quoted).toEqual(expect.arrayContaining(['蓉易办', '双品网购节', '城市便利店建设规范']));
  });

  it('keeps Latin topic tokens and drops numbers and dates', () => {
    const terms = measureTerms(normalise('到 2025 年建成 5G 基站 3 万个，部署 C-V2X 网络'));
    expect(terms.words).toEqual(expect.arrayContaining(['5g', '基站']));
    expect(terms.words.some((w) => /^\d+$/u.test(w) || w.includes('2025'))).toBe(false);
  });

  it('pairs adjacent words inside a clause only', () => {
    const terms = measureTerms(normalise('建设冷链物流基地，完善社区商业'));
    const phrases = terms.phrases.map(([a, b]) => a + b);
    expect(phrases).toContain('冷链物流');
    expect(phrases.some((p) => p.includes('基地') && p.includes('完善'))).toBe(false);
  });
});

describe('isStockWord', () => {
  it('knows the genre’s stock verbs and their compounds, not subjects', () => {
    expect(isStockWord('推动')).toBe(true);
    expect(isStockWord('工作力度')).toBe(true);
    expect(isStockWord('服务水平')).toBe(true);
    expect(isStockWord('冷链')).toBe(false);
    expect(isStockWord('互联网医院')).toBe(false);
  });
});
