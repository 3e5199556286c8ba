import { describe, expect, it } from 'vitest';
import { isMatchingForm, normalise, normaliseWithMap } from './text.js';

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
