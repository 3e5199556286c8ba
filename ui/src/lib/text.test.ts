import { describe, expect, it } from 'vitest';
import { readableText } from './text.js';

describe('readableText', () => {
  it('joins layout line breaks and blank lines inside a sentence', () => {
    expect(readableText('正式上线“津体惠”应用程\n\n序（APP），整合体育')).toBe('正式上线“津体惠”应用程序（APP），整合体育');
  });
  it('keeps a numbered item on its own line', () => {
    expect(readableText('第一项内容。\n（二）第二项\n内容。\n3．第三项')).toBe('第一项内容。\n（二）第二项内容。\n3．第三项');
  });
  it('leaves a one-line text unchanged', () => {
    expect(readableText('加快5G网络建设')).toBe('加快5G网络建设');
  });
});
