/**
 * Astro's incremental build (astro.config.mjs) reuses a page's HTML while the modules it is built from
 * hash the same. The search dialog is a module of its own that the header's script only names by URL
 * (src/integrations/lazyModule.ts): a change to it must still reach every page that names it, or the
 * reused pages load a script file the new build no longer has, and no script of the page runs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { selectAll } from 'hast-util-select';
import { fromHtml } from 'hast-util-from-html';
import { astroBuild, copyProject, type ProjectCopy } from './helpers/project.ts';
import { BUILD_LIMIT_MS } from './helpers/work.ts';

let project: ProjectCopy | undefined;
afterAll(() => project?.remove());

/** The scripts a built page loads, as files of the build. */
function scriptsOf(dist: string, page: string): string[] {
  const tree = fromHtml(readFileSync(join(dist, page), 'utf8'));
  return selectAll('script[src]', tree).map((script) => String(script.properties.src));
}

describe('an incremental build after the search module changed', () => {
  it(
    'points every reused page at the header script it builds now',
    () => {
      project = copyProject();
      const { dir } = project;
      const first = astroBuild(dir);
      expect(first.code, first.output).toBe(0);
      const before = scriptsOf(join(dir, 'dist'), 'en/index.html');
      expect(before.length).toBeGreaterThan(0);
      const search = join(dir, 'src/client/search.ts');
      writeFileSync(
        search,
        readFileSync(search, 'utf8').replace(
          "settings.setAttribute('lang'",
          "settings.setAttribute('data-changed', '');\n  settings.setAttribute('lang'",
        ),
      );
      const second = astroBuild(dir);
      expect(second.code, second.output).toBe(0);
      for (const page of ['en/index.html', 'de/lead-management/enable-lead-sharing/index.html', '404.html']) {
        const scripts = scriptsOf(join(dir, 'dist'), page);
        expect(scripts, page).not.toEqual(before);
        for (const src of scripts) expect(existsSync(join(dir, 'dist', src)), `${page} loads ${src}`).toBe(true);
      }
    },
    2 * BUILD_LIMIT_MS,
  );
});
