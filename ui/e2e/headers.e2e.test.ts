// Security headers in a real browser: the UI's views and GraphiQL run under the server's Content
// Security Policy without a single violation, and the pages cannot be framed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, startApp, type App } from './harness.js';

let app: App;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

/** Opens a page and collects every CSP violation and console error it causes. */
async function visit(path: string, ready: string): Promise<{ page: Page; problems: string[] }> {
  const page = await newPage(app);
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(`${app.url}${path}`);
  await page.waitForSelector(ready, { timeout: 30_000 });
  // Let lazy chunks, workers and fonts load.
  await page.waitForTimeout(1_500);
  return { page, problems };
}

describe('Content Security Policy', () => {
  it('the explorer, a theme and a department view load without violations', async () => {
    for (const path of ['/explore', '/themes', '/departments/市商务局']) {
      const { page, problems } = await visit(path, '#root *');
      expect(problems, path).toEqual([]);
      await page.context().close();
    }
  });

  it('GraphiQL loads without violations', async () => {
    const { page, problems } = await visit('/graphiql/', '.graphiql-container');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('headers', () => {
  it('forbid framing and sniffing; the page revalidates, hashed assets are cached for a year', async () => {
    const res = await fetch(`${app.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/script-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const html = await res.text();
    const asset = /src="\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const a = await fetch(`${app.url}/${asset}`);
    expect(a.status).toBe(200);
    expect(a.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${app.url}/lineage/x`)).headers.get('cache-control')).toBe('no-cache');
  });
});
