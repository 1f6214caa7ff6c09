/**
 * In `npm run dev`, the content guard decides before the MDX compiler sees a
 * page, as it does in `npm run build`: a page the guard refuses (an expression
 * a translation's source does not have, a script URL, raw HTML outside the
 * allowlist…) is never compiled, so opening a contributor's branch in the dev
 * server runs none of its code. The reader gets the guard's report instead of
 * the page; every other page keeps working, and a save that fixes the page
 * brings it back.
 */
import { relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import { guardContent } from '../content/guard.ts';
import { openParseCache } from '../content/parseCache.ts';
import { formatPretty } from '../report/format/pretty.ts';

export function refuseGuardedPages(root: string): Plugin {
  const cache = openParseCache(root);
  return {
    name: 'content-guard:dev',
    enforce: 'pre',
    async load(id) {
      const path = id.split('?')[0]!;
      const file = relative(root, path).split(sep).join('/');
      if (!file.startsWith('content/') || !file.endsWith('.mdx')) return null;
      // The whole guard, not the page alone: a translation is judged against its source page. Parsed pages
      // come from the parse cache, so this costs a parse of what changed.
      const { problems } = await guardContent(root, cache);
      const refused = problems.filter((problem) => problem.file === file && problem.severity === 'error');
      if (refused.length === 0) return null;
      const report = formatPretty({ findings: refused, summary: undefined }, { color: false }).trimEnd();
      throw new Error(`The content guard refuses ${file}, so it is not compiled. Fix these and save:\n${report}`);
    },
  };
}
