import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  AddLinkDocument,
  ConfirmDepartmentDocument,
  ConfirmLinkDocument,
  CurationsDocument,
  MergeDepartmentsDocument,
  RejectLinkDocument,
  SetDocumentJurisdictionDocument,
  SetDocumentYearDocument,
  SetMeasurePartiesDocument,
  UndoCurationDocument,
} from '../../generated/graphql.js';
import { useI18n } from '../../lib/i18n.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { useWriteToken } from '../../hooks/useWriteToken.js';
import { EmptyState, ErrorState, QueryBoundary } from '../../components/QueryState.js';
import { WriteTokenForm } from '../../components/WriteTokenForm.js';

const TEXT = {
  zh: {
    title: '人工更正',
    intro: '每条更正单独保存在图谱中（谁、何时、改了什么、为什么），以后每次重新导入后都会重新应用；撤销即恢复导入时的结果。',
    showUndone: '显示已撤销的',
    when: '时间',
    who: '更正人',
    what: '更正',
    target: '对象',
    why: '理由',
    state: '状态',
    undo: '撤销',
    undone: '已撤销',
    waiting: '等待其文件导入',
    applied: '已应用',
    none: '还没有人工更正。',
    add: '新增更正',
    kind: '类型',
    note: '理由（可选；新增关联时必填）',
    submit: '保存更正',
  },
  en: {
    title: 'Corrections',
    intro: 'Each correction is stored in the graph on its own (who, when, what, why) and laid over the graph again after every later ingest; undo gives back what the ingest found.',
    showUndone: 'Show undone ones',
    when: 'When',
    who: 'Who',
    what: 'Correction',
    target: 'About',
    why: 'Why',
    state: 'State',
    undo: 'Undo',
    undone: 'undone',
    waiting: 'waiting for its document',
    applied: 'applied',
    none: 'No corrections yet.',
    add: 'New correction',
    kind: 'Kind',
    note: 'Why (optional; required to add a link)',
    submit: 'Save the correction',
  },
} as const;

// The fields each kind of correction needs (ids as the explorer shows them).
const KINDS: Record<string, { label: { zh: string; en: string }; fields: string[] }> = {
  'link.reject': { label: { zh: '否定沿革关联', en: 'Reject a lineage link' }, fields: ['later', 'earlier'] },
  'link.confirm': { label: { zh: '确认沿革关联', en: 'Confirm a lineage link' }, fields: ['later', 'earlier'] },
  'link.add': { label: { zh: '补充遗漏的关联', en: 'Add a missed link' }, fields: ['later', 'earlier'] },
  'measure.parties': { label: { zh: '更正责任部门', en: "Correct a measure's department" }, fields: ['measureId', 'departmentId', 'role'] },
  'department.merge': { label: { zh: '合并两个部门', en: 'Merge two departments' }, fields: ['from', 'into'] },
  'department.confirm': { label: { zh: '确认推断的部门', en: 'Confirm an inferred department' }, fields: ['departmentId'] },
  'document.year': { label: { zh: '确认或更正年份', en: 'Confirm or correct a year' }, fields: ['documentId', 'year'] },
  'document.jurisdiction': { label: { zh: '确认或更正行政区划', en: 'Confirm or correct a jurisdiction' }, fields: ['documentId', 'jurisdiction', 'level'] },
};

const FIELD_LABEL: Record<string, { zh: string; en: string }> = {
  later: { zh: '较晚措施 id', en: 'Later measure id' },
  earlier: { zh: '较早措施 id', en: 'Earlier measure id' },
  measureId: { zh: '措施 id', en: 'Measure id' },
  departmentId: { zh: '部门 id', en: 'Department id' },
  role: { zh: '角色（lead/joint/support）', en: 'Role (lead/joint/support)' },
  from: { zh: '被合并的部门 id', en: 'Department id to merge' },
  into: { zh: '合并到部门 id', en: 'Department id to keep' },
  documentId: { zh: '文件 id', en: 'Document id' },
  year: { zh: '年份', en: 'Year' },
  jurisdiction: { zh: '行政区划', en: 'Jurisdiction' },
  level: { zh: '层级（可选）', en: 'Level (optional)' },
};

export default function CurationPage() {
  const { lang } = useI18n();
  const text = TEXT[lang];
  usePageTitle(text.title);
  const { token } = useWriteToken();
  const [includeUndone, setIncludeUndone] = useState(false);
  const { data, loading, error, refetch } = useQuery(CurationsDocument, { variables: { includeUndone }, fetchPolicy: 'cache-and-network' });
  const [undo, undoing] = useMutation(UndoCurationDocument);
  return (
    <div className="page curation-page">
      <h1>{text.title}</h1>
      <p className="hint">{text.intro}</p>
      <WriteTokenForm />
      {token && <NewCuration onSaved={() => void refetch()} />}
      <label className="check">
        <input type="checkbox" checked={includeUndone} onChange={(e) => setIncludeUndone(e.target.checked)} /> {text.showUndone}
      </label>
      {undoing.error && <ErrorState error={undoing.error} />}
      <QueryBoundary loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ curations }) =>
          curations.length === 0 ? (
            <EmptyState>{text.none}</EmptyState>
          ) : (
            <table className="table" data-testid="curations">
              <thead>
                <tr>
                  <th scope="col">{text.when}</th>
                  <th scope="col">{text.who}</th>
                  <th scope="col">{text.what}</th>
                  <th scope="col">{text.target}</th>
                  <th scope="col">{text.why}</th>
                  <th scope="col">{text.state}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {curations.map((c) => (
                  <tr key={c.id} data-testid="curation" data-kind={c.kind} data-undone={c.undone}>
                    <td className="muted small">{new Date(c.createdAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')}</td>
                    <td>{c.author}</td>
                    <td>{KINDS[c.kind]?.label[lang] ?? c.kind}</td>
                    <td className="small">
                      <code>{c.target}</code>
                    </td>
                    <td>{c.note}</td>
                    <td>{c.undone ? `${text.undone} (${c.undoneBy ?? ''})` : c.applied ? text.applied : text.waiting}</td>
                    <td>
                      {!c.undone && token && (
                        <button type="button" className="button button--small" disabled={undoing.loading} onClick={() => void undo({ variables: { id: c.id } }).then(() => refetch())} data-testid="curation-undo">
                          {text.undo}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryBoundary>
    </div>
  );
}

function NewCuration({ onSaved }: { onSaved: () => void }) {
  const { lang } = useI18n();
  const text = TEXT[lang];
  const [kind, setKind] = useState('link.reject');
  const [values, setValues] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [reject] = useMutation(RejectLinkDocument);
  const [confirm] = useMutation(ConfirmLinkDocument);
  const [addLink] = useMutation(AddLinkDocument);
  const [parties] = useMutation(SetMeasurePartiesDocument);
  const [merge] = useMutation(MergeDepartmentsDocument);
  const [confirmDept] = useMutation(ConfirmDepartmentDocument);
  const [year] = useMutation(SetDocumentYearDocument);
  const [jurisdiction] = useMutation(SetDocumentJurisdictionDocument);
  const v = (k: string) => (values[k] ?? '').trim();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const why = note.trim() || null;
    try {
      if (kind === 'link.reject') await reject({ variables: { later: v('later'), earlier: v('earlier'), note: why } });
      else if (kind === 'link.confirm') await confirm({ variables: { later: v('later'), earlier: v('earlier'), note: why } });
      else if (kind === 'link.add') await addLink({ variables: { later: v('later'), earlier: v('earlier'), note: note.trim() } });
      else if (kind === 'measure.parties') await parties({ variables: { measureId: v('measureId'), parties: [{ departmentId: v('departmentId'), role: v('role') || 'lead' }], note: why } });
      else if (kind === 'department.merge') await merge({ variables: { from: v('from'), into: v('into'), note: why } });
      else if (kind === 'department.confirm') await confirmDept({ variables: { id: v('departmentId'), note: why } });
      else if (kind === 'document.year') await year({ variables: { documentId: v('documentId'), year: Number(v('year')), note: why } });
      else await jurisdiction({ variables: { documentId: v('documentId'), jurisdiction: v('jurisdiction'), level: v('level') || null, note: why } });
      setValues({});
      setNote('');
      onSaved();
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <form className="curation-form" onSubmit={(e) => void submit(e)} data-testid="curation-form">
      <h2>{text.add}</h2>
      <label className="field field--inline">
        <span className="field-label">{text.kind}</span>
        <select className="input" value={kind} onChange={(e) => setKind(e.target.value)} data-testid="curation-kind">
          {Object.entries(KINDS).map(([k, d]) => (
            <option key={k} value={k}>
              {d.label[lang]}
            </option>
          ))}
        </select>
      </label>
      {KINDS[kind]!.fields.map((f) => (
        <label key={f} className="field field--inline">
          <span className="field-label">{FIELD_LABEL[f]![lang]}</span>
          <input className="input" value={values[f] ?? ''} onChange={(e) => setValues({ ...values, [f]: e.target.value })} data-testid={`curation-${f}`} />
        </label>
      ))}
      <label className="field">
        <span className="field-label">{text.note}</span>
        <input className="input" value={note} onChange={(e) => setNote(e.target.value)} data-testid="curation-note" />
      </label>
      <button type="submit" className="button button--primary" data-testid="curation-submit">
        {text.submit}
      </button>
      {failure !== null && <ErrorState error={failure} />}
    </form>
  );
}
