import { useState, type FormEvent } from 'react';
import { useI18n } from '../lib/i18n.js';
import { useWriteToken } from '../hooks/useWriteToken.js';

const TEXT = {
  zh: {
    title: '写入口令',
    hint: '导入和更正需要写入口令：服务器首次启动时在终端显示（保存在 .data/api-token），或环境变量 API_TOKEN。本会话内只需输入一次。',
    token: '口令',
    name: '您的名字（记入更正记录）',
    save: '保存',
    signedIn: '已输入写入口令',
    forget: '清除口令',
  },
  en: {
    title: 'Write token',
    hint: 'Imports and corrections need the write token: the terminal showed it on the first start (kept in .data/api-token), or it is API_TOKEN. Asked once per session.',
    token: 'Token',
    name: 'Your name (recorded with corrections)',
    save: 'Save',
    signedIn: 'Write token given',
    forget: 'Forget token',
  },
} as const;

/** Asks for the write token once per session; afterwards shows that it is set, with a way to forget it. */
export function WriteTokenForm() {
  const { lang } = useI18n();
  const text = TEXT[lang];
  const { token, name, setToken } = useWriteToken();
  const [draft, setDraft] = useState('');
  const [who, setWho] = useState(name);
  if (token) {
    return (
      <p className="hint" data-testid="write-token-set">
        {text.signedIn}
        {name ? ` (${name})` : ''}{' '}
        <button type="button" className="button button--small button--ghost" onClick={() => setToken(null)}>
          {text.forget}
        </button>
      </p>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim()) setToken(draft.trim(), who.trim());
  };
  return (
    <form className="write-token" onSubmit={submit} data-testid="write-token-form" aria-labelledby="write-token-title">
      <h2 id="write-token-title">{text.title}</h2>
      <p className="hint">{text.hint}</p>
      <label className="field">
        <span className="field-label">{text.token}</span>
        <input className="input" type="password" autoComplete="off" value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="write-token-input" />
      </label>
      <label className="field">
        <span className="field-label">{text.name}</span>
        <input className="input" value={who} onChange={(e) => setWho(e.target.value)} />
      </label>
      <button type="submit" className="button button--primary" disabled={!draft.trim()}>
        {text.save}
      </button>
    </form>
  );
}
