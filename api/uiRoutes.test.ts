import { describe, expect, it } from 'vitest';
import { classifyRoute } from './uiRoutes.js';

describe('classifyRoute', () => {
  it('knows the static views and the views of one node', () => {
    expect(classifyRoute('/explore')).toEqual({ kind: 'static' });
    expect(classifyRoute('/themes/')).toEqual({ kind: 'static' });
    expect(classifyRoute(`/departments/${encodeURIComponent('市商务局')}`)).toEqual({ kind: 'department', key: '市商务局' });
    expect(classifyRoute('/lineage/m%3Aabc%3A001')).toEqual({ kind: 'measure', key: 'm:abc:001' });
    expect(classifyRoute('/lineage/m%3Aabc%3A001/print')).toEqual({ kind: 'measure', key: 'm:abc:001' });
  });

  it('calls everything else unknown, malformed escapes included', () => {
    expect(classifyRoute('/nowhere')).toEqual({ kind: 'unknown' });
    expect(classifyRoute('/themes/a/b')).toEqual({ kind: 'unknown' });
    expect(classifyRoute('/documents/a/print')).toEqual({ kind: 'unknown' });
    expect(classifyRoute('/themes/%E0%A4%A')).toEqual({ kind: 'unknown' });
  });
});
