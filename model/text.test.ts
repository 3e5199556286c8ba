import { describe, expect, it } from 'vitest';
import { isMatchingForm, normalise, normaliseWithMap, toSimplified } from './text.js';

describe('matching form', () => {
  it('reads a traditional-script copy like its simplified original', () => {
    expect(normalise('（省發展改革委牽頭，市級各有關部門按職責分工負責）')).toBe('(省发展改革委牵头,市级各有关部门按职责分工负责)');
    expect(normalise('東府〔2021〕54號')).toBe('东府〔2021〕54号');
  });

  it('keeps one code unit for one, so offsets into the original hold', () => {
    const original = '廣東省 發展改革委';
    const { text, map } = normaliseWithMap(original);
    expect(text).toBe('广东省发展改革委');
    expect(map.map((i) => original[i])).toEqual([...'廣東省發展改革委']);
  });

  it('leaves simplified text as it is, including characters that are also traditional forms', () => {
    for (const s of ['乾县', '显著提升', '于是', '市发展改革委']) expect(normalise(s)).toBe(s);
  });

  it('knows text that is already in matching form', () => {
    expect(isMatchingForm('市发展改革委牵头')).toBe(true);
    expect(isMatchingForm('市發展改革委牽頭')).toBe(false);
    expect(isMatchingForm('市商务局 负责')).toBe(false);
    expect(isMatchingForm('（市商务局）')).toBe(false);
  });
});

describe("a reposting site's pinyin annotations", () => {
  it('are dropped from the matching form, inside names and numbers too', () => {
    expect(normalise('省通信管理(lǐ)局、省工(gōng)業和信息化廳')).toBe('省通信管理局、省工业和信息化厅');
    expect(normalise('成府發(fā)〔2014〕7號')).toBe('成府发〔2014〕7号');
    expect(normalise('創新(xīn)發展集聚區(qū)')).toBe('创新发展集聚区');
  });

  it('keep offsets into the original', () => {
    const original = '絳政辦發(fā)〔2023〕14號';
    const { text, map } = normaliseWithMap(original);
    expect(text).toBe('绛政办发〔2023〕14号');
    expect(map.map((i) => original[i])).toEqual([...'絳政辦發〔2023〕14號']);
  });

  it('are only a bracket of toned pinyin after a Han character', () => {
    expect(normalise('完成寬帶核心網絡向TB(太字節)演進')).toBe('完成宽带核心网络向TB(太字节)演进');
    expect(normalise('项目(a)和项目(b)')).toBe('项目(a)和项目(b)');
    expect(normalise('接入网(IPv6)升级')).toBe('接入网(IPv6)升级');
    expect(normalise('x(fā)')).toBe('x(fā)');
  });

  it('make a text not its own matching form, and are dropped for head readers', () => {
    expect(isMatchingForm('发(fā)展')).toBe(false);
    expect(toSimplified('關于印發(fā)絳縣實施方案的通知')).toBe('关于印发绛县实施方案的通知');
  });
});
