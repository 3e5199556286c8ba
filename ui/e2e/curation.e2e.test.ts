// The curation page in a browser: a correction made through its form is listed, and undo (from
// the page) gives the graph back as the ingest left it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, startApp, type App } from './harness.js';
import { testDriver } from '../../test/neo4j.js';
import { graphSnapshot } from '../../test/graph-snapshot.js';

const TOKEN = 'e2e-curation-token-0123456789';
let app: App;

beforeAll(async () => {
  app = await startApp({ writeToken: TOKEN, importDir: fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-imports-')) });
});

afterAll(async () => {
  await app?.close();
});

const withoutCurations = (s: { nodes: string[]; relationships: string[] }) => ({ nodes: s.nodes.filter((n) => !n.includes('"Curation"')), relationships: s.relationships });

describe('curation page', () => {
  it('rejects a link through the form, lists it, and undoes it', async () => {
    const driver = testDriver();
    const before = withoutCurations(await graphSnapshot(driver));
    const link = (await driver.executeQuery('MATCH (a:Measure)-[r:EVOLVES_FROM]->(b:Measure) RETURN a.id AS later, b.id AS earlier ORDER BY r.score DESC, a.id LIMIT 1')).records[0]!;
    const page = await newPage(app);
    await page.goto(`${app.url}/curation`);
    await page.fill('[data-testid="write-token-input"]', TOKEN);
    await page.press('[data-testid="write-token-input"]', 'Enter');
    await page.waitForSelector('[data-testid="curation-form"]');
    await page.selectOption('[data-testid="curation-kind"]', 'link.reject');
    await page.fill('[data-testid="curation-later"]', link.get('later') as string);
    await page.fill('[data-testid="curation-earlier"]', link.get('earlier') as string);
    await page.fill('[data-testid="curation-note"]', '主题不同');
    await page.click('[data-testid="curation-submit"]');
    const row = await page.waitForSelector('[data-testid="curation"][data-kind="link.reject"]');
    expect(await row.textContent()).toContain('主题不同');
    const state = await driver.executeQuery('MATCH (:Measure {id: $l})-[r:EVOLVES_FROM]->(:Measure {id: $e}) RETURN r.curation AS c', { l: link.get('later'), e: link.get('earlier') });
    expect(state.records[0]!.get('c')).toBe('rejected');

    await page.click('[data-testid="curation"][data-kind="link.reject"] [data-testid="curation-undo"]');
    await page.waitForSelector('[data-testid="curation"][data-kind="link.reject"]', { state: 'detached' });
    expect(withoutCurations(await graphSnapshot(driver))).toEqual(before);
    await page.check('text=/显示已撤销的|Show undone/');
    await page.waitForSelector('[data-testid="curation"][data-undone="true"]');
    await page.context().close();
  });
});
