import { describe, expect, it } from 'vitest';
import { readablePath } from './path.js';

const zh = { tableRow: '表格第 {n} 行', task: '{item} 第 {n} 项' };
const en = { tableRow: 'table row {n}', task: '{item}, task {n}' };

describe('readablePath', () => {
  it('names a table row and a task inside an item in each language', () => {
    expect(readablePath('row 52', zh)).toBe('表格第 52 行');
    expect(readablePath('row 52', en)).toBe('table row 52');
    expect(readablePath('三、(四)#1', zh)).toBe('三、(四) 第 1 项');
    expect(readablePath('三、(四)#2', en)).toBe('三、(四), task 2');
    expect(readablePath('row 7#2', zh)).toBe('表格第 7 行 第 2 项');
  });

  it('keeps a prose path as written', () => {
    expect(readablePath('三、（四）', zh)).toBe('三、（四）');
  });
});
