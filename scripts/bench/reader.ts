/**
 * What a reader's browser loads for the guide, measured in headless Chromium
 * against the real build: bytes of HTML, CSS and JavaScript before search is
 * used, bytes Pagefind loads for a first query, and the time to first results.
 */
import { join } from 'node:path';
import { launchChromium } from '../lib/browser.ts';
import { serveStatic } from '../lib/staticServer.ts';

export interface ReaderFigures {
  html: number;
  css: number;
  js: number;
  inlineScript: number;
  beforeSearchTotal: number;
  pagefindFirstQuery: number;
  pagefindFirstQueryGzip: number;
  beforeSearchGzip: number;
  openToResultsMs: number;
  typeToResultsMs: number;
}

export async function measureReader(
  dist: string,
  path = '/en/lead-management/enable-lead-sharing/',
  query = 'campaign',
): Promise<ReaderFigures> {
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const loaded: string[] = [];
    page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
    await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    const bytes = (paths: string[]) => paths.reduce((sum, name) => sum + (server.served.get(name) ?? 0), 0);
    const gzipped = (paths: string[]) => paths.reduce((sum, name) => sum + (server.servedGzip.get(name) ?? 0), 0);
    const before = [...new Set(loaded)];
    const html = bytes(before.filter((name) => name.endsWith('/') || name.endsWith('.html')));
    const css = bytes(before.filter((name) => name.endsWith('.css')));
    const js = bytes(before.filter((name) => name.endsWith('.js') || name.endsWith('.mjs')));
    const inlineScript = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([src]):not([type="application/json"])')].reduce(
        (sum, script) => sum + new TextEncoder().encode(script.textContent ?? '').length,
        0,
      ),
    );
    const other = bytes(before.filter((name) => !name.endsWith('/') && !/\.(html|css|m?js)$/.test(name)));

    loaded.length = 0;
    const opened = performance.now();
    await page.getByRole('button', { name: 'Search' }).click();
    const input = page.locator('pagefind-modal input');
    await input.waitFor({ state: 'visible' });
    const typed = performance.now();
    await input.fill(query);
    await page.locator('pagefind-modal a[href]').first().waitFor();
    const done = performance.now();
    await page.waitForLoadState('networkidle');
    const pagefindFiles = [...new Set(loaded)].filter((name) => name.startsWith('/pagefind/'));
    return {
      html,
      css,
      js,
      inlineScript,
      beforeSearchTotal: html + css + js + other,
      beforeSearchGzip: gzipped(before),
      pagefindFirstQuery: bytes(pagefindFiles),
      pagefindFirstQueryGzip: gzipped(pagefindFiles),
      openToResultsMs: done - opened,
      typeToResultsMs: done - typed,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

export function printReader(figures: ReaderFigures): void {
  const kb = (value: number) => `${(value / 1024).toFixed(1)} KB`;
  console.log(
    `  HTML ${kb(figures.html)} (of which inline script ${kb(figures.inlineScript)}), CSS ${kb(figures.css)}, JS files ${kb(figures.js)}`,
  );
  console.log(
    `  total before search: ${kb(figures.beforeSearchTotal)} (${kb(figures.beforeSearchGzip)} gzipped)  → target ≤ 30 KB ${figures.beforeSearchTotal <= 30 * 1024 ? 'met' : 'not met'}; JS files before search: ${figures.js === 0 ? 'none' : kb(figures.js)}`,
  );
  console.log(
    `  Pagefind for a first query (UI, wasm, index, fragments): ${kb(figures.pagefindFirstQuery)} (${kb(figures.pagefindFirstQueryGzip)} gzipped)`,
  );
  console.log(
    `  time to first results: ${Math.round(figures.openToResultsMs)} ms from opening search, ${Math.round(figures.typeToResultsMs)} ms from typing`,
  );
}

export const READER_DIST = (root: string) => join(root, 'node_modules/.cache/publisher-docs/bench-dist');
