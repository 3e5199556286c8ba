// The real explorer (ui/dist served by our API on the loaded graph): navigation to
// /explore?focus=<id>[&x=<expanded ids>] until the canvas's last layout, in headless Chromium.
// The canvas marks each finished layout on its container (data-layout-ms); Cytoscape keeps its
// instance on the container (_cyreg), which gives the element count and a node to click.
import { chromium } from 'playwright-core';

export interface ExplorerCase {
  label: string;
  path: string; // e.g. /explore?focus=dept:市商务局
}

export interface ExplorerResult {
  label: string;
  nodes: number;
  edges: number;
  elements: number;
  layouts: number;
  /** Navigation start → the last layout finished (the canvas complete). */
  readyMs: number;
  /** The last layout's own duration, as the canvas measured it. */
  layoutMs: number;
  /** Mouse click on a node → Cytoscape's tap handler ran. */
  tapMs: number | null;
  /** An uncaught error in the page (the explorer then shows its error screen, not a canvas). */
  error?: string;
}

export async function measureExplorer(baseUrl: string, cases: ExplorerCase[], quietMs = 2500): Promise<ExplorerResult[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const out: ExplorerResult[] = [];
  try {
    for (const c of cases) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const pageErrors: string[] = [];
      page.on('pageerror', (err) => pageErrors.push(err.message));
      // Record when each layout finishes, from the very start of the page.
      await page.addInitScript(() => {
        const w = window as unknown as { __layouts: number[] };
        w.__layouts = [];
        new MutationObserver((records) => {
          for (const r of records) if (r.attributeName === 'data-layout-ms') w.__layouts.push(performance.now());
        }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-layout-ms'] });
      });
      const response = await page.goto(`${baseUrl}${c.path}`);
      // A view that never lays out (an unknown id answers 404 with suggestions) is this case's
      // error, not the end of the step.
      const laidOut = await page
        .waitForFunction(() => (window as unknown as { __layouts: number[] }).__layouts.length > 0, undefined, { timeout: 120_000 })
        .then(() => true)
        .catch(() => false);
      if (!laidOut) {
        out.push({ label: c.label, nodes: 0, edges: 0, elements: 0, layouts: 0, readyMs: NaN, layoutMs: NaN, tapMs: null, error: `no layout within 120 s (HTTP ${response?.status() ?? '–'}, ${c.path})${pageErrors.length ? `; ${pageErrors[0]}` : ''}` });
        await page.close();
        continue;
      }
      // Expansions arrive one after another; the canvas is complete when layouts stop.
      let last = -1;
      for (;;) {
        const n = await page.evaluate(() => (window as unknown as { __layouts: number[] }).__layouts.length);
        if (n === last) break;
        last = n;
        await page.waitForTimeout(quietMs);
      }
      const facts = await page.evaluate(() => {
        const el = document.querySelector('[data-testid="graph-canvas"]') as (HTMLElement & { _cyreg?: { cy?: unknown } }) | null;
        const cy = el?._cyreg?.cy as
          | { nodes(): { length: number; [i: number]: { renderedPosition(): { x: number; y: number } } }; edges(): { length: number }; on(e: string, s: string, f: () => void): void }
          | undefined;
        const layouts = (window as unknown as { __layouts: number[] }).__layouts;
        const box = el?.getBoundingClientRect();
        let click: { x: number; y: number } | null = null;
        if (cy && box && cy.nodes().length > 0) {
          const p = cy.nodes()[0]!.renderedPosition();
          click = { x: box.left + p.x, y: box.top + p.y };
          cy.on('tap', 'node', () => {
            (window as unknown as { __tapped?: number }).__tapped = performance.now();
          });
        }
        return {
          nodes: cy?.nodes().length ?? Number(el?.dataset.nodeCount ?? 0),
          edges: cy?.edges().length ?? 0,
          layouts: layouts.length,
          readyMs: layouts[layouts.length - 1] ?? NaN,
          layoutMs: Number(el?.dataset.layoutMs ?? NaN),
          click,
        };
      });
      // BENCH_SCREENSHOTS=<dir> keeps a picture of each view, to look at what was measured.
      if (process.env.BENCH_SCREENSHOTS) {
        await page.screenshot({ path: `${process.env.BENCH_SCREENSHOTS}/explorer-${c.label.replace(/\W+/g, '-')}.png` });
      }
      let tapMs: number | null = null;
      if (facts.click) {
        const t0 = performance.now();
        await page.mouse.click(facts.click.x, facts.click.y);
        const ok = await page
          .waitForFunction(() => (window as unknown as { __tapped?: number }).__tapped !== undefined, undefined, { timeout: 5_000 })
          .then(() => true)
          .catch(() => false);
        tapMs = ok ? Math.round(performance.now() - t0) : null;
      }
      out.push({
        label: c.label,
        nodes: facts.nodes,
        edges: facts.edges,
        elements: facts.nodes + facts.edges,
        layouts: facts.layouts,
        readyMs: Math.round(facts.readyMs),
        layoutMs: Math.round(facts.layoutMs),
        tapMs,
        ...(pageErrors.length ? { error: pageErrors[0] } : {}),
      });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}
