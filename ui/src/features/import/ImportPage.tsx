import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from '@apollo/client/react';
import { ImportJobDocument, RemoveDocumentDocument, type ImportJobQuery } from '../../generated/graphql.js';
import { useI18n } from '../../lib/i18n.js';
import { routes } from '../../lib/routes.js';
import { writeHeaders } from '../../lib/writeToken.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { useWriteToken } from '../../hooks/useWriteToken.js';
import { ErrorState } from '../../components/QueryState.js';
import { WriteTokenForm } from '../../components/WriteTokenForm.js';
import { TEXT } from './text.js';

type JobFile = NonNullable<ImportJobQuery['job']>['files'][number];
interface Refused {
  name: string;
  reason: string;
}

const LEVELS = ['national', 'provincial', 'municipal', 'district'];

export default function ImportPage() {
  const { lang } = useI18n();
  const text = TEXT[lang];
  usePageTitle(text.title);
  const { token } = useWriteToken();
  const [files, setFiles] = useState<File[]>([]);
  const [meta, setMeta] = useState({ year: '', issuedOn: '', jurisdiction: '', level: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<Refused[]>([]);
  const [jobId, setJobId] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    setFiles((prev) => [...prev, ...Array.from(event.dataTransfer.files)]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setRefused([]);
    try {
      const form = new FormData();
      for (const [k, v] of Object.entries(meta)) if (v.trim()) form.append(k, v.trim());
      for (const f of files) form.append('file', f, f.name);
      const res = await fetch('/api/documents', { method: 'POST', body: form, headers: writeHeaders() });
      const body = (await res.json()) as { job?: { id: string }; refused?: Refused[]; errors?: { message: string }[] };
      setRefused(body.refused ?? []);
      if (body.job) {
        setJobId(body.job.id);
        setFiles([]);
      } else setError(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${res.status}`);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page import-page">
      <h1>{text.title}</h1>
      <p className="hint">{text.intro}</p>
      <WriteTokenForm />
      {token && (
        <form onSubmit={(e) => void submit(e)} data-testid="import-form">
          <div
            className={`dropzone${dragging ? ' dropzone--active' : ''}`}
            data-testid="import-drop"
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            {text.drop}{' '}
            <button type="button" className="button button--small" onClick={() => input.current?.click()}>
              {text.choose}
            </button>
            <input
              ref={input}
              type="file"
              multiple
              className="visually-hidden"
              data-testid="import-file-input"
              aria-label={text.choose}
              onChange={(e) => setFiles((prev) => [...prev, ...Array.from(e.target.files ?? [])])}
            />
            <p className="hint">{text.limits}</p>
          </div>
          {files.length > 0 && (
            <ul className="plain-list" aria-label={text.chosen} data-testid="import-chosen">
              {files.map((f, i) => (
                <li key={`${f.name}-${i}`}>
                  {f.name} <span className="muted small">{Math.ceil(f.size / 1024)} KB</span>
                </li>
              ))}
            </ul>
          )}
          <fieldset className="import-meta">
            <legend>{text.metadata}</legend>
            <label className="field field--inline">
              <span className="field-label">{text.year}</span>
              <input className="input" inputMode="numeric" size={6} value={meta.year} onChange={(e) => setMeta({ ...meta, year: e.target.value })} />
            </label>
            <label className="field field--inline">
              <span className="field-label">{text.issuedOn}</span>
              <input className="input" type="date" value={meta.issuedOn} onChange={(e) => setMeta({ ...meta, issuedOn: e.target.value })} />
            </label>
            <label className="field field--inline">
              <span className="field-label">{text.jurisdiction}</span>
              <input className="input" size={12} value={meta.jurisdiction} onChange={(e) => setMeta({ ...meta, jurisdiction: e.target.value })} />
            </label>
            <label className="field field--inline">
              <span className="field-label">{text.level}</span>
              <select className="input" value={meta.level} onChange={(e) => setMeta({ ...meta, level: e.target.value })}>
                <option value="">{text.levelAny}</option>
                {LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
          <button type="submit" className="button button--primary" disabled={busy || files.length === 0} data-testid="import-submit">
            {busy ? text.uploading : text.submit}
          </button>
        </form>
      )}
      {error && (
        <p className="state state--error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {refused.length > 0 && (
        <section aria-label={text.refused} data-testid="import-refused">
          <h2>{text.refused}</h2>
          <ul className="plain-list">
            {refused.map((r) => (
              <li key={r.name}>
                <strong>{r.name}</strong>: {r.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {jobId && <JobView id={jobId} />}
    </div>
  );
}

function JobView({ id }: { id: string }) {
  const { lang } = useI18n();
  const text = TEXT[lang];
  const { data, error, startPolling, stopPolling } = useQuery(ImportJobDocument, { variables: { id }, fetchPolicy: 'network-only' });
  const status = data?.job?.status;
  const finished = status === 'done' || status === 'failed';
  useEffect(() => {
    if (finished) stopPolling();
    else startPolling(500);
    return () => stopPolling();
  }, [finished, startPolling, stopPolling]);
  if (error) return <ErrorState error={error} />;
  const job = data?.job;
  return (
    <section className="import-job" data-testid="import-job" data-status={status ?? 'queued'} aria-live="polite">
      <h2>
        {text.job} <span className="muted small">{id}</span> · {status ? (text.stage[status] ?? status) : text.stage.queued}
      </h2>
      {job?.error && <p className="state state--error">{job.error}</p>}
      {job?.files.map((f) => <FileView key={f.name} file={f} />)}
    </section>
  );
}

function FileView({ file }: { file: JobFile }) {
  const { lang } = useI18n();
  const text = TEXT[lang];
  const [removeDocument, removal] = useMutation(RemoveDocumentDocument);
  const doc = file.stage === 'done' ? file.document : null;
  const parties = new Map<string, string>();
  for (const m of doc?.measures.nodes ?? []) for (const r of m.responsibilities) parties.set(r.department.id, r.department.name);
  const removed = removal.data?.removeDocument.removed === true;
  return (
    <article className="import-file" data-testid="import-file" data-stage={file.stage} data-name={file.name}>
      <h3>
        {file.name} <span className="muted small">{file.kind}</span>
      </h3>
      <div className="import-file__progress">
        <progress max={1} value={file.progress} aria-label={`${file.name}: ${text.stage[file.stage] ?? file.stage}`} data-testid="import-progress" />
        <span data-testid="import-stage">{text.stage[file.stage] ?? file.stage}</span>
      </div>
      {file.message && <p className="hint">{file.message}</p>}
      <details open={file.diagnostics.length > 0} data-testid="import-diagnostics">
        <summary>
          {text.diagnostics} <span className="count">{file.diagnostics.length}</span>
        </summary>
        {file.diagnostics.length === 0 ? (
          <p className="hint">{text.noDiagnostics}</p>
        ) : (
          <ul className="plain-list diagnostics">
            {file.diagnostics.map((d, i) => (
              <li key={i} className={`diagnostic diagnostic--${d.severity}`} data-testid="import-diagnostic">
                <span className="diagnostic__place">
                  {text.line} {d.line}:{d.column}
                </span>{' '}
                <strong>{d.severity}</strong> {d.message} <span className="muted small">[{d.rule}]</span>
                {d.lineText !== null && d.lineText !== undefined && (
                  <pre className="diagnostic__line" data-testid="import-diagnostic-line">
                    <span className="muted">{d.line} | </span>
                    {d.lineText}
                  </pre>
                )}
              </li>
            ))}
          </ul>
        )}
      </details>
      {doc && !removed && (
        <section className="import-preview" data-testid="import-preview" aria-label={text.preview}>
          <h4>
            <Link to={routes.document(doc.id)} data-testid="import-open">
              {doc.title}
            </Link>
          </h4>
          <dl className="import-facts">
            <dt>{text.yearEvidence}</dt>
            <dd data-testid="import-year">
              <span className="year-chip">{doc.year ?? '?'}</span> {doc.yearSource}
              {doc.issuedOn ? ` · ${doc.issuedOn}` : ''}
              {doc.yearReason ? ` · ${doc.yearReason}` : ''}
            </dd>
            <dt>{text.measures}</dt>
            <dd data-testid="import-measures">{doc.measureCount}</dd>
            <dt>{text.links}</dt>
            <dd data-testid="import-links">{file.linksToStored}</dd>
            <dt>{text.parties}</dt>
            <dd>
              <ul className="chip-list chip-list--wrap">
                {[...parties.entries()].map(([id, name]) => (
                  <li key={id}>
                    <Link className="chip" to={routes.department(name)}>
                      {name}
                    </Link>
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
          <ol className="import-measures">
            {doc.measures.nodes.map((m) => (
              <li key={m.id}>
                <span className="muted small">{m.path}</span> {m.text.length > 120 ? `${m.text.slice(0, 120)}…` : m.text}
              </li>
            ))}
          </ol>
          {doc.measures.totalCount > doc.measures.nodes.length && <p className="hint">{text.more.replace('{n}', String(doc.measures.totalCount - doc.measures.nodes.length))}</p>}
          <button
            type="button"
            className="button"
            data-testid="import-remove"
            disabled={removal.loading}
            onClick={() => {
              if (!window.confirm(text.confirmRemove)) return;
              // Views that showed the document must not keep it from their cache.
              void removeDocument({
                variables: { id: doc.id },
                update: (cache) => {
                  cache.evict({ id: cache.identify({ __typename: 'Document', id: doc.id }) });
                  cache.evict({ fieldName: 'documents' });
                  cache.gc();
                },
              });
            }}
          >
            {text.remove}
          </button>
          {removal.error && <ErrorState error={removal.error} />}
        </section>
      )}
      {removed && (
        <p className="hint" role="status" data-testid="import-removed">
          {text.removed}
        </p>
      )}
    </article>
  );
}
