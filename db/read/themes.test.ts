import { describe, expect, it } from 'vitest';
import { compactName, looseThemeMatch, type ThemeRecord } from './themes.js';

const theme = (id: string, name: string, nameEn: string, synonyms: string[] = [], measureCount = 1): ThemeRecord => ({ id, name, nameEn, synonyms, measureCount });

describe('loose theme names', () => {
  const themes = [
    theme('a', '冷链物流', 'Cold-chain logistics', ['冷链', '冷库']),
    theme('b', '物流快递', 'Logistics and express delivery', ['快递']),
    theme('c', '电子商务', 'E-commerce', ['电商']),
    theme('d', '跨境电商', 'Cross-border e-commerce', ['跨境电子商务']),
  ];

  it('compacts names to letters and digits', () => {
    expect(compactName('Cold-chain  Logistics')).toBe('coldchainlogistics');
    expect(compactName('５Ｇ 网络')).toBe('5g网络');
  });

  it('finds a theme by part of its English name, ignoring case, spaces and hyphens', () => {
    expect(looseThemeMatch('cold chain', themes)?.id).toBe('a');
    expect(looseThemeMatch('COLD-CHAIN', themes)?.id).toBe('a');
  });

  it('prefers the shortest name that contains the query', () => {
    expect(looseThemeMatch('logistics', themes)?.id).toBe('b');
    expect(looseThemeMatch('commerce', themes)?.id).toBe('c');
    expect(looseThemeMatch('电商', themes)?.id).toBe('c');
  });

  it('does not guess from a single character or a name nobody carries', () => {
    expect(looseThemeMatch('e', themes)).toBeNull();
    expect(looseThemeMatch('quantum', themes)).toBeNull();
  });
});
