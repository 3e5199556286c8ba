import { describe, expect, it } from 'vitest';
import { parseMetadata } from './limits.js';

describe('import metadata', () => {
  it('accepts the four fields', () => {
    expect(parseMetadata({ year: '2023', issuedOn: '2023-05-04', jurisdiction: ' 浙江省 ', level: 'provincial' })).toEqual({
      metadata: { year: 2023, issuedOn: '2023-05-04', jurisdiction: '浙江省', level: 'provincial' },
      errors: [],
    });
    expect(parseMetadata({ year: '' })).toEqual({ metadata: {}, errors: [] });
  });

  it('names every bad field and what is expected', () => {
    const { errors } = parseMetadata({ year: '23', issuedOn: '2023-02-30', level: 'city', colour: 'red' });
    expect(errors).toHaveLength(4);
    expect(errors.join('\n')).toMatch(/unknown field `colour`/);
    expect(errors.join('\n')).toMatch(/`year` must be a year/);
    expect(errors.join('\n')).toMatch(/`issuedOn` must be a date/);
    expect(errors.join('\n')).toMatch(/`level` must be one of national/);
    expect(parseMetadata({ year: '2022', issuedOn: '2023-01-01' }).errors[0]).toMatch(/disagree/);
  });
});
