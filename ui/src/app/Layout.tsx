import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { useI18n } from '../lib/i18n.js';
import { ErrorBoundary } from '../components/ErrorBoundary.js';
import { HelpDialog } from './HelpDialog.js';

export function Layout() {
  const { t, lang, setLang } = useI18n();
  const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'nav__link nav__link--active' : 'nav__link');
  // On a phone the nav folds behind a menu button; it closes again after each navigation.
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  useEffect(() => setMenuOpen(false), [location.pathname]);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app__header">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true" />
          <span className="brand__title">{t('appTitle')}</span>
          <span className="brand__subtitle">{t('appSubtitle')}</span>
        </div>
        <button
          type="button"
          className="button button--ghost menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen(!menuOpen)}
          data-testid="menu-button"
        >
          <span aria-hidden="true">☰</span> {t('menu')}
        </button>
        <nav id="main-nav" className={menuOpen ? 'nav nav--open' : 'nav'} aria-label={t('appTitle')}>
          <NavLink to="/explore" className={navClass}>
            {t('navExplorer')}
          </NavLink>
          <NavLink to="/themes" className={navClass}>
            {t('navThemes')}
          </NavLink>
          <NavLink to="/departments" className={navClass}>
            {t('navDepartments')}
          </NavLink>
          <NavLink to="/documents" className={navClass}>
            {t('navDocuments')}
          </NavLink>
          <NavLink to="/import" className={navClass}>
            {t('navImport')}
          </NavLink>
          <NavLink to="/curation" className={navClass}>
            {t('navCuration')}
          </NavLink>
          <a href="/graphiql/" className="nav__link nav__api">
            {t('apiLink')}
          </a>
        </nav>
        <HelpDialog />
        <button
          type="button"
          className="button button--ghost lang-switch"
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          title={t('switchLanguageLabel')}
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
        >
          {t('switchLanguage')}
        </button>
      </header>
      <main id="main" className="app__main" tabIndex={-1}>
        <ErrorBoundary>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
