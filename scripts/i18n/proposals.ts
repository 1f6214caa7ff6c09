/**
 * What a translation rule needs to offer a fix: the site as the link check
 * sees it (built once per run from the pages this run parsed, with the
 * content model's URLs and each page's heading ids), to check a link a hint
 * proposes the way `check:links` would judge it; and a translation's text,
 * read only when a finding proposes a fix, to find the exact place to edit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fix } from '../../src/report/report.ts';
import { targetRange } from '../../src/report/fixes.ts';
import { checked } from '../links/proposal.ts';
import { resolveLink } from '../links/resolve.ts';
import { LinkResolver } from '../links/distIndex.ts';
import { linkSite, type LinkSite } from '../links/linkSite.ts';
import type { Place } from '../../src/content/outline.ts';
import type { ParsedPage } from './collect.ts';
import type { TranslationRun } from './context.ts';
import type { PageContext } from './context.ts';

/** Links to this origin are the site's own; the translation check does not know the deployed origin, and needs none. */
const NO_ORIGIN = new LinkResolver('https://site.invalid');

const models = new WeakMap<TranslationRun, LinkSite>();
const texts = new WeakMap<TranslationRun, Map<string, string | undefined>>();

function siteModel(run: TranslationRun): LinkSite {
  let model = models.get(run);
  if (!model) {
    const pages = new Map<string, ParsedPage[]>([
      [run.sourceLocale, run.sourcePages],
      ...run.targets.map((target) => [target.locale.code, target.pages] as [string, ParsedPage[]]),
    ]);
    model = linkSite(run.root, run.site, pages);
    models.set(run, model);
  }
  return model;
}

/**
 * Whether `href`, written in this translation, is a link the link check accepts: a page of this locale with
 * that #id, or a file. External links are taken as written (the source has them; they are checked online).
 */
export function linkPasses(run: TranslationRun, context: PageContext, href: string): boolean {
  const site = siteModel(run);
  const from = { url: context.page.url, file: context.translation.file, locale: context.locale.code };
  if (resolveLink(href, from, site, NO_ORIGIN).kind === 'external') return true;
  return checked({ href, note: '' }, from, site, NO_ORIGIN) !== undefined;
}

function textOf(run: TranslationRun, file: string): string | undefined {
  let cache = texts.get(run);
  if (!cache) texts.set(run, (cache = new Map()));
  if (!cache.has(file)) {
    try {
      cache.set(file, readFileSync(join(run.root, file), 'utf8'));
    } catch {
      cache.set(file, undefined);
    }
  }
  return cache.get(file);
}

/** A fix replacing the link target `written` (in the link spanning `span`) with `href`, when it is written verbatim there. */
export function linkFix(
  run: TranslationRun,
  file: string,
  span: Place & { end?: Place },
  written: string,
  href: string,
  description: string,
): Fix | undefined {
  const text = textOf(run, file);
  const range = text === undefined ? undefined : targetRange(text, span, written);
  return range ? { description, replacements: [{ file, ...range, text: href }] } : undefined;
}

/**
 * A fix giving a heading the id `id`: the id in its `{/* #… *\/}` marker replaced, or a marker added at the end
 * of an ATX heading (`## …`) that has none. None for a setext heading (underlined), whose end is its underline.
 */
export function headingIdFix(
  run: TranslationRun,
  file: string,
  heading: Place & { end?: Place; id: string; explicit: boolean },
  id: string,
  description: string,
): Fix | undefined {
  const text = textOf(run, file);
  if (text === undefined || !heading.end) return undefined;
  const lines = text.split('\n');
  const line = lines[heading.line - 1];
  if (line === undefined || heading.end.line !== heading.line || !line.slice(heading.column - 1).startsWith('#')) return undefined;
  const content = line.slice(0, heading.end.column - 1);
  if (!heading.explicit)
    return {
      description,
      replacements: [
        {
          file,
          line: heading.line,
          column: heading.end.column,
          endLine: heading.line,
          endColumn: heading.end.column,
          text: ` {/* #${id} */}`,
        },
      ],
    };
  // The marker is the heading's last thing: its id is the last `#<id>` on the line.
  const at = content.lastIndexOf(`#${heading.id}`);
  if (at === -1 || /[\p{L}\p{N}_-]/u.test(content[at + 1 + heading.id.length] ?? '')) return undefined;
  return {
    description,
    replacements: [{ file, line: heading.line, column: at + 2, endLine: heading.line, endColumn: at + 2 + heading.id.length, text: id }],
  };
}
