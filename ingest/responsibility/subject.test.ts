import { describe, expect, it } from 'vitest';
import { subjectParties } from './subject.js';

const subject = (s: string) => {
  const r = subjectParties(s, 0, s.length);
  return r && s.slice(r.start, r.end);
};

describe('parties as the subject of the sentence', () => {
  it('reads a list of organs before 要 / 负责 / 牵头', () => {
    expect(subject('市商务局、市财政局要建立协调机制，定期研究。')).toBe('市商务局、市财政局');
    expect(subject('各级各有关部门要从讲政治的高度，做好工作。')).toBe('各级各有关部门');
    expect(subject('县经贸、统计、工商等部门要加强统计监测。')).toBe('县经贸、统计、工商等部门');
    expect(subject('区绩效考评机构要将目标任务纳入考核。')).toBe('区绩效考评机构');
  });

  it('does not read an ordinary sentence start as a party', () => {
    expect(subject('加快推进网上审批，完善服务大厅功能。')).toBeUndefined();
    expect(subject('重点景区要延长开放时间。')).toBeUndefined();
    expect(subject('从2023年第一季度开始，各责任单位要报送进展。')).toBeUndefined();
  });
});
