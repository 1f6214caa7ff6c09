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
  /** From the click on the search button to the dialog with its engine loaded (its WebAssembly fetched). */
  openToReadyMs: number;
  /** From the first keystroke to the first result in the dialog, its engine loaded. */
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
    // Timed in the page (the click, the first keystroke, the first result link in the DOM): Playwright's
    // waits poll with growing pauses and would add up to half a second to what a reader sees.
    await page.evaluate(() => {
      const marks: Record<string, number> = {};
      (window as unknown as { benchMarks: Record<string, number> }).benchMarks = marks;
      document.addEventListener('click', () => (marks.opened ??= performance.now()), { capture: true });
      document.addEventListener('input', () => (marks.typed ??= performance.now()), { capture: true });
      new MutationObserver(() => {
        if (document.querySelector('pagefind-modal a[href]')) marks.results ??= performance.now();
      }).observe(document.body, { subtree: true, childList: true });
    });
    // A reader takes longer to type a word than the dialog takes to load its engine (Pagefind's WebAssembly,
    // fetched by its worker as the dialog opens); typing at once would time the loading instead of the search.
    const engine = page.waitForResponse((response) => /\/pagefind\/wasm\.[^/]+\.pagefind$/.test(response.url()));
    await page.getByRole('button', { name: 'Search' }).click();
    const input = page.locator('pagefind-modal input');
    await input.waitFor({ state: 'visible' });
    await engine;
    await page.evaluate(() => {
      const marks = (window as unknown as { benchMarks: Record<string, number> }).benchMarks;
      marks.ready = performance.now();
    });
    await input.fill(query);
    await page.locator('pagefind-modal a[href]').first().waitFor();
    const marks = await page.evaluate(() => (window as unknown as { benchMarks: Record<string, number> }).benchMarks);
    const { opened = NaN, ready = NaN, typed = NaN, results = NaN } = marks;
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
      openToReadyMs: ready - opened,
      typeToResultsMs: results - typed,
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
    `  search: dialog and engine loaded ${Math.round(figures.openToReadyMs)} ms after the click; first results ${Math.round(figures.typeToResultsMs)} ms after typing`,
  );
}

export const READER_DIST = (root: string) => join(root, 'node_modules/.cache/publisher-docs/bench-dist');
