/**
 * Pages in Chromium for tests that only look: one tab per look (viewport,
 * colour scheme, JavaScript on or off), kept open and moved from page to page.
 *
 * Why: on this machine a new browser context and its first page load cost
 * about 1.3 s, and injecting axe into a fresh renderer another 0.9 s; the next
 * page in the same tab loads in 0.1 to 0.2 s and takes axe in 0.2 to 0.4 s.
 * Tests that look at dozens of pages spent most of their time opening them.
 *
 * A tab is shared between tests: a test that changes what a later page would
 * see (storage, permissions, a chosen theme) opens a context of its own.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';

export interface Look {
  width: number;
  height: number;
  scheme?: 'light' | 'dark';
  javaScript?: boolean;
}

export interface Visit {
  page: Page;
  /** Console errors and uncaught exceptions of this visit, as their messages. */
  errors: string[];
}

export class Tabs {
  readonly #browser: Browser;
  readonly #tabs = new Map<string, Promise<Visit>>();

  constructor(browser: Browser) {
    this.#browser = browser;
  }

  /** Loads `url` in the tab of `look`, opening the tab the first time. Do not close the page: the next visit reuses it. */
  async visit(url: string, look: Look): Promise<Visit> {
    const key = JSON.stringify([look.width, look.height, look.scheme ?? 'light', look.javaScript ?? true]);
    let tab = this.#tabs.get(key);
    if (!tab) {
      tab = this.#open(look);
      this.#tabs.set(key, tab);
    }
    const { page, errors } = await tab;
    // A visit's errors are its own: the array is emptied, not replaced, as the listeners hold it.
    errors.length = 0;
    await page.goto(url);
    return { page, errors };
  }

  async #open(look: Look): Promise<Visit> {
    const context = await this.#browser.newContext({
      viewport: { width: look.width, height: look.height },
      colorScheme: look.scheme ?? 'light',
      javaScriptEnabled: look.javaScript ?? true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    return { page, errors };
  }
}

/** The errors but the one a 404 page is expected to bring: Chromium logs its 404 status as a failed resource. */
export function unexpectedErrors(errors: readonly string[], path: string): string[] {
  return errors.filter((error) => !(path.includes('404') && error.includes('404')));
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Which part of the page axe looks at, and with which rules (default: the whole page, every rule). */
export interface AxeScope {
  include?: string;
  rules?: string[];
}

/** axe's serious and critical violations on the page as it is now, as `rule: targets`. */
export async function axeViolations(page: Page, scope: AxeScope = {}): Promise<string[]> {
  // Evaluated, not added as a <script> tag: the page's Content-Security-Policy would block that.
  await page.evaluate(`${AXE}\nvoid 0`);
  return page.evaluate(async ({ include, rules }) => {
    const result = await (
      window as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run(include ? { include: [[include]] } : document, {
      ...(rules ? { runOnly: rules } : {}),
      // Every rule still runs; only the violations get a selector for each of their elements (axe's own advice for speed).
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  }, scope);
}
