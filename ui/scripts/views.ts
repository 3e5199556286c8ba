// The views of the running product that the hand-run UI scripts visit (screenshots, time to
// usable): each with a URL found on the live data, never a hard-coded id, and the selector of the
// element that says the view is usable. Several selectors joined by ' && ' must all be visible;
// alternatives inside one selector are separated by commas as in CSS.
import type { Browser, Page } from 'playwright-core';

export interface View {
  name: string;
  url: string;
  ready: string;
  /** A checkbox to tick once the view is usable (not timed), and what then appears. */
  tick?: { selector: string; shows: string };
}

async function firstHit(page: Page, base: string, q: string, type: string): Promise<string | null> {
  await page.goto(`${base}/explore?q=${encodeURIComponent(q)}`);
  const hit = await page.waitForSelector(`[data-hit-type="${type}"]`, { timeout: 60_000 }).catch(() => null);
  return hit ? ((await hit.getAttribute('data-hit-id')) ?? null) : null;
}

/** The measure of a search whose version group has the most versions. */
async function largestGroup(page: Page, base: string, q: string): Promise<{ id: string; ids: string[] } | null> {
  await page.goto(`${base}/explore?q=${encodeURIComponent(q)}`);
  await page.waitForSelector('[data-hit-type="Measure"]', { timeout: 60_000 }).catch(() => null);
  const ids = await page.$$eval('[data-hit-type="Measure"]', (els) => els.map((e) => (e as HTMLElement).dataset.hitId!));
  let best: { id: string; ids: string[] } | null = null;
  for (const id of ids.slice(0, 8)) {
    await page.goto(`${base}/lineage/${encodeURIComponent(id)}`);
    await page.waitForSelector('[data-testid="lineage-years"], [data-testid="empty-state"], [data-testid="error-state"]');
    const members = await page.$$eval('[data-testid="version-timeline"] > li', (els) => els.map((e) => (e as HTMLElement).dataset.measureId!));
    if (members.length > (best?.ids.length ?? 1)) best = { id, ids: members };
  }
  return best;
}

/** Finds, on the data the server holds, a measure, a version group and documents to show. */
export async function discoverViews(browser: Browser, base: string): Promise<View[]> {
  const probe = await browser.newPage();
  try {
    const measure = await firstHit(probe, base, '津体惠', 'Measure');
    const initiative = await firstHit(probe, base, '津体惠', 'Initiative');
    const group = await largestGroup(probe, base, '5G');
    await probe.goto(`${base}/documents`);
    await probe.waitForSelector('[data-testid="documents"] tbody a');
    const docs = await probe.$$eval('[data-testid="documents"] tbody tr', (rows) =>
      rows.filter((tr) => Number(tr.querySelector('td:last-child')?.textContent) > 0).map((tr) => tr.querySelector('a')!.getAttribute('href')!),
    );
    const earliest = group?.ids[0] ?? '';
    const latest = group?.ids[group.ids.length - 1] ?? '';
    const docReady = '[data-testid="outline"], [data-testid="requirement-table"], [data-testid="empty-state"]';
    return [
      { name: 'explorer', url: '/explore', ready: '[data-testid="graph-canvas"][data-layout-ms]' },
      {
        name: 'explorer-search',
        url: `/explore?q=${encodeURIComponent('津体惠')}${initiative ? `&focus=${encodeURIComponent(initiative)}` : ''}${measure ? `&node=${encodeURIComponent(measure)}` : ''}`,
        ready: '[data-testid="measure-details"] && [data-testid="graph-canvas"][data-layout-ms]',
      },
      {
        name: 'explorer-expand',
        url: `/explore?focus=${encodeURIComponent('dept:天津市/市商务局')}&x=${encodeURIComponent('dept:天津市/市商务局')}&color=year&size=degree`,
        ready: '[data-testid="expansion-cut"] && [data-testid="graph-canvas"][data-layout-ms]',
      },
      { name: 'lineage', url: `/lineage/${encodeURIComponent(latest)}`, ready: '[data-testid="lineage-years"] && [data-testid="clause-table"]', tick: { selector: '[data-testid="show-related"]', shows: '[data-testid="related-timeline"]' } },
      { name: 'compare', url: `/compare?a=${encodeURIComponent(earliest)}&b=${encodeURIComponent(latest)}`, ready: '[data-testid="clause-table"]' },
      { name: 'themes', url: '/themes', ready: '.echart canvas' },
      { name: 'theme', url: `/themes/${encodeURIComponent('冷链')}`, ready: '[data-testid="theme-years"], [data-testid="empty-state"]' },
      { name: 'departments', url: '/departments', ready: 'table' },
      { name: 'department', url: `/departments/${encodeURIComponent('市商务局')}`, ready: '[data-testid="responsibilities"], [data-testid="empty-state"]' },
      { name: 'documents', url: '/documents', ready: '[data-testid="documents"]' },
      { name: 'document-table', url: docs.find((d) => d) ?? '/documents', ready: docReady },
      { name: 'document', url: docs[1] ?? docs[0] ?? '/documents', ready: docReady },
      { name: 'import', url: '/import', ready: '[data-testid="write-token-form"], [data-testid="import-form"]' },
      { name: 'curation', url: '/curation', ready: '[data-testid="curations"], [data-testid="empty-state"]' },
      { name: 'not-found', url: `/departments/${encodeURIComponent('市商务')}`, ready: '[data-testid="not-found"]' },
      { name: 'graphiql', url: '/graphiql/', ready: '.graphiql-container' },
    ];
  } finally {
    await probe.close();
  }
}

/** Opens a view and waits until every one of its ready selectors is visible; the milliseconds it took, or null. */
export async function openView(page: Page, base: string, view: View, timeoutMs = 40_000): Promise<number | null> {
  const started = Date.now();
  await page.goto(`${base}${view.url}`);
  let ok = true;
  for (const selector of view.ready.split(' && ')) {
    await page.waitForSelector(selector, { timeout: timeoutMs }).catch(() => {
      ok = false;
      console.error(`${view.name}: not ready (${selector})`);
    });
  }
  const ms = Date.now() - started;
  if (ok && view.tick) {
    const box = await page.$(view.tick.selector);
    if (box) {
      await box.check();
      await page.waitForSelector(view.tick.shows, { timeout: timeoutMs }).catch(() => console.error(`${view.name}: nothing after ticking ${view.tick!.selector}`));
    }
  }
  return ok ? ms : null;
}
