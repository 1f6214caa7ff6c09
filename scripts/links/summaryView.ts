/** What `check:links`'s summary says in the readable and Markdown reports: what was read, crawled and checked. */
import type { SummaryView } from '../../src/report/format/types.ts';
import type { LinkSummary } from './check.ts';

export function linkSummaryView(value: object): SummaryView {
  const summary = value as LinkSummary;
  if (summary.crawl)
    return {
      lines: [
        `Source: ${summary.links} links in ${summary.files} files; crawled ${summary.crawl.url}: ${summary.crawl.linksChecked} links on ${summary.crawl.pages} pages.`,
      ],
    };
  const trace = summary.builtPass.traceBuild?.error ? ` (the checking build failed: ${summary.builtPass.traceBuild.error})` : '';
  const built = summary.builtPass.ran
    ? `built site: ${summary.builtPass.linksChecked} links on ${summary.builtPass.pages} pages${trace}`
    : `built site: skipped (${summary.builtPass.reason})`;
  const external = summary.external
    ? `external: ${summary.external.checked} checked, ${summary.external.fromCache} from cache, ${summary.external.skipped} skipped`
    : 'external: off (--external to check)';
  return { lines: [`Source: ${summary.links} links in ${summary.files} files; ${built}; ${external}.`] };
}
