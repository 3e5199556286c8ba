// Browser-test harness: the real server (api/server.ts) on the real Neo4j with the seeds
// ingested, the built UI, and Debian's chromium driven by playwright-core (never a downloaded
// browser).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../api/server.js';
import { testDriver } from '../../test/neo4j.js';
import { loadSeedGraph } from '../../test/seed-graph.js';

const uiDir = fileURLToPath(new URL('..', import.meta.url));
const distDir = path.join(uiDir, 'dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds ui/dist when it is missing or older than any source file (npm test builds it first anyway). */
export function ensureUiBuilt(): string {
  const index = path.join(distDir, 'index.html');
  const sources = Math.max(newestMtime(path.join(uiDir, 'src')), fs.statSync(path.join(uiDir, 'index.html')).mtimeMs);
  if (!fs.existsSync(index) || fs.statSync(index).mtimeMs < sources) {
    // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    const result = spawnSync('npm', ['run', '--silent', 'build:ui'], {
      cwd: path.join(uiDir, '..'),
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status !== 0) throw new Error('ui/e2e: npm run build:ui failed; see the build output above');
  }
  return distDir;
}

export interface App {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** `writeToken` and `importDir` switch the write path on (import and curation tests). */
export async function startApp(opts: { writeToken?: string; importDir?: string } = {}): Promise<App> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`ui/e2e: no chromium at ${CHROMIUM}; install Debian's with: apt-get install -y chromium`);
  }
  const driver = testDriver();
  await loadSeedGraph(driver);
  const server: RunningServer = await startServer({ driver, port: 0, host: '127.0.0.1', uiDir: ensureUiBuilt(), log: () => {}, ...opts });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  return {
    url: server.url.replace(/\/$/, ''),
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Opens a page in a fresh context. `bypassCSP` is only for the accessibility checks, which inject
 * axe-core as an inline script; the product's Content-Security-Policy (script-src 'self') forbids
 * that, so those contexts ignore the policy. Every other page runs under the real policy.
 */
export async function newPage(app: App, size = { width: 1280, height: 720 }, options: { bypassCSP?: boolean } = {}): Promise<Page> {
  const context = await app.browser.newContext({ viewport: size, locale: 'zh-CN', bypassCSP: options.bypassCSP ?? false });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  return page;
}

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in the page and returns the serious and critical violations (WCAG 2.1 AA rules).
 * The page must come from `newPage(app, size, { bypassCSP: true })`: axe is injected inline.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
