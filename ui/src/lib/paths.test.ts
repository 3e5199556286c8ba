import { describe, expect, it } from 'vitest';
import { translate } from './i18n.js';
import { readablePath } from './paths.js';

describe('readablePath', () => {
  const zh = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh', key, params);
  it('turns a table row and an item number into Chinese', () => {
    expect(readablePath('row 52', zh)).toBe('分工表第 52 项');
    expect(readablePath('二、(三)#2', zh)).toBe('二、(三) 第 2 条');
    expect(readablePath(null, zh)).toBe('');
  });
});
