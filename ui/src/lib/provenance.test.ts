import { describe, expect, it } from 'vitest';
import { fileName, lineRange, readableEvidence } from './provenance.js';

describe('provenance', () => {
  it('shows the file name, not the path', () => {
    expect(fileName('seeds/003_天津市.txt')).toBe('003_天津市.txt');
    expect(lineRange(67, 67)).toBe('67');
    expect(lineRange(3, 5)).toBe('3–5');
  });

  it('gives evidence in the casing of the text', () => {
    expect(readableEvidence('5g', ['加快\n5G 基站建设'])).toEqual({ text: '5G', target: false });
    expect(readableEvidence('5g基站 (target)', ['建成5G基站1万个'])).toEqual({ text: '5G基站', target: true });
  });
});
