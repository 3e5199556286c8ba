import { describe, expect, it } from 'vitest';
import { dateAt, dateLine, readDeadline } from './dates.js';

describe('dates', () => {
  it('reads Arabic, spaced, dashed and Chinese-numeral dates', () => {
    expect(dateAt('2021年8月11日')?.iso).toBe('2021-08-11');
    expect(dateAt('2021 年 8 月 11 日')?.iso).toBe('2021-08-11');
    expect(dateAt('２０２１年８月１１日')?.iso).toBe('2021-08-11');
    expect(dateAt('2023-01-03')?.iso).toBe('2023-01-03');
    expect(dateAt('二〇一七年十一月二十日')?.iso).toBe('2017-11-20');
    expect(dateAt('二○一七年十一月二十日')?.iso).toBe('2017-11-20');
    expect(dateAt('二〇〇九年三月五日')?.iso).toBe('2009-03-05');
  });

  it('takes a line for a date line only when it is nothing else', () => {
    expect(dateLine('  2021年8月11日  ')).toEqual({ iso: '2021-08-11', printed: false });
    expect(dateLine('（2015年9月15日）')).toEqual({ iso: '2015-09-15', printed: false });
    expect(dateLine('2021年8月11日印发')).toEqual({ iso: '2021-08-11', printed: true });
    expect(dateLine('2021年8月11日前完成建设')).toBeUndefined();
    expect(dateLine('2021年13月1日')).toBeUndefined();
  });

  it('reads deadlines and the last day they name', () => {
    expect(readDeadline('2023年底前')).toEqual({ date: '2023-12-31' });
    expect(readDeadline('2024年6月底前')).toEqual({ date: '2024-06-30' });
    expect(readDeadline('2024年2月底前')).toEqual({ date: '2024-02-29' });
    expect(readDeadline('2023年9月30日前')).toEqual({ date: '2023-09-30' });
    expect(readDeadline('2023年上半年')).toEqual({ date: '2023-06-30' });
    expect(readDeadline('2016年6月底前取得阶段性成果')).toEqual({ date: '2016-06-30' });
    expect(readDeadline('长期坚持')).toEqual({});
    expect(readDeadline('持续推进')).toEqual({});
    expect(readDeadline('市商务局')).toBeUndefined();
  });
});
