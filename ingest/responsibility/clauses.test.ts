import { describe, expect, it } from 'vitest';
import { isResponsibility, readResponsibility } from './clauses.js';

const read = (s: string) => {
  const r = readResponsibility(s, 0, s.length);
  return { labelled: r.labelled, clauses: r.clauses.map((c) => [s.slice(c.start, c.end), c.role]), deadline: r.deadline && [s.slice(r.deadline.start, r.deadline.end), r.deadline.date] };
};

describe('responsibility clauses', () => {
  it('recognises responsibility brackets, labelled or by their predicate', () => {
    expect(isResponsibility('责任单位:市商务局')).toBe(true);
    expect(isResponsibility('牵头单位:省商务厅;配合单位:省财政厅')).toBe(true);
    expect(isResponsibility('市商务局牵头,相关部门按职责分工负责')).toBe(true);
    expect(isResponsibility('APP')).toBe(false);
    expect(isResponsibility('含6亩')).toBe(false);
  });

  it('never keeps a label in a name, and gives each field its role', () => {
    expect(read('责任单位：区商务局、区文化和旅游局')).toEqual({ labelled: true, clauses: [['区商务局、区文化和旅游局', undefined]], deadline: undefined });
    expect(read('牵头单位：区文化和旅游局  配合单位：区商务局、各街道办事处')).toMatchObject({
      clauses: [['区文化和旅游局', 'lead'], ['区商务局、各街道办事处', 'support']],
    });
    expect(read('牵头单位:省商务厅;配合单位:省财政厅')).toMatchObject({ clauses: [['省商务厅', 'lead'], ['省财政厅', 'support']] });
  });

  it('reads a deadline field and a time phrase standing alone in the bracket', () => {
    expect(read('责任单位：区商务局\n完成时限：2019年底前')).toMatchObject({ clauses: [['区商务局', undefined]], deadline: ['2019年底前', '2019-12-31'] });
    expect(read('区委宣传部负责，长期坚持')).toMatchObject({ labelled: false, clauses: [['区委宣传部负责', undefined]], deadline: ['长期坚持', undefined] });
  });

  it('reads 牵头责任单位 / 协同责任单位 as lead and support, and names no party from a leader field', () => {
    expect(read('牵头负责领导:刘惠。\n牵头责任单位:省发展改革委。\n协同责任单位:省政府各部门、各直属机构。')).toMatchObject({
      clauses: [['省发展改革委', 'lead'], ['省政府各部门、各直属机构', 'support']],
    });
    expect(read('牵头领导:省政府分管领导同志\n牵头单位:省财政厅\n责任单位:省税务局')).toMatchObject({
      clauses: [['省财政厅', 'lead'], ['省税务局', undefined]],
    });
  });

  it('keeps the closing parenthesis of a name that ends a clause', () => {
    expect(read('牵头单位:区卫健局;责任单位:区疫情防控指挥部成员单位、各街办(新区)')).toMatchObject({
      clauses: [['区卫健局', 'lead'], ['区疫情防控指挥部成员单位、各街办(新区)', undefined]],
    });
    expect(read('责任单位：各县(市、区)人民政府）')).toMatchObject({ clauses: [['各县(市、区)人民政府', undefined]] });
  });

  it('drops contact fields after the parties', () => {
    expect(read('责任单位：市市场监督管理局 联系人：孙某 联系电话：3236601')).toMatchObject({ clauses: [['市市场监督管理局', undefined]] });
  });
});
