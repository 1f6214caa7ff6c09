/**
 * Moves each locale's "page not found" from dist/<locale>/404/index.html to
 * dist/<locale>/404.html, the name static hosts look for, so a missing page
 * under /de/ is answered in German.
 */
import { existsSync, renameSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { recordStage } from './stageTimings.ts';

export function notFoundPages(locales: readonly string[]): AstroIntegration {
  return {
    name: 'not-found-pages',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const start = performance.now();
        const site = fileURLToPath(dir);
        for (const locale of locales) {
          const built = join(site, locale, '404', 'index.html');
          if (!existsSync(built)) continue;
          renameSync(built, join(site, locale, '404.html'));
          rmdirSync(join(site, locale, '404'));
        }
        recordStage('404 pages', performance.now() - start);
      },
    },
  };
}
