import { useEffect } from 'react';
import { useI18n } from '../lib/i18n.js';

/** Each view names itself in the tab title, so bookmarks and history entries say what they are. */
export function usePageTitle(title: string | null | undefined): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = title ? `${title} · ${t('appTitle')}` : t('appTitle');
  }, [title, t]);
}
