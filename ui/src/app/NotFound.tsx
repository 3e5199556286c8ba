import { useI18n } from '../lib/i18n.js';

export function NotFound() {
  const { t } = useI18n();
  return (
    <div className="page page--narrow">
      <h1>{t('notFound')}</h1>
      <p>{t('notFoundBody')}</p>
    </div>
  );
}
