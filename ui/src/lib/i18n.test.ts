import { describe, expect, it } from 'vitest';
import { translate } from './i18n.js';

describe('translate', () => {
  it('defaults to Chinese wording and fills parameters', () => {
    expect(translate('zh', 'nodesCount', { n: 3, e: 2 })).toBe('3 个节点，2 条关系');
    expect(translate('en', 'nodesCount', { n: 3, e: 2 })).toBe('3 nodes, 2 relationships');
  });
  it('leaves an unknown placeholder visible rather than blank', () => {
    expect(translate('en', 'versionOf', { from: 2017 })).toBe('2017 → {to}');
  });
});
