/**
 * The findings app of the dev toolbar, as a translator uses it: `astro dev` on
 * a copy of the project whose German guide has a heading id of its own, a
 * link to a section that does not exist and a link whose target is markup; in
 * Chromium, open the guide and the app: the findings are listed with their rule
 * and file:line (the markup as text); a click on the
 * place opens the file at that line in the editor (a stand-in editor records
 * what it was asked to open); fix the file and save: the list follows.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { launchChromium } from '../scripts/lib/browser.ts';
import { APP_ID } from '../scripts/liveFindings/protocol.ts';
import { startDevServer, type DevServer } from './helpers/devServer.ts';
import { copyProject, ROOT, type ProjectCopy } from './helpers/project.ts';

const GUIDE = 'content/de/lead-management/enable-lead-sharing.mdx';
const HEADING = { right: '{/* #follow-up */}', wrong: '{/* #nachverfolgen */}' };
const LINK = { right: '[Übersicht aller Leitfäden](/de/)', wrong: '[Übersicht aller Leitfäden](/de/#ubersicht)' };
/** A link target that is markup: findings quote it, and the app must show it as text. */
const MARKUP = {
  right: '[Leads bearbeiten](/de/lead-management/work-your-leads/)',
  wrong: '[Leads bearbeiten](/de/x<img/src=x/onerror=window.__pwned=1>)',
};

let project: ProjectCopy;
let dev: DevServer;
let origin: string;
let browser: Browser;
let original: string;
/** The step under way: printed if the test fails (it has no time limit of its own but Vitest's). */
let step = 'starting astro dev';
/** What the app's window last showed: printed if the test fails. */
let shown = '';
const editorLog = () => join(project.dir, 'editor.log');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

beforeAll(async () => {
  project = copyProject();
  const guide = join(project.dir, GUIDE);
  original = readFileSync(guide, 'utf8');
  expect(original).toContain(HEADING.right);
  expect(original).toContain(LINK.right);
  expect(original).toContain(MARKUP.right);
  writeFileSync(guide, original.replace(HEADING.right, HEADING.wrong).replace(LINK.right, LINK.wrong).replace(MARKUP.right, MARKUP.wrong));
  // The editor Vite's /__open-in-editor launches (LAUNCH_EDITOR gets file, line, column): it writes them down.
  const editor = join(project.dir, 'editor.sh');
  writeFileSync(editor, `#!/bin/sh\necho "$@" >> ${JSON.stringify(editorLog())}\n`);
  chmodSync(editor, 0o755);
  dev = await startDevServer(project.dir, { LAUNCH_EDITOR: editor });
  origin = dev.origin;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await dev?.stop();
  project?.remove();
});

/** The guide with the findings app open: its window, inside the toolbar's and the app's shadow roots (Playwright pierces them). */
async function openApp(page: Page): Promise<Locator> {
  step = 'opening the German guide and the app';
  await page.goto(`${origin}/de/lead-management/enable-lead-sharing/`);
  const button = page.locator(`astro-dev-toolbar button[data-app-id="${APP_ID}"]`);
  const panel = page.locator(`astro-dev-toolbar-app-canvas[data-app-id="${APP_ID}"] astro-dev-toolbar-window[data-findings]`);
  // The app is ready once it has drawn its window (the toolbar initializes apps when the browser is idle).
  await panel.waitFor({ state: 'attached', timeout: 0 });
  await button.click();
  await panel.waitFor({ state: 'visible' });
  return panel;
}

describe('the findings app of the dev toolbar', () => {
  it("lists the German guide's findings with rule and file:line, opens the place in the editor, and follows a save", async () => {
    onTestFailed(() => console.error(`Failed while ${step}. The app last showed:\n${shown}\nastro dev said:\n${dev.output()}`));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const panel = await openApp(page);
    const watching = setInterval(
      () =>
        void panel.textContent({ timeout: 1000 }).then(
          (text) => (shown = text ?? ''),
          () => {},
        ),
      1000,
    ).unref();
    const planted = readFileSync(join(project.dir, GUIDE), 'utf8');
    const headingLine = lineOf(planted, HEADING.wrong);
    const linkLine = lineOf(planted, LINK.wrong);

    step = 'waiting for the planted findings';
    const heading = panel.locator('li[data-rule="heading-id"]');
    await heading.waitFor({ timeout: 0 });
    await expect(heading.locator('.checker').textContent()).resolves.toBe('check:i18n');
    await expect(heading.locator('button.place').first().textContent()).resolves.toBe(`${GUIDE}:${headingLine}:1`);
    await expect(heading.locator('.message').textContent()).resolves.toContain('"nachverfolgen"');
    const anchor = panel.locator('li[data-rule="broken-anchor"]');
    await expect(anchor.locator('.checker').textContent()).resolves.toBe('check:links');
    await expect(anchor.locator('button.place').first().textContent()).resolves.toMatch(new RegExp(`^${GUIDE}:${linkLine}:\\d+$`));
    await expect(anchor.locator('.message').textContent()).resolves.toContain('#ubersicht');
    // Content quoted in a finding is text, never markup.
    const markup = panel.locator('li[data-rule="broken-link"]');
    await expect(markup.locator('.message').textContent()).resolves.toContain('"/de/x<img/src=x/onerror=window.__pwned=1>"');
    await expect(panel.locator('img').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).resolves.toBeUndefined();
    mkdirSync(join(ROOT, 'test-results/screenshots'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results/screenshots/dev-toolbar-findings.png') });

    // A click opens the file at that line: Vite's /__open-in-editor runs the editor with file, line, column.
    step = 'opening the place in the editor';
    await heading.locator('button.place').first().click();
    while (!existsSync(editorLog())) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(readFileSync(editorLog(), 'utf8')).toBe(`${join(project.dir, GUIDE)} ${headingLine} 1\n`);

    // Fix the heading and save: the list follows (the save reloads the page; the app stays open).
    step = 'waiting for the list to follow the fixed heading';
    writeFileSync(join(project.dir, GUIDE), planted.replace(HEADING.wrong, HEADING.right));
    await panel.locator('li[data-rule="heading-id"]').waitFor({ state: 'detached', timeout: 0 });
    await panel.locator('li[data-rule="broken-anchor"]').waitFor({ state: 'visible', timeout: 0 });
    // Fix the link too: nothing is left.
    step = 'waiting for the list to follow the fixed link';
    writeFileSync(join(project.dir, GUIDE), original);
    await panel.getByText('No findings for this page.').waitFor({ state: 'visible', timeout: 0 });
    await expect(panel.locator('li').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    clearInterval(watching);
    await page.close();
  }, 300_000);
});
