import { useEffect, useState } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import { useI18n } from '../lib/i18n.js';

/** Keyboard help (Radix Dialog: focus trap, Escape, aria wiring), plus the global "/" and "?" keys. */
export function HelpDialog() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '/') {
        const search = document.querySelector<HTMLInputElement>('[data-testid="search-input"]');
        if (search) {
          event.preventDefault();
          search.focus();
        }
      } else if (event.key === '?') {
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const rows: [string, string][] = [
    ['/', t('helpSearch')],
    ['↑ ↓ Enter', t('helpResults')],
    ['← →', t('helpTabs')],
    ['Tab', t('helpNodes')],
    ['Esc', t('helpClose')],
  ];
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button type="button" className="button button--ghost help-button" title="?">
          {t('help')}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title className="dialog__title">{t('helpTitle')}</Dialog.Title>
          <Dialog.Description className="visually-hidden">{t('helpTitle')}</Dialog.Description>
          <dl className="keys">
            {rows.map(([key, what]) => (
              <div key={key} className="keys__row">
                <dt>
                  <kbd>{key}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
          <Dialog.Close asChild>
            <button type="button" className="button button--primary">
              {t('close')}
            </button>
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
