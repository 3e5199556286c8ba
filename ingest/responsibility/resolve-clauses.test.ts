import { describe, expect, it } from 'vitest';
import { loadDepartmentReference } from '../resolve/departments.js';
import type { SourceSpan } from '../types.js';
import { resolveMeasureParties, separateConjoined } from './resolve-clauses.js';

const ref = loadDepartmentReference();
const span: SourceSpan = { file: 'x.txt', startLine: 1, endLine: 1, startOffset: 0, endOffset: 1 };
const roles = (m: Parameters<typeof resolveMeasureParties>[0]) =>
  resolveMeasureParties(m, ref, {}).parties.map((p) => [p.asWritten, p.role]);

describe('responsibility handed to resolve', () => {
  it('gives labelled clauses their role, and makes the rest support once a lead is named', () => {
    expect(roles({ responsibleText: '', responsibleClauses: [{ text: '市商务局', span, role: 'lead' }, { text: '市财政局、市发展改革委', span }] })).toEqual([
      ['市商务局', 'lead'],
      ['市财政局', 'support'],
      ['市发展改革委', 'support'],
    ]);
  });

  it('keeps a list without lead joint, and a sole party lead', () => {
    expect(roles({ responsibleText: '', responsibleClauses: [{ text: '市商务局、市财政局', span }] })).toEqual([
      ['市商务局', 'joint'],
      ['市财政局', 'joint'],
    ]);
    expect(roles({ responsibleText: '', responsibleClauses: [{ text: '市商务局', span }] })).toEqual([['市商务局', 'lead']]);
  });

  it('makes the one party with no role lead when the others are written as support (X要…，Y要积极配合), and keeps several joint', () => {
    expect(roles({ responsibleText: '', responsibleBySubject: true, responsibleClauses: [{ text: '市商务局', span }, { text: '市财政局', span, role: 'support' }] })).toEqual([
      ['市商务局', 'lead'],
      ['市财政局', 'support'],
    ]);
    expect(roles({ responsibleText: '', responsibleBySubject: true, responsibleClauses: [{ text: '市商务局', span }, { text: '市发展改革委', span }, { text: '市财政局', span, role: 'support' }] })).toEqual([
      ['市商务局', 'joint'],
      ['市发展改革委', 'joint'],
      ['市财政局', 'support'],
    ]);
  });

  it('keeps a name with separators in its brackets whole', () => {
    expect(roles({ responsibleText: '', responsibleClauses: [{ text: '市直各有关单位、各县(市、区)人民政府', span }] }).map(([n]) => n)).toEqual([
      '市直各有关单位',
      '各县(市、区)人民政府',
    ]);
    expect(roles({ responsibleText: '', responsibleClauses: [{ text: '市人社局', span }, { text: '各县(市、区)', span, inherited: true }] })).toEqual([
      ['市人社局', 'joint'],
      ['各县(市、区)', 'joint'],
    ]);
  });

  it('reads a name in its list even when another name of the clause has separators in its brackets', () => {
    const parties = resolveMeasureParties(
      { responsibleText: '', responsibleClauses: [{ text: '各区(县、市)政府、开发园区管委会', span, role: 'support' }] },
      ref,
      { jurisdiction: '宁波市' },
    ).parties;
    expect(parties.map((p) => `${p.asWritten}/${p.kind}`)).toEqual(['各区(县、市)政府/collective', '开发园区管委会/collective']);
  });

  it('lets a clause without predicate share the 配合 after it', () => {
    expect(roles({ responsibleText: '市商务局牵头，市财政局、市发展改革委等部门，各区人民政府配合' })).toEqual([
      ['市商务局', 'lead'],
      ['市财政局', 'support'],
      ['市发展改革委', 'support'],
      ['各区人民政府', 'support'],
    ]);
  });

  it('lets a list that opens the clause share the 牵头 after it, but not a list after a role of its own', () => {
    expect(roles({ responsibleText: '合肥市,省发展改革委牵头' })).toEqual([
      ['合肥市', 'lead'],
      ['省发展改革委', 'lead'],
    ]);
    expect(roles({ responsibleText: '市商务局负责，市财政局，市发展改革委牵头' })).toEqual([
      ['市商务局', 'support'],
      ['市财政局', 'support'],
      ['市发展改革委', 'lead'],
    ]);
  });

  it('separates two parties joined by 和 only between an organ and a collective or place', () => {
    expect(separateConjoined('省财政厅和各市人民政府')).toBe('省财政厅、各市人民政府');
    expect(separateConjoined('市文化和旅游局')).toBe('市文化和旅游局');
  });
});

describe('a written lead without field labels', () => {
  it('makes the parties that share out the work by duty support the lead', () => {
    const r = resolveMeasureParties({ responsibleText: '省发展改革委牵头,省商务厅、财政厅等相关部门按职责分工负责' }, ref, { jurisdiction: '河南省' });
    expect(r.parties.map((p) => `${p.asWritten}:${p.role}`)).toEqual(['省发展改革委:lead', '省商务厅:support', '财政厅:support']);
  });
});

describe('parties read from the subjects of a notice item', () => {
  const rolesWith = (m: Parameters<typeof resolveMeasureParties>[0]) =>
    resolveMeasureParties(m, ref, { firstIsLead: true, jurisdiction: '内蒙古自治区' }).parties.map((p) => [p.asWritten, p.role]);
  const subjects = [{ text: '自治区党委、政府', span }, { text: '各牵头单位', span }, { text: '自治区党委办公厅', span }];

  it('are not governed by the first-is-lead convention of the task lists', () => {
    expect(rolesWith({ responsibleText: '', responsibleClauses: subjects, responsibleBySubject: true }).map(([, r]) => r)).toEqual(['joint', 'joint', 'joint', 'joint']);
    expect(rolesWith({ responsibleText: '农牧业厅、发展改革委、财政厅等' }).map(([, r]) => r)).toEqual(['lead', 'support', 'support']);
  });

  it('do not take 各牵头单位 for a lead by its name', () => {
    expect(roles({ responsibleText: '', responsibleClauses: [{ text: '各牵头单位', span }, { text: '市政府办公室', span }] })).toEqual([
      ['各牵头单位', 'joint'],
      ['市政府办公室', 'joint'],
    ]);
  });
});
