/**
 * `npm run screenshots`: every page of the built site in Chromium, as a person
 * reviewing a change looks at it: on a desktop in the light theme and on a
 * phone in the dark one, each page whole, as PNG files. Nothing is judged here
 * (the browser tests do that); the pictures are for people.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { launchChromium } from './lib/browser.ts';
import { EXIT, parseCli, runCommand, UsageError } from './lib/cli.ts';
import { serveStatic } from './lib/staticServer.ts';
import { loadSite } from '../src/model/site.ts';

const USAGE = `Usage: npm run screenshots [-- options]

Photographs every page of the built site in dist/ with Chromium: 1280 px wide
in the light theme and 360 px wide in the dark theme, each page whole, into
test-results/screenshots/<locale>-<page>-light-1280.png and -dark-360.png.
Build first with npm run build. Exit 0 when every page was photographed,
1 when a page did not load, 2 on bad options or no built site.

  --locale <code>   only this locale (repeatable; default every locale)
  --page <slug>     only this page, such as lead-management/ (repeatable)
  --dist <dir>      the built site (default dist/)
  --out <dir>       where the pictures go (default test-results/screenshots/)`;

const ROOT = join(import.meta.dirname, '..');

const VIEWS = [
  { name: 'light-1280', viewport: { width: 1280, height: 800 }, colorScheme: 'light' as const },
  { name: 'dark-360', viewport: { width: 360, height: 740 }, colorScheme: 'dark' as const },
];

await runCommand(USAGE, async () => {
  const { values } = parseCli(process.argv.slice(2), {
    locale: { type: 'string', multiple: true },
    page: { type: 'string', multiple: true },
    dist: { type: 'string', default: join(ROOT, 'dist') },
    out: { type: 'string', default: join(ROOT, 'test-results/screenshots') },
  });
  const dist = resolve(values.dist);
  if (!existsSync(join(dist, 'index.html')))
    throw new UsageError(`${values.dist} holds no built site: run \`npm run build\` first (or pass --dist).`);
  const site = loadSite(ROOT);
  const unknown = (values.locale ?? []).filter((code) => !site.registry.get(code));
  if (unknown.length > 0)
    throw new UsageError(`No locale ${unknown.join(', ')} in content/locales.json (it has ${site.registry.codes.join(', ')}).`);
  const slugs = values.page?.map((page) => page.replace(/^\/+|\/+$/g, ''));
  const pages = site.pages.filter(
    (page) => (!values.locale || values.locale.includes(page.locale)) && (!slugs || slugs.includes(page.slug)),
  );
  if (pages.length === 0) throw new UsageError('No page matches --locale and --page.');

  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  const server = await serveStatic(dist, { measure: false });
  const browser = await launchChromium();
  const failed: string[] = [];
  try {
    for (const [index, page] of pages.entries()) {
      process.stderr.write(`[${index + 1}/${pages.length}] ${page.url}\n`);
      const name = `${page.locale}-${page.slug.replaceAll('/', '-') || 'home'}`;
      for (const view of VIEWS) {
        const context = await browser.newContext({ viewport: view.viewport, colorScheme: view.colorScheme });
        try {
          const tab = await context.newPage();
          // A page that does not load is reported, and the others are still photographed.
          const status = await tab.goto(`${server.url}${page.url}`).then(
            (response) => response?.status() ?? 'nothing',
            (error: Error) => error.message.split('\n')[0],
          );
          if (status !== 200) {
            failed.push(`${page.url}: ${typeof status === 'number' ? `answered ${status}` : status}`);
            break;
          }
          await tab.screenshot({ path: join(out, `${name}-${view.name}.png`), fullPage: true });
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  for (const line of failed) process.stderr.write(`error ${line}\n`);
  const where = relative(process.cwd(), out) || '.';
  process.stdout.write(
    `${(pages.length - failed.length) * VIEWS.length} screenshots of ${pages.length - failed.length} pages in ${where}/\n`,
  );
  return failed.length > 0 ? EXIT.problems : EXIT.ok;
});
