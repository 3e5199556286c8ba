import { describe, expect, it } from 'vitest';
import { inSourceOrder } from './responsibilities.js';

describe('inSourceOrder', () => {
  it('orders departments as the text names them, unknown ones last', () => {
    const r = (name: string, role = 'joint', asWritten: string | null = name) => ({ role, asWritten, department: { id: name, name } });
    const list = [r('市发展改革委', 'lead'), r('市商务局'), r('其他'), r('市工业和信息化局', 'joint', '市工信局')];
    const ordered = inSourceOrder(list, '市工信局、市商务局、市发展改革委按职责分工负责');
    expect(ordered.map((x) => x.department.name)).toEqual(['市工业和信息化局', '市商务局', '市发展改革委', '其他']);
  });
});
